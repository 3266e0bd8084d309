"""The two consultation forms: a one-click support and a moderated contribution, both with a honeypot."""

from django import forms
from django.utils.translation import gettext_lazy as _

from passerelles.honeypot import HoneypotMixin
from passerelles.localized import original_of

from .models.consultation import CONTRIBUTION_MAX_LENGTH, Contribution
from .models.recommendation import RecommendationPage

UNKNOWN_RECOMMENDATION = _("Cette recommandation n'existe pas dans cette édition du livre blanc.")


class RecommendationField(forms.ModelChoiceField):
    """A recommendation of the edition named by its id; anything but a plausible id is refused
    before the database sees it (a 400-digit number would overflow an integer column)."""

    def to_python(self, value):
        value = str(value).strip() if value is not None else ""
        if value in self.empty_values:
            return None
        if not value.isascii() or not value.isdigit() or len(value) > 18:
            raise forms.ValidationError(self.error_messages["invalid_choice"], code="invalid_choice")
        return super().to_python(value)


def recommendation_field(edition):
    # A translated edition lists its original's recommendations, translated or not (outline.py):
    # each one is accepted in either language.
    of_edition = RecommendationPage.objects.descendant_of(original_of(edition)).values("translation_key")
    return RecommendationField(
        queryset=RecommendationPage.objects.live().filter(translation_key__in=of_edition),
        widget=forms.HiddenInput,
        error_messages={"required": UNKNOWN_RECOMMENDATION, "invalid_choice": UNKNOWN_RECOMMENDATION},
    )


class SupportForm(HoneypotMixin):
    retour = forms.ChoiceField(
        choices=[("edition", "edition"), ("recommandation", "recommandation")],
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommendation"] = recommendation_field(edition)


DUPLICATE_CONTRIBUTION = _(
    "Cette contribution a déjà été reçue : elle sera publiée après relecture, inutile de la renvoyer."
)


class ContributionForm(HoneypotMixin, forms.ModelForm):
    text = forms.CharField(
        label=_("Votre contribution"),
        max_length=CONTRIBUTION_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
    )

    class Meta:
        model = Contribution
        fields = ["name", "organisation", "email", "text"]
        labels = {"name": _("Votre nom"), "organisation": _("Votre organisation")}
        help_texts = {"email": _("Jamais publiée : seulement pour vous répondre.")}

    def __init__(self, *args, edition, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["recommendation"] = recommendation_field(edition)
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"
        self.fields["email"].widget.attrs["autocomplete"] = "email"
        self.fields["site_web"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        # Formatted here, in the visitor's language (at import it would stay in French).
        self.fields["text"].help_text = _(
            "Un exemple vécu, une nuance, une autre piste. %(max)s caractères au plus."
        ) % {"max": CONTRIBUTION_MAX_LENGTH}
        # Say what to do, field by field (the error summary lists these messages).
        self.fields["name"].error_messages["required"] = _("Indiquez votre nom.")
        self.fields["organisation"].error_messages["required"] = _("Indiquez votre organisation.")
        self.fields["text"].error_messages["required"] = _("Écrivez votre contribution.")
        self.fields["email"].error_messages["invalid"] = _(
            "Cette adresse e-mail n’est pas valide (exemple : prenom.nom@exemple.be)."
        )

    def clean(self):
        cleaned = super().clean()
        recommendation, name, text = (cleaned.get(key) for key in ("recommendation", "name", "text"))
        if recommendation and name and text:
            twice = Contribution.objects.filter(
                recommendation=original_of(recommendation), name__iexact=name.strip(), text=text
            )
            if twice.exists():
                raise forms.ValidationError(DUPLICATE_CONTRIBUTION, code="duplicate")
        return cleaned
