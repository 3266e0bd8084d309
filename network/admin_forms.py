"""Admin form of a compagnon: own structures only for members, practices among the page types
that apps register as practices a compagnon can show (knowledge registers its fiches and
practices: network does not know them)."""

from wagtail.models import Page

from .ownership import OwnedSnippetForm

PRACTICE_PAGE_MODELS = []


def register_practice_pages(*page_models):
    PRACTICE_PAGE_MODELS.extend(page_models)


class PersonAdminForm(OwnedSnippetForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "practices" in self.fields:
            self.fields["practices"].queryset = Page.objects.type(*PRACTICE_PAGE_MODELS).order_by("title")
