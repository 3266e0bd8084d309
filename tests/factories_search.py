"""Search test data: published standard pages (publishing fires the signal that indexes them)."""

from passerelles.models import StandardPage
from search.models import SearchDocument


def publish_page(parent, title, text="", introduction="", locale=None, **fields):
    """A live StandardPage under `parent`, published the way an editor does (revision + publish)."""
    page = StandardPage(
        title=title,
        introduction=introduction,
        body=[("paragraph", f"<p>{text}</p>")] if text else [],
        locale=locale or parent.locale,
        **fields,
    )
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def document_of(page):
    return SearchDocument.objects.get(object_id=str(page.pk), doc_type="page")
