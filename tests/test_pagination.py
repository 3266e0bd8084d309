"""Every listing pages the same way: a bad page number gives the nearest page and the same message."""

import pytest

from passerelles.pagination import paginate

pytestmark = pytest.mark.django_db

NOT_A_NUMBER = "Le numéro de page demandé n’est pas valide ; voici la première page."
BEYOND = "Cette page de résultats n’existe pas ; voici la dernière page."
BEFORE = "Cette page de résultats n’existe pas ; voici la première page."


@pytest.mark.parametrize(
    "raw, number, message",
    [
        (None, 1, None),
        ("", 1, None),
        ("2", 2, None),
        ("abc", 1, NOT_A_NUMBER),
        ("<script>", 1, NOT_A_NUMBER),
        ("9" * 5000, 1, NOT_A_NUMBER),
        ("2.5", 1, NOT_A_NUMBER),
        ("99", 3, BEYOND),
        ("0", 1, BEFORE),
        ("-4", 1, BEFORE),
    ],
)
def test_paginate_gives_the_nearest_page_and_says_so(raw, number, message):
    page, said = paginate(list(range(25)), raw, per_page=10)
    assert (page.number, said) == (number, message)


@pytest.mark.parametrize(
    "path", ["/fiches-et-pratiques/", "/annuaire/", "/annuaire/compagnons/", "/offres/", "/agenda/"]
)
def test_every_listing_says_the_same_about_a_bad_page_number(client, demo_content, path):
    for raw, message in (("abc", NOT_A_NUMBER), ("99999", BEYOND)):
        response = client.get(path, {"page": raw})
        assert response.status_code == 200
        assert message in response.content.decode().replace("&#x27;", "’"), (path, raw)
