"""The site's EMAIL_BACKEND: stores each message in the outbox and queues its delivery."""

from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction

from .storing import store
from .tasks import deliver


class OutboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages):
        stored = 0
        for message in email_messages:
            if not message.recipients():
                continue
            # The row and its queued task are written together: both are kept, or neither.
            with transaction.atomic():
                mail = store(message)
                deliver.enqueue(mail.pk)
            stored += 1
        return stored
