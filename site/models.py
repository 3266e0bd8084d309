"""The site's own pages (home, standard pages) and the site settings edited in the admin."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from .blocks import BodyStreamBlock, KeyFigureBlock, LinkBlock
from .fragments import remembered


class HomePage(Page):
    """The home page: an introduction, key figures, featured content and upcoming events."""

    introduction = models.TextField(_("introduction"), blank=True)
    hero_call_to_action = StreamField(
        [("link", LinkBlock())], verbose_name=_("boutons d'accueil"), blank=True, max_num=2
    )
    key_figures = StreamField(
        [("figure", KeyFigureBlock())], verbose_name=_("chiffres clés"), blank=True, max_num=4
    )
    featured = StreamField(
        [("page", blocks.PageChooserBlock(label=_("Contenu mis en avant")))],
        verbose_name=_("à la une"),
        blank=True,
        max_num=6,
    )
    body = StreamField(BodyStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("introduction"),
        FieldPanel("hero_call_to_action"),
        FieldPanel("key_figures"),
        FieldPanel("featured"),
        FieldPanel("body"),
    ]
    search_fields = Page.search_fields + [index.SearchField("introduction")]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("page d'accueil")
        verbose_name_plural = _("pages d'accueil")

    def featured_pages(self):
        """The live featured pages, as their own types, in the editors' order: one query per type."""
        ids = [child.get("value") for child in self.featured.raw_data if child.get("value")]
        found = {page.pk: page for page in Page.objects.live().filter(pk__in=ids).specific()}
        return [found[pk] for pk in ids if pk in found]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["featured_pages"] = self.featured_pages()
        # The sections change only when one is published: remembered until then.
        context["home_sections"] = remembered(
            "home-sections", self.pk, build=lambda: list(home_sections(self))
        )
        return context


def home_sections(home):
    """The section pages directly under the home page, in menu order (for the home page tiles)."""
    return home.get_children().live().in_menu().specific()


class StandardPage(Page):
    """A free page: about, legal notice, accessibility statement, privacy..."""

    introduction = models.TextField(_("chapeau"), blank=True)
    body = StreamField(BodyStreamBlock(), verbose_name=_("contenu"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("introduction"), FieldPanel("body")]
    search_fields = Page.search_fields + [index.SearchField("introduction"), index.SearchField("body")]
    subpage_types = ["passerelles.StandardPage"]

    class Meta:
        verbose_name = _("page standard")
        verbose_name_plural = _("pages standard")


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    primary = StreamField([("link", LinkBlock())], verbose_name=_("menu principal"), blank=True, max_num=8)

    panels = [FieldPanel("primary")]

    class Meta:
        verbose_name = _("navigation")


@register_setting(icon="form")
class FooterSettings(BaseSiteSetting):
    about = RichTextField(_("à propos (pied de page)"), blank=True, features=["bold", "italic", "link"])
    links = StreamField([("link", LinkBlock())], verbose_name=_("liens du pied de page"), blank=True)
    contact_address = models.TextField(_("adresse de contact"), blank=True)
    contact_phone = models.CharField(_("téléphone"), max_length=40, blank=True)

    panels = [
        FieldPanel("about"),
        FieldPanel("links"),
        MultiFieldPanel([FieldPanel("contact_address"), FieldPanel("contact_phone")], heading=_("Contact")),
    ]

    class Meta:
        verbose_name = _("pied de page")
