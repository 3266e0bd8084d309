"""The outbox: every e-mail the site sends is stored here first, then sent by a background task.

`OutboxBackend` is Django's EMAIL_BACKEND: `send_mail`, `EmailMessage.send()`, Wagtail's workflow
notifications and password resets all land in one table (`OutgoingMail`) in the caller's
transaction, so a visitor never sees a mail server's failure. The task `deliver` (django-tasks,
database backend, `manage.py db_worker --backend outbox`) hands each one to the real backend
(OUTBOX_DELIVERY_BACKEND, SMTP in production) and retries with a growing delay. It imports no
app of ours: any app may send mail.
"""
