"""Admin: the vocabularies and meetup formats as snippets, grouped in one menu for moderators."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import MeetupFormat, Public, Sector, StructureType, Theme, Zone


class VocabularyViewSet(SnippetViewSet):
    list_display = ["name", "slug", "sort_order"]
    search_fields = ["name", "description"]
    ordering = ["sort_order", "name"]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description"), FieldPanel("sort_order")]


def vocabulary_viewset(tag_model, icon):
    return type(
        f"{tag_model.__name__}ViewSet",
        (VocabularyViewSet,),
        {
            "model": tag_model,
            "icon": icon,
            "panels": VocabularyViewSet.panels
            + ([FieldPanel("latitude"), FieldPanel("longitude")] if tag_model is Zone else []),
        },
    )


class MeetupFormatViewSet(SnippetViewSet):
    model = MeetupFormat
    icon = "calendar"
    list_display = ["name", "slug", "sort_order"]
    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("sort_order")]


class TaxonomyGroup(SnippetViewSetGroup):
    menu_label = _("Taxonomie")
    menu_icon = "tag"
    menu_order = 250
    items = [
        vocabulary_viewset(Sector, "tag"),
        vocabulary_viewset(Public, "group"),
        vocabulary_viewset(Theme, "help"),
        vocabulary_viewset(StructureType, "home"),
        vocabulary_viewset(Zone, "site"),
        MeetupFormatViewSet,
    ]


register_snippet(TaxonomyGroup)
