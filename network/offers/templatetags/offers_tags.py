"""`{% offers_of_organisation page %}`: the offers block of an organisation page in the directory."""

from django import template

from ..listing import offers_of

register = template.Library()


@register.inclusion_tag("offers/includes/offers_of_organisation.html", takes_context=True)
def offers_of_organisation(context, organisation_page, heading_id="offres-de-la-structure"):
    return {
        "offers": offers_of(organisation_page),
        "heading_id": heading_id,
        "request": context.get("request"),
    }
