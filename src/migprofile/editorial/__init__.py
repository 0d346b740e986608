"""The editorial workflow: experts write, reviewers publish, everything is traced.

    accounts   users, roles, argon2 passwords, sessions, login rate limit
    objects    the edited objects as payloads (the shape of a data package's items)
    forms      the fields of each kind; a form → a checked payload
    workflow   draft → submitted → published / returned; restore; optimistic checks
    revisions  history of an object and word-level diffs between any two revisions
    audit      the append-only log of every write
    preview    Markdown and narrative previews; a profile with drafts in place
    export     published content → a country data package (round-trips with ``load``)

SQL lives in ``store.editorial``; the portal's routes in ``web.editor``.
"""

from migprofile.store.editorial import AuditFilter, EditorialStore

__all__ = ["AuditFilter", "EditorialStore"]  # the store's editorial queries, for the shells
