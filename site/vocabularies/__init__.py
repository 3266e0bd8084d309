"""The shared vocabularies: sectors, publics, themes, structure types, zones and meetup formats.

Any app may use them; they use no app of ours. See models.py for the terms, labels.py for how a
term is shown in the visitor's language, canonical.py for why content is tagged with French terms
only, tagging.py for how an app links its content to a vocabulary.
"""
