"""Meetup requests: a peer asks a compagnon for a visit, a call, an immersion day...

The request is saved before any e-mail goes out, so a mail failure loses nothing; every status
change is kept as a MeetupRequestStatusChange row so coordinators see who did what and when.
"""

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelles.vocabularies.models import canonical_choices


def default_expiry():
    from datetime import timedelta

    from django.conf import settings

    return timezone.now() + timedelta(days=getattr(settings, "MEETUP_EXPIRY_DAYS", 21))


class MeetupStatus(models.TextChoices):
    NEW = "new", _("Nouvelle")
    ACCEPTED = "accepted", _("Acceptée")
    DECLINED = "declined", _("Déclinée")
    DONE = "done", _("Rencontre réalisée")
    EXPIRED = "expired", _("Expirée sans réponse")


class MeetupRequestQuerySet(models.QuerySet):
    def due_to_expire(self, now=None):
        return self.filter(status=MeetupStatus.NEW, expires_at__lt=now or timezone.now())


class MeetupRequest(models.Model):
    person = models.ForeignKey(
        "network.Person",
        verbose_name=_("compagnon"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="meetup_requests",
    )
    # Kept when the person is deleted, so the history stays readable.
    person_name = models.CharField(_("nom du compagnon"), max_length=120, blank=True)
    source_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("page d'origine"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requester_name = models.CharField(_("votre nom"), max_length=120)
    requester_email = models.EmailField(_("votre adresse e-mail"), max_length=254)
    requester_organisation = models.CharField(_("votre structure"), max_length=200)
    message = models.TextField(_("votre message"), max_length=3000)
    date_from = models.DateField(_("à partir du"))
    date_to = models.DateField(_("jusqu'au"))
    format = models.ForeignKey(
        "vocabularies.MeetupFormat",
        verbose_name=_("format souhaité"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        limit_choices_to=canonical_choices,
    )
    status = models.CharField(
        _("statut"), max_length=20, choices=MeetupStatus.choices, default=MeetupStatus.NEW
    )
    response_message = models.TextField(_("réponse du compagnon"), blank=True)
    notification_failed = models.BooleanField(
        _("échec de l'envoi au compagnon"),
        default=False,
        help_text=_("L'e-mail au compagnon n'a pas pu partir : prévenez-le autrement."),
    )
    notified_at = models.DateTimeField(_("compagnon prévenu le"), null=True, blank=True)
    created_at = models.DateTimeField(_("reçue le"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expire le"), default=default_expiry)
    answered_at = models.DateTimeField(_("réponse le"), null=True, blank=True)

    objects = MeetupRequestQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("demande de rencontre")
        verbose_name_plural = _("demandes de rencontre")

    def __str__(self):
        return _("%(requester)s → %(person)s") % {
            "requester": self.requester_name,
            "person": self.person_name or "?",
        }

    def save(self, *args, changed_by="", note="", **kwargs):
        """Saves and records a status change row whenever the status moved (admin, link, command)."""
        previous = getattr(self, "_saved_status", None)
        if self.person_id and not self.person_name:
            self.person_name = self.person.name
        super().save(*args, **kwargs)
        if previous != self.status:
            self.status_changes.create(
                previous_status=previous or "",
                status=self.status,
                changed_by=changed_by or _("administration"),
                note=note,
            )
            self._saved_status = self.status

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._saved_status = instance.__dict__.get("status")
        return instance

    @property
    def is_open(self):
        return self.status == MeetupStatus.NEW

    @property
    def is_overdue(self):
        return self.is_open and self.expires_at < timezone.now()


class MeetupRequestStatusChange(models.Model):
    request = models.ForeignKey(
        MeetupRequest, verbose_name=_("demande"), on_delete=models.CASCADE, related_name="status_changes"
    )
    previous_status = models.CharField(
        _("statut précédent"), max_length=20, choices=MeetupStatus.choices, blank=True
    )
    status = models.CharField(_("nouveau statut"), max_length=20, choices=MeetupStatus.choices)
    changed_at = models.DateTimeField(_("le"), auto_now_add=True)
    changed_by = models.CharField(_("par"), max_length=150, blank=True)
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        ordering = ["changed_at", "pk"]
        verbose_name = _("changement de statut")
        verbose_name_plural = _("historique des statuts")

    def __str__(self):
        return f"{self.get_previous_status_display() or '—'} → {self.get_status_display()}"
