"""Demo white paper from fixtures/livreblanc.json: the 2026 edition in consultation, its chapters and
recommendations with their status history, some contributions (moderated) and supports."""

from datetime import date

from passerelles.vocabularies.models import Theme

from .models import (
    ChapterPage,
    Contribution,
    EditionPage,
    RecommendationEvent,
    RecommendationPage,
    RecommendationPractice,
    RecommendationStatus,
    RecommendationTheme,
    Support,
    WhitePaperIndexPage,
)

DEMO_BROWSER_PREFIX = "demo-"


def load(loader):
    data = loader.read_json("livreblanc.json")
    index_data = data["index"]
    index = loader.upsert_page(
        loader.home,
        WhitePaperIndexPage,
        index_data["slug"],
        title=index_data["title"],
        introduction=index_data["introduction"],
        search_description=index_data["search_description"],
        show_in_menus=True,
    )
    themes = {theme.slug: theme for theme in Theme.objects.canonical()}
    recommendations = {}
    for edition_data in data["editions"]:
        edition = loader.upsert_page(
            index,
            EditionPage,
            edition_data["slug"],
            title=edition_data["title"],
            year=edition_data["year"],
            status=edition_data["status"],
            introduction=edition_data["introduction"],
            search_description=edition_data["search_description"],
        )
        loader.progress(f"Livre blanc : {edition.title}")
        for chapter_data in loader.step("chapitres", edition_data["chapters"]):
            chapter = loader.upsert_page(
                edition,
                ChapterPage,
                chapter_data["slug"],
                title=chapter_data["title"],
                introduction=chapter_data["introduction"],
            )
            for entry in chapter_data["recommendations"]:
                recommendations[entry["slug"]] = load_recommendation(loader, chapter, entry, themes)
    load_contributions(data["contributions"], recommendations)


def load_recommendation(loader, chapter, entry, themes):
    practices = [loader.page_by_slug(slug) for slug in entry["practices"]]
    events = [loader.page_by_slug(slug) for slug in entry.get("events", [])]
    page = loader.upsert_page(
        chapter,
        RecommendationPage,
        entry["slug"],
        title=entry["title"],
        obstacle=entry["obstacle"],
        current_rule=entry["current_rule"],
        legal_reference=entry["legal_reference"],
        proposed_change=entry["proposed_change"],
        authority=entry["authority"],
        theme_items=[RecommendationTheme(tag=themes[slug]) for slug in entry["themes"] if slug in themes],
        status_changes=[
            RecommendationStatus(status=s["status"], date=date.fromisoformat(s["date"]), note=s["note"])
            for s in entry["statuses"]
        ],
        practice_links=[RecommendationPractice(page=practice) for practice in practices if practice],
        event_links=[RecommendationEvent(page=event) for event in events if event],
    )
    set_demo_supports(page, entry["supports"])
    return page


def set_demo_supports(recommendation, count):
    """Exactly `count` demo supports, whatever ran before (real visitors' supports are kept)."""
    demo = Support.objects.filter(recommendation=recommendation, browser__startswith=DEMO_BROWSER_PREFIX)
    wanted = {f"{DEMO_BROWSER_PREFIX}{n}" for n in range(count)}
    existing = set(demo.values_list("browser", flat=True))
    demo.filter(browser__in=existing - wanted).delete()
    Support.objects.bulk_create(
        Support(recommendation=recommendation, browser=browser) for browser in sorted(wanted - existing)
    )


def load_contributions(entries, recommendations):
    for entry in entries:
        Contribution.objects.update_or_create(
            recommendation=recommendations[entry["recommendation"]],
            name=entry["name"],
            text=entry["text"],
            defaults={
                "organisation": entry["organisation"],
                "email": entry["email"],
                "status": entry["status"],
            },
        )
