"""Every mail of the alerts: in the subscriber's language, with a one-click unsubscribe (RFC 8058
`List-Unsubscribe` + `List-Unsubscribe-Post` headers and a link in the body) and a link to the
page that manages every subscription of the address. Sent through Django's mail, so the outbox."""

from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from passerelles.public_address import absolute_url

from . import tokens


def link(name, token):
    return absolute_url(reverse(name, kwargs={"token": token}))


def unsubscribe_url(subscription):
    return link("alerts:unsubscribe", tokens.unsubscribe_token(subscription))


def manage_url(email):
    return link("alerts:manage", tokens.manage_token(email))


def confirm_url(subscription):
    return link("alerts:confirm", tokens.confirm_token(subscription))


def build(subscription, template, subject, context, unsubscribe=True):
    """The message for one subscription, rendered in its language (not sent)."""
    with translation.override(subscription.language):
        context = {
            **context,
            "subscription": subscription,
            "manage_url": manage_url(subscription.email),
            "unsubscribe_url": unsubscribe_url(subscription) if unsubscribe else "",
        }
        body = render_to_string(f"alerts/emails/{template}.txt", context)
        headers = {}
        if unsubscribe:
            headers = {
                "List-Unsubscribe": f"<{context['unsubscribe_url']}>",
                "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            }
        return EmailMessage(subject=str(subject), body=body, to=[subscription.email], headers=headers)
