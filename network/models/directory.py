"""The directory: structures with facets and a map, the compagnons and their public profiles."""

import json

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField

from passerelles.fragments import remembered_query
from passerelles.language_fallback import visitor_url
from passerelles.localized import in_visitor_language
from passerelles.pagination import paginate
from passerelles.sections import SectionIndexPage
from passerelles.vocabularies.tagging import prefetch_tags

from ..listing import filtered_organisations, filtered_people, geojson_features
from ..views import meetup_answer_view, meetup_request_view
from .people import Person
from .tagging import OrganisationSector, PersonSector

PER_PAGE = 12
# The map page's list of structures (what shows without JavaScript) is paged too.
MAP_PER_PAGE = 20


class DirectoryPage(RoutablePageMixin, SectionIndexPage):
    picto = "structure"  # its pictogram on the home page tiles (passerelles_tags.picto)
    introduction = RichTextField(  # links to partners: rich text, unlike the other sections
        gettext_lazy("introduction"), blank=True, features=["bold", "italic", "link"]
    )
    compagnons_introduction = RichTextField(
        gettext_lazy("introduction de la liste des compagnons"),
        blank=True,
        features=["bold", "italic", "link"],
    )

    content_panels = SectionIndexPage.content_panels + [FieldPanel("compagnons_introduction")]
    subpage_types = ["network.OrganisationPage"]

    class Meta:
        verbose_name = gettext_lazy("annuaire des structures")
        verbose_name_plural = gettext_lazy("annuaires des structures")

    # --- URLs -------------------------------------------------------------------------------
    # In the visitor's language (`visitor_url`), even from an untranslated structure: the meetup
    # form on the profile then answers in that language.
    def person_url(self, person, request=None):
        return visitor_url(self, request) + self.reverse_subpage(
            "compagnon_profile", kwargs={"person_id": person.pk, "slug": person.slug}
        )

    def attach_profile_urls(self, people, request=None):
        base = visitor_url(self, request)
        for person in people:
            person.profile_url = base + self.reverse_subpage(
                "compagnon_profile", kwargs={"person_id": person.pk, "slug": person.slug}
            )
        return people

    def map_settings(self):
        return {
            "tile_url": getattr(settings, "MAP_TILE_URL", ""),
            "attribution": getattr(settings, "MAP_TILE_ATTRIBUTION", ""),
        }

    # --- Structures --------------------------------------------------------------------------
    def _organisation_context(self, request):
        facets, base, results = filtered_organisations(self, request.GET)
        return {
            # Remembered until the next publication, per filters and language.
            "facets": facets.remembered_facet_values("directory", base, self.pk),
            "facet_errors": facets.errors,
            "filter_key": ("directory", self.pk, facets.key()),
            "active_filters": facets.active,
            "results": results,
            "map": self.map_settings(),
            "geojson_url": self.url + self.reverse_subpage("directory_geojson"),
            "compagnons_url": self.url + self.reverse_subpage("compagnons"),
            "map_url": self.url + self.reverse_subpage("directory_map"),
        }

    @path("", name="directory")
    def directory(self, request):
        context = self.get_context(request)
        context.update(self._organisation_context(request))
        results = context["results"].prefetch_related(*prefetch_tags(OrganisationSector))
        page_obj, page_message = paginate(
            results, request.GET.get("page"), PER_PAGE, count_key=context["filter_key"]
        )
        context["facet_errors"] += [page_message] if page_message else []
        page_obj.object_list = in_visitor_language(
            page_obj.object_list,
            prepare=lambda translations: translations.select_related(
                "structure_type", "zone"
            ).prefetch_related(*prefetch_tags(OrganisationSector)),
        )
        context["page_obj"] = page_obj
        return TemplateResponse(request, "network/directory_page.html", context)

    @path("carte/", name="directory_map")
    def directory_map(self, request):
        context = self.get_context(request)
        context.update(self._organisation_context(request))
        context["seo_title"] = _("Carte des structures")
        # The list under the map (the map's text alternative) is paged: 20 structures a page.
        context["page_obj"], page_message = paginate(
            context["results"], request.GET.get("page"), MAP_PER_PAGE, count_key=context["filter_key"]
        )
        context["facet_errors"] += [page_message] if page_message else []
        return TemplateResponse(request, "network/directory_map.html", context)

    @path("carte/geojson/", name="directory_geojson")
    def directory_geojson(self, request):
        facets, _base, results = filtered_organisations(self, request.GET)
        # Built once per publication, filters, language and host (the URLs are the site's).
        body = remembered_query(
            "geojson",
            (self.pk, request.get_host(), facets.key()),
            build=lambda: json.dumps(
                geojson_features(results, request), cls=DjangoJSONEncoder, ensure_ascii=False
            ).encode(),
        )
        return HttpResponse(body, content_type="application/geo+json; charset=utf-8")

    # --- Compagnons --------------------------------------------------------------------------
    @path("compagnons/", name="compagnons")
    def compagnons(self, request):
        facets, base, results, query = filtered_people(request.GET)
        page_obj, page_message = paginate(results, request.GET.get("page"), PER_PAGE)
        self.attach_profile_urls(page_obj.object_list, request)
        context = self.get_context(request)
        context.update(
            facets=facets.facet_values(base, in_one_query=True),
            facet_errors=facets.errors + ([page_message] if page_message else []),
            active_filters=facets.active,
            page_obj=page_obj,
            query=query,
            seo_title=_("Compagnons : des pairs à rencontrer"),
        )
        return TemplateResponse(request, "network/compagnons_index.html", context)

    @path("compagnons/<int:person_id>-<slug:slug>/", name="compagnon_profile")
    def compagnon_profile(self, request, person_id, slug):
        person = (
            Person.objects.public()
            .select_related("organisation__zone", "organisation__structure_type", "photo")
            .prefetch_related(*prefetch_tags(PersonSector), "formats", "practices")
            .filter(pk=person_id)
            .first()
        )
        if person is None:
            raise Http404(_("Ce compagnon n'existe pas ou n'est pas public."))
        if slug != person.slug:
            return redirect(self.person_url(person, request), permanent=True)
        person.profile_url = self.person_url(person, request)
        context = self.get_context(request)
        context.update(
            person=person,
            practices=[page for page in person.practices.all() if page.live],
            form_action=person.profile_url + "#demande",
            seo_title=person.name,
        )
        return meetup_request_view(request, person, self, "network/person_profile.html", context)

    # The signed token travels in the query string: its ":" separators are not allowed in
    # Wagtail's page paths.
    @path("rencontre/reponse/", name="meetup_answer")
    def meetup_answer(self, request):
        return meetup_answer_view(request, self, request.GET.get("jeton", "")[:1000])
