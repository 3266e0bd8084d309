"""The one way an app links its content to a vocabulary.

A tag link is a django-taggit through model held in a modelcluster (ParentalKey), so tags are
edited with the page or snippet, saved in its revisions and published with it:

    class EventSector(tag_link(Sector, "events.EventPage", related_name="sector_items")):
        pass

    sectors = ClusterTaggableManager(through=EventSector, blank=True)

The content's tags are then `event.sector_items` (rows) and `event.sectors` (terms); the
vocabulary reaches them through `<app_label>_<link model>_items`.
"""

from django.db import models
from django.db.models import Prefetch
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase


def tag_link(vocabulary, content_model, related_name):
    """An abstract base for the through model linking `content_model` ("app_label.Model") to the
    terms of `vocabulary`; `related_name` names the links on the content."""
    return type(
        f"{vocabulary.__name__}Link",
        (TaggedItemBase,),
        {
            "__module__": __name__,
            "Meta": type("Meta", (), {"abstract": True}),
            "tag": models.ForeignKey(
                vocabulary, related_name="%(app_label)s_%(class)s_items", on_delete=models.CASCADE
            ),
            "content_object": ParentalKey(content_model, related_name=related_name, on_delete=models.CASCADE),
        },
    )


def prefetch_tags(*links):
    """Prefetches of the content's tag links `links` (tag link models), each with its terms in the
    same query: a list of 10 or 200 items costs one query per vocabulary, tagged or not."""
    return [
        Prefetch(
            link._meta.get_field("content_object").remote_field.related_name,
            queryset=link.objects.select_related("tag"),
        )
        for link in links
    ]
