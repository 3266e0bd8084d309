"""What readers tell a fiche's authors: daily yes/no counts, optional reasons, and questions.

Votes and reasons never show on a public page: saving them must not empty the page cache (they are
in `passerelles.publication.IGNORED_MODELS`). A question shows once published: `Question.save`
bumps the publication generation itself when what the public sees of it changes.
"""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from passerelles import publication

QUESTION_MAX_LENGTH = 2000
ANSWER_MAX_LENGTH = 4000
REASON_MAX_LENGTH = 1000


class DailyHelpfulness(models.Model):
    """How many readers found the page useful, or not, on one day (no trace of who)."""

    page = models.ForeignKey(
        "knowledge.KnowledgeItemPage",
        verbose_name=_("fiche"),
        on_delete=models.CASCADE,
        related_name="helpfulness_days",
    )
    day = models.DateField(_("jour"))
    yes = models.PositiveIntegerField(_("utile"), default=0)
    no = models.PositiveIntegerField(_("pas utile"), default=0)

    class Meta:
        verbose_name = _("avis du jour sur une fiche")
        verbose_name_plural = _("avis du jour sur les fiches")
        constraints = [models.UniqueConstraint(fields=["page", "day"], name="knowledge_helpfulness_page_day")]
        ordering = ["-day"]

    def __str__(self):
        return f"{self.page_id} {self.day}: {self.yes}/{self.no}"


class VoteReceipt(models.Model):
    """One client's vote on one page on one day, as a keyed hash (never the address itself).
    Kept for the day only: older receipts are deleted when the next vote is counted."""

    digest = models.CharField(max_length=64, unique=True)
    day = models.DateField(db_index=True)

    class Meta:
        verbose_name = _("reçu de vote")
        verbose_name_plural = _("reçus de vote")

    def __str__(self):
        return self.digest[:12]


class FeedbackReason(models.Model):
    """The optional "Pourquoi ?" a reader wrote after voting: no name, no address."""

    page = models.ForeignKey(
        "knowledge.KnowledgeItemPage",
        verbose_name=_("fiche"),
        on_delete=models.CASCADE,
        related_name="feedback_reasons",
    )
    helpful = models.BooleanField(_("utile"))
    text = models.TextField(_("pourquoi"), max_length=REASON_MAX_LENGTH)
    created_at = models.DateTimeField(_("reçu le"), auto_now_add=True)

    class Meta:
        verbose_name = _("précision d’un lecteur")
        verbose_name_plural = _("précisions des lecteurs")
        ordering = ["-created_at"]

    def __str__(self):
        return self.text[:60]


class Question(models.Model):
    """A reader's question under a fiche: public only once a moderator publishes it; the owning
    structure's members write the answer. The e-mail address only serves to tell the asker."""

    class Status(models.TextChoices):
        PENDING = "en_attente", _("En attente de modération")
        PUBLISHED = "publiee", _("Publiée")
        REFUSED = "refusee", _("Refusée")

    page = models.ForeignKey(
        "knowledge.KnowledgeItemPage",
        verbose_name=_("fiche"),
        on_delete=models.CASCADE,
        related_name="questions",
    )
    name = models.CharField(_("nom ou pseudonyme"), max_length=80)
    email = models.EmailField(_("adresse e-mail"), max_length=254)
    text = models.TextField(_("question"), max_length=QUESTION_MAX_LENGTH)
    language = models.CharField(_("langue"), max_length=10, default="fr", editable=False)
    status = models.CharField(_("statut"), max_length=20, choices=Status.choices, default=Status.PENDING)
    created_at = models.DateTimeField(_("posée le"), default=timezone.now, editable=False)
    published_at = models.DateTimeField(_("publiée le"), null=True, blank=True, editable=False)
    answer = models.TextField(
        _("réponse"),
        max_length=ANSWER_MAX_LENGTH,
        blank=True,
        help_text=_(
            "Écrite par la structure qui a rédigé la fiche. Publiée sous la question, avec le nom de la structure."
        ),
    )
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("réponse de"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    answered_at = models.DateTimeField(_("répondue le"), null=True, blank=True, editable=False)
    asker_notified_at = models.DateTimeField(_("auteur prévenu le"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("question sur une fiche")
        verbose_name_plural = _("questions sur les fiches")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name} : {self.text[:60]}"

    def save(self, *args, **kwargs):
        if self.is_public and self.published_at is None:
            self.published_at = timezone.now()
        before = None
        if self.pk:
            previous = type(self).objects.filter(pk=self.pk).first()
            before = previous.public_state() if previous else None
        super().save(*args, **kwargs)
        # The model is ignored by the generation's watcher: only a visible change empties the cache.
        if before != self.public_state():
            publication.bump()

    def delete(self, *args, **kwargs):
        was_public = self.is_public
        result = super().delete(*args, **kwargs)
        if was_public:
            publication.bump()
        return result

    @property
    def is_public(self):
        return self.status == self.Status.PUBLISHED

    def public_state(self):
        """What a visitor sees of this question (None: nothing)."""
        if not self.is_public:
            return None
        return (self.page_id, self.name, self.text, self.answer, self.published_at)
