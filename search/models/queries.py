"""Queries that found nothing, so editors can see what the sector looks for and is missing."""

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
    def record(cls, query_string):
        query_string = query_string.strip().lower()[:200]
        if not query_string:
            return
        entry, _created = cls.objects.get_or_create(query_string=query_string)
        cls.objects.filter(pk=entry.pk).update(hits=F("hits") + 1, last_seen=timezone.now())
