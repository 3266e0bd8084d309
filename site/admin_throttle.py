"""Brute force on the admin: login failures locked out by django-axes (French page), password
reset mails limited per client address and per e-mail address."""

from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from wagtail.admin.views.account import PasswordResetView

from .abuse import over_limit
from .client_ip import client_ip

TOO_MANY_RESETS = _(
    "Trop de demandes de réinitialisation depuis votre connexion ou pour cette adresse. "
    "Réessayez dans une heure."
)


def login_locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout answer (AXES_LOCKOUT_CALLABLE): 429 with a French explanation."""
    context = {"failure_limit": settings.AXES_FAILURE_LIMIT, "address": client_ip(request)}
    return render(request, "passerelles/admin/locked_out.html", context, status=429)


class ThrottledPasswordResetView(PasswordResetView):
    def post(self, request, *args, **kwargs):
        if over_limit(
            request,
            "admin.password-reset",
            ip_rate=getattr(settings, "PASSWORD_RESET_RATE", "5/h"),
            email=request.POST.get("email", ""),
            target="password-reset",
            email_rate=getattr(settings, "PASSWORD_RESET_EMAIL_RATE", "3/h"),
        ):
            form = self.get_form()
            form.full_clean()
            form.add_error(None, TOO_MANY_RESETS)
            return self.render_to_response(self.get_context_data(form=form), status=429)
        return super().post(request, *args, **kwargs)
