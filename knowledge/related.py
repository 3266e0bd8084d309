"""Related content: the items sharing the most tags with a page, in a fixed number of queries."""

from collections import Counter

from django.db.models import Count

from .listing import with_card_data
from .models.tagging import TAGGINGS

RELATED_COUNT = 4


def related_items(page, candidates, limit=RELATED_COUNT):
    """Items of `candidates` (a queryset of knowledge items the visitor may see) ranked by the
    number of tags they share with `page`, then most recent first.

    One query per vocabulary counts shared tags per item, one query fetches the winners: the cost
    does not depend on how much content the site holds.
    """
    if not page.pk:
        return []
    scores = Counter()
    for _name, through, _tag in TAGGINGS:
        tag_ids = through.objects.filter(content_object_id=page.pk).values("tag_id")
        rows = (
            through.objects.filter(tag_id__in=tag_ids)
            .exclude(content_object_id=page.pk)
            .values("content_object_id")
            .annotate(shared=Count("id"))
        )
        for row in rows:
            scores[row["content_object_id"]] += row["shared"]
    if not scores:
        return []
    # Best scores first, newest first among equals; a margin covers drafts and private pages.
    best = sorted(scores, key=lambda pk: (-scores[pk], -pk))[: limit * 5]
    winners = with_card_data(candidates.filter(pk__in=best))
    return sorted(winners, key=lambda item: (-scores[item.pk], -item.pk))[:limit]
