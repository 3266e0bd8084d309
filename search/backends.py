"""Search backend configuration from the environment (imported by settings: no Django models here).

- default: Wagtail's database backend over SQLite or PostgreSQL. The text is analysed by the site
  (search/text.py: accents folded, snowball stems per language) and the search page queries the
  database's own full-text index directly (search/fulltext/), Wagtail's API being the fallback;
- SEARCH_URL set: Elasticsearch 8 (or SEARCH_BACKEND, e.g. wagtail.search.backends.opensearch2),
  through Wagtail's API. Elasticsearch analyses the raw text itself, one analyser per language
  (`passerelles_fr`, `passerelles_nl`…: elision for French, lower case, accent folding, the
  language's stemmer) on per-language fields (SearchDocument.get_search_fields); the default
  analyser stays French.
"""

ELASTICSEARCH_MODULES = ("elasticsearch", "opensearch")

FRENCH_ANALYSIS = {
    "settings": {
        "analysis": {
            "filter": {
                "french_elision": {
                    "type": "elision",
                    "articles_case": True,
                    "articles": [
                        "l",
                        "m",
                        "t",
                        "qu",
                        "n",
                        "s",
                        "j",
                        "d",
                        "c",
                        "jusqu",
                        "quoiqu",
                        "lorsqu",
                        "puisqu",
                    ],
                },
                "french_light_stemmer": {"type": "stemmer", "language": "light_french"},
                "dutch_stemmer": {"type": "stemmer", "language": "dutch"},
                "german_light_stemmer": {"type": "stemmer", "language": "light_german"},
                "english_stemmer": {"type": "stemmer", "language": "english"},
                "english_possessive": {"type": "stemmer", "language": "possessive_english"},
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["french_elision", "lowercase", "asciifolding", "french_light_stemmer"],
                },
                "passerelles_fr": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["french_elision", "lowercase", "asciifolding", "french_light_stemmer"],
                },
                "passerelles_nl": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "asciifolding", "dutch_stemmer"],
                },
                "passerelles_de": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["lowercase", "german_normalization", "asciifolding", "german_light_stemmer"],
                },
                "passerelles_en": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["english_possessive", "lowercase", "asciifolding", "english_stemmer"],
                },
            },
        }
    }
}


def language_codes():
    from django.conf import settings

    return [code for code, _name in settings.LANGUAGES]


def analyses_text_itself(backend_path=None):
    """True when the configured backend is Elasticsearch/OpenSearch (it analyses raw text itself)."""
    if backend_path is None:
        from django.conf import settings

        backend_path = settings.WAGTAILSEARCH_BACKENDS.get("default", {}).get("BACKEND", "")
    module = backend_path.rsplit(".", 1)[-1]
    return module.startswith(ELASTICSEARCH_MODULES)


def search_backends(search_url=None, backend=None, index_prefix="passerelles-"):
    if not search_url:
        return {
            "default": {
                "BACKEND": "wagtail.search.backends.database",
                "SEARCH_CONFIG": "french",
                "AUTO_UPDATE": True,
            }
        }
    return {
        "default": {
            "BACKEND": backend or "wagtail.search.backends.elasticsearch8",
            "URLS": [url.strip() for url in search_url.split(",") if url.strip()],
            "INDEX_PREFIX": index_prefix,
            "TIMEOUT": 5,
            "AUTO_UPDATE": True,
            "INDEX_SETTINGS": FRENCH_ANALYSIS,
        }
    }
