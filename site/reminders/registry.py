"""The reminder jobs of every app and the labels of their kinds (for the "stop" page)."""

from dataclasses import dataclass

from django.utils.module_loading import autodiscover_modules

_jobs = {}
_kinds = {}


@dataclass(frozen=True)
class Job:
    name: str
    run: object  # run(now) -> number of mails sent
    order: int = 100


def register_job(name, run, order=100):
    _jobs[name] = Job(name, run, order)
    return run


def register_kind(kind, label):
    """`label` says in French what stops, e.g. "le rappel deux jours avant l’événement"."""
    _kinds[kind] = label


def jobs():
    autodiscover_modules("reminder_jobs")
    return sorted(_jobs.values(), key=lambda job: (job.order, job.name))


def kind_label(kind):
    autodiscover_modules("reminder_jobs")
    return _kinds.get(kind)
