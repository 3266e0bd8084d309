"""The digests as a task of the task framework (django-tasks), for a scheduler that enqueues
tasks rather than running commands; the worker of the outbox runs it."""

from django_tasks import task

from passerelles.outbox.tasks import BACKEND_ALIAS

from .digests import send_pending


@task(backend=BACKEND_ALIAS)
def send_digests():
    return send_pending()
