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
    return SearchDocument.objects.get(source_id=str(page.pk), doc_type="page")


def make_documents(count, sectors=(), publics=(), title="Atelier vélo {n}", locale="fr"):
    """`count` indexed search documents tagged with the given vocabulary values (fast: no pages)."""
    from django.contrib.contenttypes.models import ContentType

    from search.indexing import index_documents, link_group

    content_type = ContentType.objects.get_for_model(SearchDocument)
    start = SearchDocument.objects.count()
    pairs = []
    for n in range(start, start + count):
        text = f"Remise en état de vélos d’occasion par des stagiaires, numéro {n}."
        document = SearchDocument(
            source_type=content_type,
            source_id=f"generated-{n}",
            doc_type="page",
            locale=locale,
            title=title.format(n=n),
            body=text,
            url=f"/generated/{n}/",
        )
        link_group([document])  # one content in one language: shown where a French original is
        pairs.append((document, {"sectors": list(sectors), "publics": list(publics)}))
    index_documents(pairs)
