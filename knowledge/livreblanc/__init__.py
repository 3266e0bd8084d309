"""Livre blanc: the regulatory changes the sector asks of public authorities, edition by edition."""
