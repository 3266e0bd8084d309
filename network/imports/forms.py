"""The upload forms: a file, and for events the calendar it goes into."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .reading import FileError, read_upload


class UploadForm(forms.Form):
    file = forms.FileField(
        label=_("Fichier (.csv ou .xlsx, 5 Mo au plus)"),
        help_text=_(
            "Une ligne par élément, la première ligne donnant le nom des colonnes, comme dans le modèle."
        ),
        error_messages={
            "required": _("Choisissez un fichier à importer."),
            "empty": _("Le fichier est vide."),
            "invalid": _("Le fichier n’a pas été reçu : choisissez-le à nouveau."),
        },
        widget=forms.ClearableFileInput(attrs={"accept": ".csv,.xlsx"}),
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        try:
            self.content, self.extension = read_upload(upload)
        except FileError as error:
            raise forms.ValidationError(str(error)) from None
        return upload


class EventUploadForm(UploadForm):
    calendar = forms.ModelChoiceField(
        label=_("Calendrier"),
        queryset=None,
        empty_label=None,
        error_messages={
            "required": _("Choisissez le calendrier où ajouter les événements."),
            "invalid_choice": _("Vous ne coordonnez pas ce calendrier : choisissez-en un de la liste."),
        },
    )
    field_order = ["calendar", "file"]

    def __init__(self, *args, calendars, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["calendar"].queryset = calendars
