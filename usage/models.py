"""One row per day, page and kind of use, with its count: nothing about who."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class UsageKind(models.TextChoices):
    VIEW = "views", _("Vues")
    PDF = "pdf", _("Téléchargements PDF")
    MEETUP = "meetup", _("Demandes de rencontre")
    REGISTRATION = "registration", _("Inscriptions")


class DailyCount(models.Model):
    """How many times `page` was used in this way on `date` (Brussels time).

    `page_id` is the page served (a translation has its own id; the reports add translations to
    their French original). No foreign key: counting never waits on, nor fails with, a page that
    is being deleted; the rows of a deleted page go with `prune_usage`.
    """

    date = models.DateField(_("jour"))
    page_id = models.PositiveIntegerField(_("page"))
    kind = models.CharField(_("type"), max_length=16, choices=UsageKind.choices)
    count = models.PositiveIntegerField(_("nombre"), default=0)

    class Meta:
        verbose_name = _("compteur journalier")
        verbose_name_plural = _("compteurs journaliers")
        constraints = [
            models.UniqueConstraint(fields=["date", "page_id", "kind"], name="usage_one_counter_per_day")
        ]
        indexes = [models.Index(fields=["page_id", "date"])]

    def __str__(self):
        return f"{self.date} {self.page_id} {self.kind} {self.count}"
