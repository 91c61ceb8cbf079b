"""The hub's one way of writing dates, per language (settings.FORMAT_MODULE_PATH).

Templates write `|date` for a day, `|date:"DATETIME_FORMAT"` for a moment and `|time` for a
time of day; the SHORT_ formats (the admin's) read the same. Input formats stay Django's.
"""
