"""Reads an admin form the way a browser submits it, so tests post exactly what editors post."""

from bs4 import BeautifulSoup


def form_fields(html, form_id):
    """The form's successful controls as {name: [values]}; buttons are left to the caller."""
    form = BeautifulSoup(html, "html.parser").find("form", id=form_id)
    assert form is not None, f"formulaire {form_id} absent de la page"
    data = {}
    for control in form.find_all(["input", "textarea", "select"]):
        name = control.get("name")
        if not name or control.get("disabled") is not None:
            continue
        kind = (control.get("type") or "").lower()
        if kind in ("submit", "button", "image", "reset", "file"):
            continue
        if kind in ("checkbox", "radio") and control.get("checked") is None:
            continue
        if control.name == "textarea":
            value = control.string or ""
        elif control.name == "select":
            chosen = control.find_all("option", selected=True) or control.find_all("option")[:1]
            if control.get("multiple") is not None:
                data.setdefault(name, []).extend(option.get("value", option.text) for option in chosen)
                continue
            value = chosen[0].get("value", chosen[0].text) if chosen else ""
        else:
            value = control.get("value", "on" if kind in ("checkbox", "radio") else "")
        data.setdefault(name, []).append(value)
    return data


def stream_form_data(block, state, prefix, data):
    """Flattens a StreamField's form state into the POST fields its JavaScript widget submits."""
    from wagtail.blocks import ListBlock, StreamBlock, StructBlock

    if isinstance(block, StreamBlock):
        data[f"{prefix}-count"] = [str(len(state))]
        for index, child in enumerate(state):
            child_prefix = f"{prefix}-{index}"
            data[f"{child_prefix}-type"] = [child["type"]]
            data[f"{child_prefix}-id"] = [child.get("id") or ""]
            data[f"{child_prefix}-deleted"] = [""]
            data[f"{child_prefix}-order"] = [str(index)]
            stream_form_data(block.child_blocks[child["type"]], child["value"], f"{child_prefix}-value", data)
    elif isinstance(block, ListBlock):
        data[f"{prefix}-count"] = [str(len(state))]
        for index, item in enumerate(state):
            data[f"{prefix}-{index}-id"] = [item.get("id") or ""]
            data[f"{prefix}-{index}-deleted"] = [""]
            data[f"{prefix}-{index}-order"] = [str(index)]
            stream_form_data(block.child_block, item["value"], f"{prefix}-{index}-value", data)
    elif isinstance(block, StructBlock):
        for name, child in block.child_blocks.items():
            stream_form_data(child, state.get(name), f"{prefix}-{name}", data)
    elif isinstance(state, dict):  # choosers: the widget posts the chosen object's id
        data[prefix] = [str(state.get("id", ""))]
    elif isinstance(state, bool):
        if state:
            data[prefix] = ["on"]
    else:
        data[prefix] = ["" if state is None else str(state)]


def page_edit_data(html, page):
    """What the page editor posts for `page` unchanged: the HTML controls plus its StreamFields."""
    from wagtail.fields import StreamField

    data = form_fields(html, "page-edit-form")
    page = page.get_latest_revision_as_object()
    for field in page._meta.get_fields():
        if isinstance(field, StreamField) and f"{field.name}-count" not in data:
            value = getattr(page, field.name)
            stream_form_data(field.stream_block, field.stream_block.get_form_state(value), field.name, data)
    return data
