"""Offers for trainees: formations, stages and emplois d'insertion, the sector's "parcours vers l'emploi"."""
