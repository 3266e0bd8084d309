"""Editors see what each shared StreamField block is for, and a preview of it, in the block picker."""

import pytest
from django.urls import reverse
from wagtail.blocks import Block

from knowledge.blocks import ContactBlock, IndicatorBlock, StepBlock
from passerelles.blocks import (
    BodyStreamBlock,
    CallToActionBlock,
    DocumentBlock,
    FigureBlock,
    HeadingBlock,
    KeyFigureBlock,
    LinkBlock,
    QuoteBlock,
)

pytestmark = pytest.mark.django_db

# Each previewed block, and a text of its preview value that the preview must show.
PREVIEWED = {
    HeadingBlock: "Comment s'inscrire",
    QuoteBlock: "dès le premier jour",
    LinkBlock: "Le site du Forem",
    CallToActionBlock: "Proposer une fiche",
    KeyFigureBlock: "68 %",
    StepBlock: "Accueil du groupe",
    IndicatorBlock: "six mois après",
    ContactBlock: "Julie Lambert",
}


@pytest.mark.parametrize("block_class", [*PREVIEWED, FigureBlock, DocumentBlock])
def test_every_shared_block_describes_itself(block_class):
    assert len(str(block_class().get_description())) > 20


@pytest.mark.parametrize("block_class, text", PREVIEWED.items())
def test_block_preview_renders_in_the_site_styles(admin_client_logged, block_class, text):
    block = block_class()
    assert block.is_previewable
    response = admin_client_logged.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})
    assert response.status_code == 200
    html = response.content.decode()
    assert "passerelles/css/main.css" in html
    assert text in html.replace("&#x27;", "'")


def test_paragraph_preview_is_shown(admin_client_logged):
    paragraph = BodyStreamBlock().child_blocks["paragraph"]
    assert isinstance(paragraph, Block) and paragraph.is_previewable
    response = admin_client_logged.get(
        reverse("wagtailadmin_block_preview"), {"id": paragraph.definition_prefix}
    )
    assert "réparant de vrais vélos" in response.content.decode()
