"""Views of the meetup requests, reusable by any page that shows a compagnon.

`meetup_request_view` takes the target person: the directory's profile route uses it, and a
practice page can add a route of its own ("rencontrer une structure qui la pratique") that
calls it with the person chosen among `compagnons_who_can_show(page)`.
"""

from django.shortcuts import render
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _

from passerelles.abuse import screen_post, setting

from . import meetups
from .forms import MeetupAnswerForm, MeetupRequestForm

RATE_GROUP = "network:meetup-request"


def meetup_rate():
    """Per client address: generous, an EPN's shared connection sends for several people."""
    return setting("MEETUP_RATE_LIMIT", "20/h")


def meetup_email_rate():
    """Per requester e-mail and compagnon: strict, the same person asking again and again."""
    return setting("MEETUP_EMAIL_RATE_LIMIT", "3/h")


def meetup_request_view(request, person, directory, template_name, context, source_page=None):
    """GET shows the form, POST validates, saves, then notifies; always re-shows what was typed.

    `context` is the page context (page, person...) the template needs around the form.
    """
    status = 200
    form = MeetupRequestForm(person=person)
    if request.method == "POST":
        form = MeetupRequestForm(request.POST, person=person)
        status = screen_post(
            request,
            form,
            RATE_GROUP,
            ip_rate=meetup_rate(),
            email_field="requester_email",
            target=person.pk,
            email_rate=meetup_email_rate(),
        )
        context["rate_limited"] = status == 429
        if status == 200:
            if form.is_spam:
                return render(request, "network/meetup_sent.html", {**context, "meetup": None})
            meetup = meetups.create_request(form, person, source_page=source_page)
            meetups.notify_person(meetup, meetups.answer_links(meetup, directory, request))
            return render(request, "network/meetup_sent.html", {**context, "meetup": meetup})
    context["form"] = form
    return TemplateResponse(request, template_name, context, status=status)


def meetup_answer_view(request, directory, token):
    """The compagnon's signed link: GET shows the request and a confirm button, POST records it.

    GET never changes anything: mail scanners open links before people do.
    """
    context = {"page": directory, "seo_title": _("Répondre à une demande de rencontre")}
    try:
        meetup, action = meetups.read_token(token)
    except meetups.InvalidLink as error:
        return render(
            request,
            "network/meetup_link_invalid.html",
            {**context, "error": error.message},
            status=error.status,
        )
    context.update(meetup=meetup, action=action)
    if meetup.is_overdue:
        meetups.expire(meetup, changed_by=_("vérification à l'ouverture du lien"))
    if not meetup.is_open:
        return render(request, "network/meetup_answer_done.html", context)
    form = MeetupAnswerForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        meetups.answer(meetup, action, form.cleaned_data["message"])
        return render(request, "network/meetup_answer_done.html", {**context, "just_answered": True})
    return render(request, "network/meetup_answer.html", {**context, "form": form})
