"""A translator translates a fiche in the admin: submit it, export the PO file, import it filled
in, publish; Dutch visitors then read the fiche in Dutch at its Dutch address."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail.models import Locale
from wagtail_localize.models import Translation

from knowledge.models import FicheActionPage
from tests.factories_knowledge import FicheActionPageFactory, KnowledgeIndexPageFactory

pytestmark = pytest.mark.django_db

DUTCH = {
    "Former des mécaniciens vélo": "Fietsmecaniciens opleiden",
    "former-des-mecaniciens-velo": "fietsmecaniciens-opleiden",
}


@pytest.fixture
def fiche_and_dutch_section(home):
    dutch = Locale.objects.create(language_code="nl")
    index = KnowledgeIndexPageFactory(parent=home)
    fiche = FicheActionPageFactory(
        parent=index,
        title="Former des mécaniciens vélo",
        slug="former-des-mecaniciens-velo",
        summary="Un atelier solidaire forme des stagiaires à la réparation.",
    )
    for page, slug in ((home, "home-nl"), (index, "fiches-en-praktijken")):
        copy = page.copy_for_translation(dutch)
        copy.slug = slug
        copy.save_revision().publish()
    return fiche, dutch


def dutch_po(client, translation):
    """The PO file the translator downloads, filled in: known words in Dutch, the rest marked."""
    response = client.get(reverse("wagtail_localize:download_pofile", args=[translation.pk]))
    assert response.status_code == 200
    po = polib.pofile(response.content.decode())
    for entry in po:
        entry.msgstr = DUTCH.get(entry.msgid, f"[nl] {entry.msgid}")
    return po


def test_translator_translates_a_fiche_with_a_po_file(
    admin_client_logged, client, fiche_and_dutch_section, django_capture_on_commit_callbacks
):
    fiche, dutch = fiche_and_dutch_section
    submit = reverse("wagtail_localize:submit_page_translation", args=[fiche.pk])
    assert admin_client_logged.get(submit).status_code == 200
    assert admin_client_logged.post(submit, {"locales": [dutch.pk]}).status_code == 302
    translation = Translation.objects.get(source__object_id=fiche.translation_key, target_locale=dutch)

    po = dutch_po(admin_client_logged, translation)
    msgids = {entry.msgid for entry in po}
    assert {
        "Former des mécaniciens vélo",
        "Un atelier solidaire forme des stagiaires à la réparation.",
    } <= msgids
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    response = admin_client_logged.post(
        upload, {"file": SimpleUploadedFile("fiche-nl.po", str(po).encode()), "next": "/admin/"}
    )
    assert response.status_code == 302
    dutch_fiche = fiche.get_translation(dutch)
    edit = reverse("wagtailadmin_pages:edit", args=[dutch_fiche.pk])
    # wagtail-localize publishes once the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        assert admin_client_logged.post(edit, {"action": "publish"}).status_code == 302

    dutch_fiche = FicheActionPage.objects.get(pk=dutch_fiche.pk)
    assert dutch_fiche.live and dutch_fiche.url == "/nl/fiches-en-praktijken/fietsmecaniciens-opleiden/"
    client.logout()
    html = client.get(dutch_fiche.url).content.decode()
    assert "<h1>Fietsmecaniciens opleiden</h1>" in html or ">Fietsmecaniciens opleiden</h1>" in html
    assert "[nl] Un atelier solidaire forme des stagiaires à la réparation." in html
    # The French fiche is untouched and its switcher now leads to the Dutch one.
    french = client.get(fiche.url).content.decode()
    assert (
        "Former des mécaniciens vélo" in french and "Fietsmecaniciens" not in french.split("</header>", 1)[1]
    )
    assert (
        'hreflang="nl" href="http://testserver/nl/fiches-en-praktijken/fietsmecaniciens-opleiden/"' in french
    )


def test_a_po_file_for_another_page_is_refused_with_a_message(admin_client_logged, fiche_and_dutch_section):
    fiche, dutch = fiche_and_dutch_section
    submit = reverse("wagtail_localize:submit_page_translation", args=[fiche.pk])
    admin_client_logged.post(submit, {"locales": [dutch.pk]})
    translation = Translation.objects.get(source__object_id=fiche.translation_key, target_locale=dutch)
    garbage = SimpleUploadedFile("autre.po", b"ceci n'est pas un fichier PO \x00\xff")
    upload = reverse("wagtail_localize:upload_pofile", args=[translation.pk])
    response = admin_client_logged.post(upload, {"file": garbage, "next": "/admin/"}, follow=True)
    assert response.status_code == 200
    assert "Veuillez transférer un fichier PO valide." in [
        str(m).strip() for m in response.context["messages"]
    ]
    assert not FicheActionPage.objects.get(pk=fiche.get_translation(dutch).pk).live
