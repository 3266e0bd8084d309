"""Related content: the items sharing the most tags with a page, in a fixed number of queries.

Scores are computed between French originals (tags are synchronised to the translations), then
each winner is shown in the page's language when translated (those come first), else in French,
marked `original_language` for its `lang` attribute. The page itself and its translations never appear.
"""

from collections import Counter

from django.db.models import Count
from wagtail.models import Locale

from passerelles.localized import in_visitor_language, original_of

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
    original, french = original_of(page), Locale.get_default()
    scores = Counter()
    for _name, through, _tag in TAGGINGS:
        tag_ids = through.objects.filter(content_object_id=original.pk).values("tag_id")
        rows = (
            through.objects.filter(tag_id__in=tag_ids, content_object__locale=french)
            .exclude(content_object_id=original.pk)
            .values("content_object_id")
            .annotate(shared=Count("id"))
        )
        for row in rows:
            scores[row["content_object_id"]] += row["shared"]
    if not scores:
        return []
    # Best scores first, newest first among equals; a margin covers drafts and private pages.
    best = sorted(scores, key=lambda pk: (-scores[pk], -pk))[: limit * 5]
    originals = with_card_data(
        candidates.filter(pk__in=best, locale=french).exclude(translation_key=page.translation_key)
    )
    ranked = sorted(originals, key=lambda item: (-scores[item.pk], -item.pk))
    if not ranked:
        return []
    # Items in the page's language first, then French ones (marked), each group by score.
    rank = {item.translation_key: position for position, item in enumerate(ranked)}
    shown = in_visitor_language(ranked, prepare=with_card_data)
    shown.sort(key=lambda item: (item.original_language is not None, rank[item.translation_key]))
    return shown[:limit]
