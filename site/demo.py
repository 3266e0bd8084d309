"""Demo content of the site frame: home page, free pages, navigation and footer, admin account."""

from django.contrib.auth import get_user_model
from wagtail.models import Page, Site

from .demo_loading import demo_password_hash, stream, update_and_publish
from .models import FooterSettings, HomePage, NavigationSettings, StandardPage
from .public_address import configured_host_and_port
from .roles import ensure_roles

ADMIN_USERNAME = "admin"


def load(loader):
    data = loader.read_json("site.json")
    home = ensure_home(loader, data["home"])
    loader.progress("Pages du site")
    for entry in loader.step("pages", data["pages"]):
        loader.upsert_page(
            home,
            StandardPage,
            entry["slug"],
            title=entry["title"],
            introduction=entry.get("introduction", ""),
            body=stream(entry.get("body")),
            show_in_menus=entry.get("show_in_menus", False),
            search_description=entry.get("search_description", ""),
        )
    ensure_admin()
    loader.progress("Rôles et workflow de relecture")
    ensure_roles(home)


def ensure_home(loader, data):
    """Replaces Wagtail's welcome page by our home page, once, and points the site at it."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=loader.locale).first()
    fields = {
        "title": data["title"],
        "introduction": data["introduction"],
        "key_figures": stream(data.get("key_figures")),
        "search_description": data.get("search_description", ""),
    }
    if home is None:
        home = HomePage(slug="accueil", locale=loader.locale, **fields)
        root.add_child(instance=home)
        home.save_revision().publish()
    else:
        update_and_publish(home, fields)
    site = Site.objects.filter(is_default_site=True).first()
    # The Site's address is the one every e-mail, .ics and PDF link uses (`public_address`): the
    # configured public address, the same as the admin's workflow mails.
    hostname, port = configured_host_and_port()
    if site is None:
        Site.objects.create(
            hostname=hostname, port=port, root_page=home, is_default_site=True, site_name="Passerelles"
        )
        return home
    if (site.hostname, site.port) == ("localhost", 80):  # Wagtail's initial placeholder
        site.hostname, site.port = hostname, port
        site.save()
    if site.root_page_id != home.pk:
        old_root = site.root_page
        site.root_page = home
        site.site_name = "Passerelles"
        site.save()
        if old_root.specific_class is Page and old_root.pk != home.pk:
            old_root.delete()  # Wagtail's "Welcome to your new Wagtail site!" placeholder
    return home


def configure_site_settings(loader, data):
    """Navigation and footer; run last, once every section exists to be linked."""
    site = Site.objects.get(is_default_site=True)
    navigation = NavigationSettings.for_site(site)
    navigation.primary = stream(resolve_links(loader, data["navigation"]))
    navigation.save()
    footer = FooterSettings.for_site(site)
    footer.about = data["footer"]["about"]
    footer.links = stream(resolve_links(loader, data["footer"]["links"]))
    footer.contact_address = data["footer"].get("contact_address", "")
    footer.contact_phone = data["footer"].get("contact_phone", "")
    footer.save()


def resolve_links(loader, links):
    """Fixture links name a page by its slug; the ones whose page does not exist are left out."""
    blocks = []
    for link in links:
        page = loader.page_by_slug(link["page_slug"]) if link.get("page_slug") else None
        if link.get("page_slug") and page is None:
            continue
        blocks.append(
            {
                "type": "link",
                "value": {
                    "label": link["label"],
                    "page": page.pk if page else None,
                    "url": link.get("url", ""),
                },
            }
        )
    return blocks


def ensure_admin():
    User = get_user_model()
    if not User.objects.filter(username=ADMIN_USERNAME).exists():
        User.objects.create(
            username=ADMIN_USERNAME,
            email="admin@passerelles.example",
            password=demo_password_hash(),
            first_name="Admin",
            last_name="Passerelles",
            is_staff=True,
            is_superuser=True,
        )
