"""Readers' feedback on fiches and practices: "Cette fiche vous a-t-elle été utile ?" (anonymous
daily counts, an optional "Pourquoi ?") and moderated questions answered by the owning structure."""
