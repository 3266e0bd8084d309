"""The contact form: the one way to reach the team (the accessibility statement points here).

The message goes to `settings.CONTACT_EMAIL` through the ordinary `send_mail`, so through the
outbox like every other mail; the sender's address becomes the Reply-To, never shown publicly.
Same anti-abuse rules as the other public forms: a honeypot and `passerelles.abuse` limits.
"""

import re

from django import forms
from django.conf import settings
from django.core.mail import EmailMessage
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from .abuse import screen_post, setting
from .form_fields import visitor_email_field
from .honeypot import HoneypotMixin

RATE_GROUP = "passerelles:contact"
MESSAGE_MAX_LENGTH = 3000
HTML_TAG = re.compile(r"<\s*/?\s*[a-zA-Z!][^>]*>")

SUBJECTS = [
    ("accessibilite", gettext_lazy("Un problème d’accessibilité")),
    ("contenu", gettext_lazy("Une erreur dans un contenu")),
    ("compte", gettext_lazy("Mon compte ou ma structure")),
    ("autre", gettext_lazy("Une autre question")),
]


def plain_text(value):
    if value and HTML_TAG.search(value):
        raise forms.ValidationError(gettext_lazy("Écrivez du texte simple, sans balises HTML (< >)."))


class ContactForm(HoneypotMixin):
    name = forms.CharField(
        label=gettext_lazy("Votre nom"),
        max_length=120,
        validators=[plain_text],
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
        error_messages={
            "required": gettext_lazy("Indiquez votre nom."),
            "max_length": gettext_lazy("Votre nom doit faire 120 caractères au plus."),
        },
    )
    email = visitor_email_field(
        gettext_lazy("Nous vous répondons à cette adresse ; elle n’est jamais publiée.")
    )
    subject = forms.ChoiceField(
        label=gettext_lazy("Votre message porte sur"),
        choices=SUBJECTS,
        error_messages={
            "required": gettext_lazy("Choisissez le sujet de votre message."),
            "invalid_choice": gettext_lazy("Choisissez un sujet dans la liste."),
        },
    )
    page_url = forms.CharField(
        label=gettext_lazy("Adresse de la page concernée"),
        required=False,
        max_length=500,
        validators=[plain_text],
        error_messages={
            "max_length": gettext_lazy("L’adresse de la page doit faire 500 caractères au plus.")
        },
    )
    message = forms.CharField(
        label=gettext_lazy("Votre message"),
        max_length=MESSAGE_MAX_LENGTH,
        validators=[plain_text],
        help_text=gettext_lazy("Ce qui ne va pas ou ce que vous cherchez (3 000 caractères au plus)."),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": gettext_lazy("Écrivez votre message."),
            "max_length": gettext_lazy("Votre message doit faire 3 000 caractères au plus."),
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site_web"].widget.attrs.update({"autocomplete": "off", "tabindex": "-1"})
        # Fields in the reading order; the honeypot last, out of sight.
        self.order_fields(["name", "email", "subject", "page_url", "message", "site_web"])


def contact_email():
    return getattr(settings, "CONTACT_EMAIL", "") or settings.DEFAULT_FROM_EMAIL


def send_to_team(data):
    subject_label = dict(SUBJECTS)[data["subject"]]
    body = "\n".join(
        [
            _("Message envoyé par le formulaire de contact de Passerelles."),
            "",
            f"{_('Nom')} : {data['name']}",
            f"{_('Adresse e-mail')} : {data['email']}",
            f"{_('Sujet')} : {subject_label}",
            f"{_('Page concernée')} : {data['page_url'] or '—'}",
            "",
            data["message"],
        ]
    )
    EmailMessage(
        subject=f"[Passerelles] {subject_label} — {data['name']}"[:200],
        body=body,
        to=[contact_email()],
        reply_to=[data["email"]],
    ).send()


def contact(request):
    """GET shows the form, POST validates and mails the team; the typed text stays on errors."""
    context = {"seo_title": _("Contacter l’équipe")}
    status = 200
    form = ContactForm(initial={"page_url": request.GET.get("page", "")[:500]})
    if request.method == "POST":
        form = ContactForm(request.POST)
        status = screen_post(
            request,
            form,
            RATE_GROUP,
            ip_rate=setting("CONTACT_RATE_LIMIT", "10/h"),
            target="contact",
            email_rate=setting("CONTACT_EMAIL_RATE_LIMIT", "3/h"),
        )
        context["rate_limited"] = status == 429
        if status == 200:
            if not form.is_spam():
                send_to_team(form.cleaned_data)
            return render(request, "passerelles/contact_sent.html", context)
    context["form"] = form
    return render(request, "passerelles/contact.html", context, status=status)
