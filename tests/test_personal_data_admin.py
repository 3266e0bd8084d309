"""The permission matrix of personal data in the admin: every view of every personal-data model,
for a member, a calendar's coordinator and an anonymous visitor.

A member sees their own structure's compagnons only (another structure's, consenting or not,
never), a coordinator the registrations of their own calendar only; nobody without the model
permission sees anything. "Sees" covers every admin view: list, search, CSV/XLSX export, inspect,
edit, copy, delete, history, usage, revisions, workflow history, and the snippet chooser (its
list, its search results, its "chosen" answers).
"""

import io
import json
import re

import openpyxl
import pytest
from django.urls import reverse
from wagtail.log_actions import log

from passerelles import privacy
from passerelles.personal_data_admin import PersonalDataPermissionPolicy, policy_of

pytestmark = pytest.mark.django_db

ROLES = ["membre", "coordination", "anonyme"]

# model key -> (world attribute of record A, of record B, text identifying each record)
RECORDS = {
    "person": ("own_person", "hidden_person", lambda record: record.email),
    "meetuprequest": ("meetup_request", "other_meetup_request", lambda record: record.requester_email),
    "registration": ("own_registration", "other_registration", lambda record: record.email),
    "contribution": ("contribution", "other_contribution", lambda record: record.email),
}
# Which records each role may see: everything else must stay out of every view.
VISIBLE = {
    ("person", "membre"): {"own_person"},
    ("meetuprequest", "coordination"): {"meetup_request", "other_meetup_request"},
    ("registration", "coordination"): {"own_registration"},
    ("contribution", "coordination"): {"contribution", "other_contribution"},
}
# Views that load one record, per model (the ones each viewset registers).
RECORD_VIEWS = {
    "person": [
        "edit",
        "copy",
        "delete",
        "history",
        "usage",
        "workflow_history",
        "revisions_compare",
        "revisions_revert",
    ],
    "meetuprequest": ["edit", "copy", "delete", "history", "usage", "inspect"],
    "registration": ["edit", "copy", "delete", "history", "usage"],
    "contribution": ["edit", "copy", "delete", "history", "usage"],
}
# Views that list records: the list, its search, its exports, the chooser and its search.
LIST_VIEWS = ["list", "list_results", "search", "export_csv", "export_xlsx", "choose", "choose_results"]


@pytest.fixture
def world(roles_world):
    return roles_world


def model_of(world, key):
    return type(getattr(world, RECORDS[key][0]))


def record_url(record, view):
    meta = record._meta
    name = f"wagtailsnippets_{meta.app_label}_{meta.model_name}:{view}"
    if view == "revisions_compare":
        revision = record.revisions.order_by("pk").first()
        return reverse(name, args=(record.pk, "live", revision.pk))
    if view == "revisions_revert":
        return reverse(name, args=(record.pk, record.revisions.order_by("pk").first().pk))
    return reverse(name, args=(record.pk,))


def list_url(model, view, term):
    meta = model._meta
    snippets = f"wagtailsnippets_{meta.app_label}_{meta.model_name}"
    choosers = f"wagtailsnippetchoosers_{meta.app_label}_{meta.model_name}"
    return {
        "list": (reverse(f"{snippets}:list"), {}),
        "list_results": (reverse(f"{snippets}:list_results"), {}),
        "search": (reverse(f"{snippets}:list"), {"q": term}),
        "export_csv": (reverse(f"{snippets}:list"), {"export": "csv"}),
        "export_xlsx": (reverse(f"{snippets}:list"), {"export": "xlsx"}),
        "choose": (reverse(f"{choosers}:choose"), {}),
        "choose_results": (reverse(f"{choosers}:choose_results"), {"q": term}),
    }[view]


def readable(response):
    """The response as text, spreadsheets included."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    if response.get("Content-Type", "").startswith("application/json"):  # the chooser's modal
        return json.dumps(response.json(), ensure_ascii=False)
    if content[:2] == b"PK":
        book = openpyxl.load_workbook(io.BytesIO(content))
        return " ".join(str(cell.value) for sheet in book for row in sheet.iter_rows() for cell in row)
    return content.decode(errors="replace")


def log_in(client, world, role):
    if role != "anonyme":
        client.force_login(world.users[role])


def record_cases():
    for key, views in RECORD_VIEWS.items():
        for view in views:
            yield key, view


def list_cases():
    for key in RECORDS:
        for view in LIST_VIEWS:
            if not view.startswith("export") or key == "registration":  # only registrations export
                yield key, view


# One world per role, every case checked in a loop (building the world takes seconds), and every
# failure reported at once like the page permission matrix does.
@pytest.mark.parametrize("role", ROLES)
def test_a_record_outside_the_users_reach_never_opens(client, world, role):
    log_in(client, world, role)
    opened = []
    for key, view in record_cases():
        visible = VISIBLE.get((key, role), set())
        for attribute in RECORDS[key][:2]:
            if attribute in visible:
                continue
            record = getattr(world, attribute)
            response = client.get(record_url(record, view))
            if response.status_code == 200 or RECORDS[key][2](record) in readable(response):
                opened.append(f"{key} {view} {attribute} ({response.status_code})")
    assert opened == []


def test_a_record_within_reach_opens(client, world):
    refused = []
    for (key, role), attributes in VISIBLE.items():
        client.force_login(world.users[role])
        # Coordinators only view registrations (no history nor usage): the list test covers them.
        views = [view for view in ("history", "usage", "inspect") if view in RECORD_VIEWS[key]]
        if key == "registration":
            views = []
        for attribute in attributes:
            for view in views:
                status = client.get(record_url(getattr(world, attribute), view)).status_code
                if status != 200:
                    refused.append(f"{role} {key} {view} {attribute} ({status})")
    assert refused == []


@pytest.mark.parametrize("role", ROLES)
def test_lists_searches_exports_and_choosers_show_only_what_is_in_reach(client, world, role):
    log_in(client, world, role)
    wrong = []
    for key, view in list_cases():
        visible = VISIBLE.get((key, role), set())
        for attribute in RECORDS[key][:2]:
            record = getattr(world, attribute)
            name = str(getattr(record, "name", None) or record.requester_name)
            url, params = list_url(type(record), view, name.split()[0])
            response = client.get(url, params)
            text = readable(response)
            if attribute in visible and (response.status_code != 200 or name not in text):
                wrong.append(f"absent : {key} {view} {attribute} ({response.status_code})")
            if attribute not in visible and (name in text or RECORDS[key][2](record) in text):
                wrong.append(f"montré : {key} {view} {attribute}")
    assert wrong == []


@pytest.mark.parametrize("role", ROLES)
def test_the_chooser_never_hands_over_a_record_outside_reach(client, world, role):
    log_in(client, world, role)
    for key, (first, second, _identify) in RECORDS.items():
        for attribute in (first, second):
            record = getattr(world, attribute)
            meta = record._meta
            chooser = f"wagtailsnippetchoosers_{meta.app_label}_{meta.model_name}"
            chosen = client.get(reverse(f"{chooser}:chosen", args=(record.pk,)))
            several = client.get(reverse(f"{chooser}:chosen_multiple"), {"id": [record.pk]})
            handed_over = several.status_code == 200 and str(record) in str(several.json())
            if attribute in VISIBLE.get((key, role), set()):
                assert chosen.status_code == 200
                assert handed_over
            else:
                assert chosen.status_code != 200, (key, attribute)
                assert not handed_over, (key, attribute)


def test_a_member_cannot_copy_another_structures_compagnon_by_posting(client, world):
    client.force_login(world.users["membre"])
    before = type(world.hidden_person).objects.count()
    response = client.post(record_url(world.hidden_person, "copy"), {"name": "Copie"})
    assert response.status_code in (302, 403, 404)
    assert type(world.hidden_person).objects.count() == before


def test_bulk_delete_refuses_another_structures_compagnon(client, world):
    client.force_login(world.users["membre"])
    url = reverse("wagtail_bulk_action", args=("network", "person", "delete"))
    client.post(f"{url}?id={world.hidden_person.pk}", {})
    assert type(world.hidden_person).objects.filter(pk=world.hidden_person.pk).exists()


def test_every_personal_data_model_with_an_admin_has_the_policy(world):
    """A new personal-data model registered for export and erasure cannot forget its scope."""
    from wagtail.snippets.models import get_snippet_models

    snippets = set(get_snippet_models())
    covered = [source.model for source in privacy.sources() if source.model in snippets]
    assert {model._meta.model_name for model in covered} >= set(RECORDS)
    for model in covered:
        assert isinstance(policy_of(model), PersonalDataPermissionPolicy), model


@pytest.mark.parametrize("role", ["membre", "coordination"])
def test_the_site_history_report_leaves_out_records_outside_reach(client, world, role):
    for key, (first, second, _identify) in RECORDS.items():
        for attribute in (first, second):
            # A label of its own per entry: a meetup request's label names its compagnon too.
            log(
                instance=getattr(world, attribute),
                action="wagtail.edit",
                user=world.users["administration"],
                title=f"Journal {key} {attribute}",
            )
    client.force_login(world.users[role])
    text = ""
    for name in ("wagtailadmin_reports:site_history", "wagtailadmin_reports:site_history_results"):
        response = client.get(reverse(name))
        assert response.status_code == 200
        text += response.content.decode()
    shown = set(re.findall(r"Journal (\w+) (\w+)", text))
    outside = {
        (key, attribute)
        for key, records in RECORDS.items()
        for attribute in records[:2]
        if attribute not in VISIBLE.get((key, role), set())
    }
    assert shown and not shown & outside
    if role == "membre":  # their own structure's compagnon stays in their history
        assert ("person", "own_person") in shown
