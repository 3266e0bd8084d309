"""Queries that found nothing, so editors can see what the sector looks for and is missing."""

from django.conf import settings
from django.db import models
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ZeroResultQuery(models.Model):
    query_string = models.CharField(_("recherche"), max_length=200, unique=True)
    hits = models.PositiveIntegerField(_("nombre de fois"), default=0)
    last_seen = models.DateTimeField(_("dernière fois"), default=timezone.now)

    class Meta:
        verbose_name = _("recherche sans résultat")
        verbose_name_plural = _("recherches sans résultat")
        ordering = ["-hits", "-last_seen"]

    def __str__(self):
        return self.query_string

    @classmethod
    def record(cls, query_string, hits=1):
        query_string = query_string.strip().lower()[:200]
        if not query_string:
            return
        entry, _created = cls.objects.get_or_create(query_string=query_string)
        cls.objects.filter(pk=entry.pk).update(hits=F("hits") + hits, last_seen=timezone.now())


class QueryStat(models.Model):
    """What visitors search, per language: the source of the public "Recherches fréquentes".

    A query is shown to visitors only if it found something the last time, was asked at least
    SEARCH_POPULAR_MIN_HITS times and carries no address (a link, an e-mail), or if an editor
    featured it; an editor can also hide one (search/popular.py).
    """

    locale = models.CharField(_("langue"), max_length=10, choices=settings.LANGUAGES)
    query_string = models.CharField(_("recherche"), max_length=200)
    hits = models.PositiveIntegerField(_("nombre de fois"), default=0)
    results = models.PositiveIntegerField(_("résultats la dernière fois"), default=0)
    last_seen = models.DateTimeField(_("dernière fois"), default=timezone.now)
    featured = models.BooleanField(
        _("proposée aux visiteurs"),
        default=False,
        help_text=_("Montrée dans « Recherches fréquentes » de cette langue, quel que soit son succès."),
    )
    hidden = models.BooleanField(
        _("jamais montrée"), default=False, help_text=_("Jamais dans « Recherches fréquentes ».")
    )

    class Meta:
        verbose_name = _("recherche des visiteurs")
        verbose_name_plural = _("recherches des visiteurs")
        ordering = ["locale", "-hits"]
        constraints = [
            models.UniqueConstraint(fields=["locale", "query_string"], name="search_querystat_unique_query")
        ]

    def __str__(self):
        return self.query_string
