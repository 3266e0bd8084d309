"""Search backend configuration from the environment (imported by settings: no Django models here).

- default: Wagtail's database backend — SQLite FTS5, or PostgreSQL full text with the "french"
  configuration (SEARCH_CONFIG; other languages get their own stems, see search/indexing.py);
- SEARCH_URL set: Elasticsearch 8 (or SEARCH_BACKEND, e.g. wagtail.search.backends.opensearch2)
  with a French default analyser: elision (l', d', qu'…), lower case, accent folding, light
  French stemming.
"""

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
            },
            "analyzer": {
                "default": {
                    "type": "custom",
                    "tokenizer": "standard",
                    "filter": ["french_elision", "lowercase", "asciifolding", "french_light_stemmer"],
                }
            },
        }
    }
}


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
