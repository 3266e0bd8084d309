"""StreamField blocks shared by every page type; each renders with its own template in templates/blocks/.

Each block tells editors what it is for (`description`) and shows a preview in the block picker
(`preview_value`, rendered in the site's own styles by templates/wagtailcore/shared/block_preview.html);
blocks whose value needs an image or a document from the library only describe themselves.
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Titre"), max_length=140)
    level = blocks.ChoiceBlock(
        label=_("Niveau"),
        choices=[("h2", _("Titre de section (h2)")), ("h3", _("Sous-titre (h3)"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Titre")
        template = "blocks/heading_block.html"
        description = _("Un titre qui découpe la page en parties ; il apparaît dans le plan de la page.")
        preview_value = {"text": _("Comment s'inscrire"), "level": "h2"}


class FigureBlock(blocks.StructBlock):
    image = ImageBlock(
        label=_("Image"), help_text=_("Décrivez l'image pour les personnes qui ne la voient pas.")
    )
    caption = blocks.CharBlock(label=_("Légende"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/figure_block.html"
        description = _(
            "Une photo ou une illustration de la médiathèque, avec son texte alternatif et une légende."
        )


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Citation"))
    author = blocks.CharBlock(label=_("Auteur ou autrice"), required=False, max_length=120)
    role = blocks.CharBlock(label=_("Fonction, structure"), required=False, max_length=160)

    class Meta:
        icon = "openquote"
        label = _("Citation")
        template = "blocks/quote_block.html"
        description = _("Les mots d'un stagiaire, d'un travailleur ou d'un partenaire, avec son accord.")
        preview_value = {
            "quote": _("Ici, on m'a fait confiance dès le premier jour."),
            "author": "Samira",
            "role": _("stagiaire en atelier vélo"),
        }


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to an external address, with its own label."""

    label = blocks.CharBlock(label=_("Libellé"), max_length=80)
    page = blocks.PageChooserBlock(label=_("Page du site"), required=False)
    url = blocks.URLBlock(label=_("ou adresse externe"), required=False)

    class Meta:
        icon = "link"
        label = _("Lien")
        template = "blocks/link_block.html"
        description = _("Un lien vers une page du site ou une adresse externe, avec son propre libellé.")
        preview_value = {"label": _("Le site du Forem"), "url": "https://www.leforem.be/"}

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={
                    "url": ValidationError(
                        _("Choisissez une page du site ou une adresse externe (une seule).")
                    )
                }
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Titre"), max_length=120)
    text = blocks.TextBlock(label=_("Texte"), required=False)
    link = LinkBlock(label=_("Bouton"))

    class Meta:
        icon = "pick"
        label = _("Appel à l'action")
        template = "blocks/call_to_action_block.html"
        description = _(
            "Un encadré qui invite à agir : s'inscrire, proposer une fiche, écrire à la coordination."
        )
        preview_value = {
            "title": _("Vous menez une action qui marche ?"),
            "text": _("Partagez-la en une fiche : d'autres structures pourront s'en inspirer."),
            "link": {"label": _("Proposer une fiche"), "url": "https://passerelles.be/"},
        }


class DocumentBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(label=_("Titre affiché"), required=False, max_length=160)

    class Meta:
        icon = "doc-full"
        label = _("Document")
        template = "blocks/document_block.html"
        description = _("Un fichier de la médiathèque à télécharger : outil, modèle, rapport.")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(label=_("Chiffre"), max_length=20)
    label = blocks.CharBlock(label=_("Ce qu'il compte"), max_length=120)

    class Meta:
        icon = "order"
        label = _("Chiffre clé")
        template = "blocks/key_figure_block.html"
        description = _("Un chiffre mis en avant et ce qu'il compte.")
        preview_value = {"value": "68 %", "label": _("des stagiaires trouvent un emploi ou une formation")}


RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link"]


class BodyStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Texte"),
        features=RICH_TEXT_FEATURES,
        template="blocks/paragraph_block.html",
        description=_("Du texte courant, avec intertitres, listes et liens."),
        preview_value=_(
            "<p>Les stagiaires apprennent en <b>réparant de vrais vélos</b>, prêtés ensuite aux "
            "habitants du quartier.</p>"
        ),
    )
    image = FigureBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentBlock()

    class Meta:
        template = "blocks/body_stream_block.html"
