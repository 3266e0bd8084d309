"""The offers listing: facets with counts, date status, sort, pagination, feeds, and bad input."""

import datetime

import feedparser
import pytest

from passerelles.vocabularies.models import Public, Sector, Zone
from tests.factories_offers import OfferPageFactory, OffersIndexPageFactory

pytestmark = pytest.mark.django_db

TODAY = datetime.date.today()


def days(number):
    return TODAY + datetime.timedelta(days=number)


@pytest.fixture
def offers(home):
    velo = Sector.objects.create(name="Réparation vélos", slug="reparation-velos")
    numerique = Sector.objects.create(name="Numérique", slug="numerique")
    neet = Public.objects.create(name="NEET", slug="neet")
    liege = Zone.objects.create(name="Liège", slug="liege")
    index = OffersIndexPageFactory(parent=home)
    made = {
        "velo_formation": OfferPageFactory(
            parent=index,
            title="Atelier vélo",
            start_date=days(20),
            tags={"sectors": [velo], "publics": [neet]},
        ),
        "velo_finie": OfferPageFactory(
            parent=index,
            title="Atelier vélo (session d’hiver)",
            start_date=days(-120),
            end_date=days(-2),
            tags={"sectors": [velo]},
        ),
        "velo_stage": OfferPageFactory(
            parent=index,
            title="Stage vélo",
            kind="stage",
            permanent_entry=True,
            start_date=None,
            tags={"sectors": [velo], "zones": [liege]},
        ),
        "numerique": OfferPageFactory(
            parent=index,
            title="Bases numériques",
            start_date=days(-10),
            end_date=days(30),
            tags={"sectors": [numerique]},
        ),
        "emploi": OfferPageFactory(
            parent=index,
            title="Emploi article 60",
            kind="emploi-insertion",
            start_date=days(5),
            tags={"sectors": [velo, numerique]},
        ),
    }
    return index, made


def titles(response):
    return [offer.title for offer in response.context["listing"].offers]


def facet_counts(response, parameter):
    facet = next(f for f in response.context["listing"].facets if f["parameter"] == parameter)
    return {value.slug: value.count for value in facet["values"]}


def test_filter_by_kind_and_sector_gives_the_right_offers_and_counts(client, offers):
    index, _ = offers
    url = index.url + "?type=formation&secteur=reparation-velos"
    response = client.get(url)
    html = response.content.decode()
    assert titles(response) == ["Atelier vélo"]
    assert "1 offre</h2>" in html
    # Counts of one facet are those the other active facets leave (finished offers are hidden).
    assert facet_counts(response, "type") == {"formation": 1, "stage": 1, "emploi-insertion": 1}
    assert facet_counts(response, "secteur") == {"reparation-velos": 1, "numerique": 1}
    assert facet_counts(response, "etat") == {"en-cours": 0, "a-venir": 1, "terminee": 1}
    # The form reflects the URL, so the same selection can be shared and submitted again.
    assert 'name="type" value="formation" checked' in html
    assert 'name="secteur" value="reparation-velos" checked' in html
    assert 'name="secteur" value="numerique">' in html
    again = client.get(url)
    assert titles(again) == titles(response)


def test_one_sector_lists_all_its_current_offers(client, offers):
    index, _ = offers
    response = client.get(index.url + "?secteur=reparation-velos")
    assert titles(response) == ["Stage vélo", "Emploi article 60", "Atelier vélo"]  # soonest start first


def test_finished_offers_are_hidden_by_default_and_shown_on_request(client, offers):
    index, _ = offers
    default = client.get(index.url)
    assert "Atelier vélo (session d’hiver)" not in titles(default)
    assert "Les offres terminées sont masquées" in default.content.decode()
    finished = client.get(index.url + "?etat=terminee")
    assert titles(finished) == ["Atelier vélo (session d’hiver)"]
    assert "terminée</span>" in finished.content.decode()
    everything = client.get(index.url + "?etat=en-cours&etat=a-venir&etat=terminee")
    assert len(titles(everything)) == 5


def test_open_now_and_upcoming_filters(client, offers):
    index, _ = offers
    assert sorted(titles(client.get(index.url + "?etat=en-cours"))) == ["Bases numériques", "Stage vélo"]
    assert titles(client.get(index.url + "?etat=a-venir")) == ["Emploi article 60", "Atelier vélo"]


def test_sorts(client, offers):
    index, _ = offers
    assert titles(client.get(index.url + "?tri=titre")) == [
        "Atelier vélo",
        "Bases numériques",
        "Emploi article 60",
        "Stage vélo",
    ]
    assert titles(client.get(index.url + "?tri=recent"))[0] == "Emploi article 60"


def test_active_filter_can_be_removed_alone(client, offers):
    index, _ = offers
    html = client.get(index.url + "?type=formation&secteur=reparation-velos&page=1").content.decode()
    assert 'href="?type=formation">Réparation vélos' in html
    assert 'href="?secteur=reparation-velos">Formation' in html


def test_pagination_keeps_the_filters(client, offers):
    index, _ = offers
    for number in range(14):
        OfferPageFactory(parent=index, title=f"Formation supplémentaire {number:02d}", kind="formation")
    first = client.get(index.url + "?type=formation&tri=titre")
    assert len(titles(first)) == 12
    html = first.content.decode()
    assert 'href="?type=formation&amp;tri=titre&amp;page=2"' in html
    second = client.get(index.url + "?type=formation&tri=titre&page=2")
    assert len(titles(second)) == 4  # 16 current formations: 2 + 14


def test_empty_state(client, offers):
    index, _ = offers
    html = client.get(index.url + "?type=stage&secteur=numerique").content.decode()
    assert "Aucune offre ne correspond à ces filtres." in html
    assert "Aucune offre</h2>" in html


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("?secteur=inexistant", "Un filtre « Secteur » demandé n’existe pas ou plus"),
        ("?type=<script>alert(1)</script>", "Un filtre « Type d&#x27;offre » demandé n’existe pas"),
        ("?zone=%00", "Un filtre « Zone » demandé n’existe pas"),
        ("?etat=bientot", "Un filtre « Dates » demandé n’existe pas"),
        ("?page=abc", "Le numéro de page demandé n’est pas valide"),
        ("?page=-3", "Cette page de résultats n’existe pas"),
        ("?page=" + "9" * 400, "Cette page de résultats n’existe pas"),
        ("?tri=prix", "Ce tri n’existe pas"),
        ("?secteur=" + "x" * 5000 + "&public=neet", "Un filtre « Secteur » demandé n’existe pas"),
    ],
)
def test_bad_input_gets_a_french_message_never_an_error(client, offers, query, message):
    index, _ = offers
    response = client.get(index.url + query)
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "<script>alert(1)</script>" not in html
    assert titles(response)  # the listing still shows offers


def test_good_values_survive_next_to_bad_ones(client, offers):
    index, _ = offers
    response = client.get(index.url + "?secteur=numerique&secteur=inconnu&page=abc")
    assert titles(response) == ["Bases numériques", "Emploi article 60"]
    assert 'name="secteur" value="numerique" checked' in response.content.decode()


def test_rss_and_atom_feeds_parse_and_follow_the_filters(client, offers):
    index, _ = offers
    rss = feedparser.parse(client.get(index.url + "flux/").content)
    assert not rss.bozo, rss.bozo_exception
    assert rss.feed.title.startswith("Offres pour stagiaires")
    assert len(rss.entries) == 4  # finished offers are not announced
    assert all(entry.link.startswith("http") for entry in rss.entries)

    atom = feedparser.parse(client.get(index.url + "flux/atom/?secteur=numerique").content)
    assert not atom.bozo, atom.bozo_exception
    assert atom.version == "atom10"
    assert sorted(entry.title for entry in atom.entries) == ["Bases numériques", "Emploi article 60"]
    assert {tag.term for entry in atom.entries for tag in entry.tags} == {"Numérique", "Réparation vélos"}

    bad = client.get(index.url + "flux/?secteur=<b>inconnu</b>&page=abc")
    assert bad.status_code == 200 and not feedparser.parse(bad.content).bozo


def test_listing_links_to_its_filtered_feeds(client, offers):
    index, _ = offers
    html = client.get(index.url + "?secteur=numerique&page=1").content.decode()
    assert f'href="{index.url}flux/?secteur=numerique"' in html
    assert f'href="{index.url}flux/atom/?secteur=numerique"' in html


def test_submitting_the_default_dates_keeps_the_default_view(client, offers):
    index, _ = offers
    html = client.get(index.url + "?etat=a-venir&etat=en-cours&secteur=numerique").content.decode()
    assert "Les offres terminées sont masquées" in html
    assert 'href="?etat=a-venir&amp;etat=en-cours">Numérique' in html
    assert "(retirer ce filtre)" in html and html.count("(retirer ce filtre)") == 1
