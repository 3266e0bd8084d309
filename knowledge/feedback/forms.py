"""The readers' forms (vote, "Pourquoi ?", question) and the admin form of a question."""

import re

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from network.ownership import is_restricted_to_own_organisation
from passerelles.form_fields import visitor_email_field
from passerelles.honeypot import HoneypotMixin

from .models import ANSWER_MAX_LENGTH, QUESTION_MAX_LENGTH, REASON_MAX_LENGTH, Question

HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")
UNKNOWN_PAGE = _("Cette fiche n’existe pas ou n’est plus publiée.")
WRONG_ANSWER = _("Répondez à la question « Cette fiche vous a-t-elle été utile ? » par oui ou par non.")


def plain_text(value):
    if value and HTML_TAG.search(value):
        raise forms.ValidationError(_("Écrivez du texte simple, sans balises HTML (< >)."))


def page_id(value):
    """A plausible page id, or None (a 400-digit number would overflow an integer column)."""
    value = str(value or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 18:
        return None
    return int(value)


class VoteForm(HoneypotMixin):
    """The two buttons under a fiche: `utile=oui` or `utile=non` for the page `page`."""

    page = forms.CharField(max_length=30, error_messages={"required": UNKNOWN_PAGE})
    utile = forms.ChoiceField(
        choices=[("oui", "oui"), ("non", "non")],
        error_messages={"required": WRONG_ANSWER, "invalid_choice": WRONG_ANSWER},
    )

    def clean_page(self):
        value = page_id(self.cleaned_data["page"])
        if value is None:
            raise forms.ValidationError(UNKNOWN_PAGE)
        return value


class ReasonForm(HoneypotMixin):
    """ "Pourquoi ?": a few words after a vote, signed with the vote's token."""

    jeton = forms.CharField(max_length=500, widget=forms.HiddenInput)
    text = forms.CharField(
        label=_("Pourquoi ?"),
        max_length=REASON_MAX_LENGTH,
        validators=[plain_text],
        help_text=_(
            "Ce qui vous a aidé, ce qui manque ou n’est pas clair (1 000 caractères au plus). "
            "Ne donnez ni nom ni adresse : ce message est anonyme."
        ),
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": _("Écrivez quelques mots, ou revenez simplement à la fiche."),
            "max_length": _("Votre message doit faire 1 000 caractères au plus."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site_web"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.order_fields(["jeton", "text", "site_web"])


class QuestionForm(HoneypotMixin, forms.ModelForm):
    """ "Poser une question" under a fiche: published only after moderation."""

    email = visitor_email_field(
        _("Pour vous prévenir quand la structure a répondu. Elle n’est jamais publiée ni transmise.")
    )
    text = forms.CharField(
        label=_("Votre question"),
        max_length=QUESTION_MAX_LENGTH,
        validators=[plain_text],
        help_text=_(
            "Une question sur la fiche, à laquelle la structure qui l’a écrite répondra (2 000 caractères au plus)."
        ),
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Écrivez votre question."),
            "max_length": _("Votre question doit faire 2 000 caractères au plus."),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "J’accepte que ma question et mon nom ou pseudonyme soient publiés sous la fiche, "
            "avec la réponse, après relecture par la modération."
        ),
        error_messages={"required": _("Cochez la case pour accepter la publication de votre question.")},
    )

    class Meta:
        model = Question
        fields = ["name", "email", "text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        name = self.fields["name"]
        name.label = _("Votre nom ou un pseudonyme")
        name.help_text = _("Publié avec votre question.")
        name.validators.append(plain_text)
        name.widget.attrs["autocomplete"] = "nickname"
        name.error_messages.update(
            required=_("Indiquez votre nom ou un pseudonyme."),
            max_length=_("Votre nom ou pseudonyme doit faire 80 caractères au plus."),
        )
        self.fields["site_web"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        self.order_fields(["name", "email", "text", "consent", "site_web"])


class QuestionAdminForm(WagtailAdminModelForm):
    """The moderators publish or refuse; the owning structure's members write the answer.

    Whoever changes the answer is recorded as `answered_by` (the structure's name shows with it)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        if user is None or is_restricted_to_own_organisation(user):
            # The structure answers; what the reader wrote and its publication are the moderators'.
            for name in ("status", "name", "text"):
                if name in self.fields:
                    self.fields[name].disabled = True
            if "status" in self.fields:
                self.fields["status"].help_text = _("La modération publie ou refuse la question.")
        if "answer" in self.fields:
            self.fields["answer"].validators.append(plain_text)
            self.fields["answer"].max_length = ANSWER_MAX_LENGTH

    def save(self, commit=True):
        question = super().save(commit=False)
        if "answer" in self.changed_data:
            question.answered_by = self.for_user if question.answer else None
            question.answered_at = timezone.now() if question.answer else None
        if commit:
            question.save()
        return question
