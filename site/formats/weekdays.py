"""Dates with the day of the week, per language (Django's named formats have none).

Used by the `weekday_date`, `weekday_datetime` and `weekday_day` filters of passerelles_tags.
"""

WEEKDAY_DATE = {"de": "l, j. F Y", "default": "l j F Y"}
WEEKDAY_DATETIME = {"de": "l, j. F Y, H:i", "default": "l j F Y, H:i"}
WEEKDAY_DAY = {"de": "l, j. F", "default": "l j F"}


def format_for(formats, language_code):
    return formats.get((language_code or "").split("-")[0], formats["default"])
