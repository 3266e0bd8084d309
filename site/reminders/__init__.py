"""Reminders: mails sent because a date comes (an event in two days, a request about to expire, a
fiche to review), each sent once, with a one-click way to stop that kind of reminder.

Apps register their jobs in `<app>/reminder_jobs.py` (`register_job`); `manage.py send_reminders`
runs every job. `send_once` records what was sent (`SentReminder`, one row per kind and key) in
the transaction that stores the mail in the outbox: a re-run or a restarted worker never sends a
reminder twice. It imports no app of ours: any app may remind.
"""
