"""Networking events and the coordinators' calendars, aggregated in one agenda."""
