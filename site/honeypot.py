"""The honeypot field every public form shares: hidden from people by CSS, filled by naive robots."""

from django import forms
from django.utils.translation import gettext_lazy as _


class HoneypotMixin(forms.Form):
    # A filled value means the post is dropped, answered like a success so robots learn nothing.
    site_web = forms.CharField(label=_("Ne remplissez pas ce champ"), required=False, max_length=200)

    def is_spam(self):
        return bool(self.cleaned_data.get("site_web"))
