"""Admin form of a compagnon: own structures only for members, practices among knowledge items."""

from wagtail.models import Page

from .ownership import OwnedSnippetForm


class PersonAdminForm(OwnedSnippetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from knowledge.models import KnowledgeItemPage

        if "practices" in self.fields:
            self.fields["practices"].queryset = Page.objects.type(KnowledgeItemPage).order_by("title")
