"""The outbox in the admin: pending, failed and sent mails, read-only, with a "retry" action."""

from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin import messages
from wagtail.admin.auth import permission_denied
from wagtail.admin.ui.menus import MenuItem
from wagtail.admin.views.generic import IndexView, InspectView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from .models import MailStatus, OutgoingMail
from .tasks import retry_now

RETRY_LABEL = _("Réessayer l’envoi")


class OutboxIndexView(IndexView):
    retry_url_name = None

    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if instance.status != MailStatus.SENT:
            url = reverse(self.retry_url_name, args=(instance.pk,))
            buttons.append(MenuItem(RETRY_LABEL, url=url, icon_name="resubmit", priority=5))
        return buttons


class OutboxInspectView(InspectView):
    retry_url_name = None

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        if self.object.status != MailStatus.SENT:
            url = reverse(self.retry_url_name, args=(self.object.pk,))
            buttons.append(Button(RETRY_LABEL, url=url, icon_name="resubmit", priority=5))
        return buttons


class OutgoingMailViewSet(ModelViewSet):
    model = OutgoingMail
    icon = "mail"
    menu_label = _("Courriels sortants")
    add_to_settings_menu = True
    copy_view_enabled = False
    inspect_view_enabled = True
    index_view_class = OutboxIndexView
    inspect_view_class = OutboxInspectView
    form_fields = []  # never edited: the permission policy grants no "change"
    list_display = ["subject", "recipients", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status"]
    search_fields = ["subject", "recipients"]
    search_backend_name = None
    inspect_view_fields = [
        "status",
        "from_email",
        "to",
        "cc",
        "bcc",
        "reply_to",
        "subject",
        "body",
        "attachment_names",
        "created_at",
        "attempts",
        "last_attempt_at",
        "next_attempt_at",
        "last_error",
        "sent_at",
    ]

    def get_index_view_kwargs(self, **kwargs):
        return super().get_index_view_kwargs(retry_url_name=self.get_url_name("retry"), **kwargs)

    def get_inspect_view_kwargs(self, **kwargs):
        return super().get_inspect_view_kwargs(retry_url_name=self.get_url_name("retry"), **kwargs)

    def retry_view(self, request, pk):
        """GET asks to confirm, POST puts the mail back in the queue for a fresh series of tries."""
        if not self.permission_policy.user_has_permission(request.user, "view"):
            return permission_denied(request)
        mail = get_object_or_404(OutgoingMail, pk=pk)
        inspect_url = reverse(self.get_url_name("inspect"), args=(mail.pk,))
        if request.method == "POST":
            if mail.status == MailStatus.SENT:
                messages.error(request, _("Ce courriel est déjà parti."))
            else:
                retry_now(mail)
                messages.success(request, _("Le courriel est remis dans la file d’envoi."))
            return redirect(inspect_url)
        context = {"mail": mail, "inspect_url": inspect_url, "header_icon": self.icon, "title": RETRY_LABEL}
        return TemplateResponse(request, "outbox/confirm_retry.html", context)

    def get_urlpatterns(self):
        return [*super().get_urlpatterns(), path("retry/<int:pk>/", self.retry_view, name="retry")]
