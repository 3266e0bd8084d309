"""Open data: the read-only public API, the CSV/JSON exports and the schema.org JSON-LD.

The top layer of the project's apps: it reads the listings of knowledge and network (their own
filter code, so the same query string gives the same items) and nothing imports it but the
project's URLs and templates.
"""
