"""What registrants are told about: an event's dates, place and status, as a comparable dict.

Pure (no query of its own, no import of ours): the data migration that registered every event's
first version uses it too.
"""

WHEN = (
    "start",
    "end",
    "all_day",
    "recurrence",
    "recurrence_interval",
    "recurrence_until",
    "recurrence_count",
)
WHERE = ("venue", "address", "online_url")


def fingerprint(event, exception_dates):
    data = {}
    for name in WHEN + WHERE:
        value = getattr(event, name)
        data[name] = value.isoformat() if hasattr(value, "isoformat") else value
    data["exceptions"] = sorted(day.isoformat() for day in exception_dates)
    data["cancelled"] = bool(event.cancelled)
    return data


def place_changed(old, new):
    return any(old.get(name) != new.get(name) for name in WHERE)
