"""Spreadsheet imports for coordinators: structures into the directory, events into a calendar.

A file is read (`reading`), every line checked against its columns (`columns`, `structures`,
`events`) before anything is written; only a file without a single error can be confirmed, and
it is then written in one transaction (`writing`), which records the pages it created so the
import can be undone (`undo`). The admin views are in `views`.
"""
