"""Join and claim your structure: staff ask to join a structure of the directory or register a
new one, confirm their e-mail address, and a coordinator of the zone approves or refuses.

- forms.py: the public form (`/rejoindre/`), the BCE number checked with python-stdnum;
- tokens.py: the signed confirmation link (seven days);
- views.py: the public pages (form, sent, confirm, invalid link);
- decisions.py: confirmation, approval (account, membership, draft structure page) and refusal,
  with their mails;
- admin.py: the "Demandes d'adhésion" snippets, limited to the coordinator's zones, and the
  approve / refuse views.
"""
