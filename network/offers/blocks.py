"""The testimonial of a former trainee, shown on offer pages."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from .validators import no_email_address


class TestimonialBlock(blocks.StructBlock):
    """First name or initials only: former trainees are not to be identifiable."""

    name = blocks.CharBlock(
        label=_("Prénom ou initiales"),
        max_length=30,
        help_text=_(
            "Seulement un prénom ou des initiales (ex. « Samira » ou « J. D. »), jamais un nom complet."
        ),
    )
    outcome = blocks.CharBlock(
        label=_("Et après ?"),
        max_length=200,
        required=False,
        help_text=_("Ce que la personne a fait ensuite (ex. « engagée en CDI dans un atelier vélo »)."),
    )
    quote = blocks.TextBlock(label=_("Témoignage"), max_length=1200, validators=[no_email_address])

    class Meta:
        icon = "openquote"
        label = _("Témoignage")
        template = "blocks/testimonial_block.html"

    def clean(self, value):
        value = super().clean(value)
        name = value.get("name", "")
        words = [word for word in name.replace(".", " ").split() if len(word) > 1]
        if "@" in name or len(words) > 1:
            raise blocks.StructBlockValidationError(
                block_errors={"name": ValidationError(_("Indiquez seulement un prénom ou des initiales."))}
            )
        return value


class TestimonialStreamBlock(blocks.StreamBlock):
    testimonial = TestimonialBlock()
