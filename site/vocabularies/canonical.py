"""Items are tagged with canonical (French) terms only, whatever an editor picked.

Since the vocabularies are translatable, the Dutch "Fietsherstel" is a row of its own. Should an
editor pick it (the admin's tag autocomplete matches every language), the tagging row is switched
to its French original before it is saved, so filters, counts and facet URLs stay the same in
every language. This covers every foreign key to a term (tagged-item rows, a structure's type and
zone, a meetup request's format) and many-to-many relations to terms (a compagnon's formats).
"""

from asgiref.local import Local
from django.apps import apps
from django.core.signals import request_started
from django.db.models import ForeignKey, ManyToManyField, OuterRef, Subquery
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save

from .labels import forget_labels
from .models import TranslatableTerm

_memo = Local()


def canonical_pks(model, pks):
    """{pk: pk of its canonical term} for the terms `pks` of `model` (one query, none when they
    are all French terms already, as they nearly always are)."""
    if set(pks) <= _french_pks(model):
        return {pk: pk for pk in pks}
    originals = model._default_manager.canonical().filter(translation_key=OuterRef("translation_key"))
    rows = (
        model._default_manager.filter(pk__in=pks)
        .annotate(canonical_pk=Subquery(originals.values("pk")[:1]))
        .values_list("pk", "canonical_pk")
    )
    # A term created directly in another language has no original: it is kept as it is.
    return {pk: canonical or pk for pk, canonical in rows}


def _french_pks(model):
    """The pks of `model`'s canonical terms, remembered like the labels (emptied when a request
    starts and whenever a term is saved or deleted)."""
    store = getattr(_memo, "french_pks", None)
    if store is None:
        store = _memo.french_pks = {}
    if model not in store:
        store[model] = frozenset(model._default_manager.canonical().values_list("pk", flat=True))
    return store[model]


def forget_terms(**kwargs):
    _memo.french_pks = {}
    forget_labels(**kwargs)


def _term_foreign_keys(model):
    return [
        field
        for field in model._meta.concrete_fields
        if isinstance(field, ForeignKey) and issubclass(field.related_model, TranslatableTerm)
    ]


def normalise_foreign_keys(sender, instance, raw=False, **kwargs):
    """pre_save: point every foreign key to a term at its canonical term."""
    if raw:
        return
    for field in _term_foreign_keys(sender):
        pk = getattr(instance, field.attname)
        if pk is None:
            continue
        canonical = canonical_pks(field.related_model, [pk]).get(pk, pk)
        if canonical != pk:
            setattr(instance, field.attname, canonical)
            _reuse_duplicate_row(sender, instance, field)


def _reuse_duplicate_row(model, instance, field):
    """A tagged item whose term was switched may now repeat a row of the same item: update that
    row instead of inserting a second one, so the item is not tagged twice with the same term."""
    parent = getattr(model, "content_object", None)
    if parent is None or field.name != "tag":
        return
    existing = (
        model._default_manager.filter(
            content_object_id=instance.content_object_id, tag_id=getattr(instance, field.attname)
        )
        .exclude(pk=instance.pk)
        .values_list("pk", flat=True)
        .first()
    )
    if existing is not None:
        instance.pk = existing


def normalise_many_to_many(sender, instance, action, reverse, model, pk_set, **kwargs):
    """m2m_changed: add the canonical terms instead of translated ones (forward side only)."""
    if action != "pre_add" or reverse or not pk_set:
        return
    mapping = canonical_pks(model, pk_set)
    if all(mapping.get(pk, pk) == pk for pk in pk_set):
        return
    canonical = {mapping.get(pk, pk) for pk in pk_set}
    pk_set.clear()
    pk_set.update(canonical)


def connect():
    """Connects the receivers to every model pointing at a term (called from AppConfig.ready)."""
    for model in apps.get_models():
        if issubclass(model, TranslatableTerm):
            post_save.connect(
                forget_terms, sender=model, dispatch_uid=f"forget-labels-save-{model._meta.label}"
            )
            post_delete.connect(
                forget_terms, sender=model, dispatch_uid=f"forget-labels-delete-{model._meta.label}"
            )
            continue
        if _term_foreign_keys(model):
            pre_save.connect(
                normalise_foreign_keys, sender=model, dispatch_uid=f"canonical-terms-{model._meta.label}"
            )
        for field in model._meta.local_many_to_many:
            if isinstance(field, ManyToManyField) and issubclass(field.related_model, TranslatableTerm):
                m2m_changed.connect(
                    normalise_many_to_many,
                    sender=field.remote_field.through,
                    dispatch_uid=f"canonical-terms-{model._meta.label}-{field.name}",
                )
    request_started.connect(forget_terms, dispatch_uid="forget-labels-per-request")
