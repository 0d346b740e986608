"""The editor's interface strings: a key for each, its English msgid, translated by the gettext
catalogs (``render/locales/<lang>/LC_MESSAGES/migprofile.po``) as the portal's strings are
(``web.messages``), which answer the keys not found here."""

from __future__ import annotations

from collections.abc import Callable

from migprofile.i18n import N_, gettext
from migprofile.web.messages import translator

# An English text the portal already uses keeps the portal's translation in every catalog; where
# the editor means something else by it, its msgid differs ("No." for a footnote's or an
# instrument's number: the portal's "Number" is a count of people, « Effectif »).
EDITOR: dict[str, str] = {
    "editor": N_("Editor"),
    "login": N_("Log in"),
    "logout": N_("Log out"),
    "username": N_("User name"),
    "password": N_("Password"),
    "bad_login": N_("Wrong user name or password."),
    "rate_limited": N_("Too many attempts. Try again in {minutes} minutes."),
    "signed_in_as": N_("Logged in:"),
    "role.admin": N_("admin"),
    "role.reviewer": N_("reviewer"),
    "role.contributor": N_("contributor"),
    "my_countries": N_("My countries"),
    "my_drafts": N_("My drafts"),
    "review_queue": N_("To review"),
    "audit_log": N_("Audit log"),
    "history": N_("History"),
    "edit": N_("Edit"),
    "new": N_("Add"),
    "save": N_("Save draft"),
    "delete": N_("Propose deletion"),
    "submit": N_("Submit for review"),
    "withdraw": N_("Discard draft"),
    "publish": N_("Publish"),
    "return": N_("Return with a comment"),
    "restore": N_("Restore this revision"),
    "compare_revisions": N_("Compare"),
    "message": N_("Publication message"),
    "comment": N_("Comment"),
    "preview": N_("Preview"),
    "figures": N_("Bound figures"),
    "binding_error": N_("Binding error"),
    "state.draft": N_("draft"),
    "state.submitted": N_("submitted"),
    "state.returned": N_("returned"),
    "state.published": N_("published"),
    "draft_banner": N_("Draft: this page shows your unpublished changes. The public sees the "
                       "published version."),
    "view_drafts": N_("See the profile with my drafts"),
    "conflict": N_("Someone else changed this object since you opened it. Your text is "
                   "kept below; the current version is beside it."),
    "current_version": N_("Current version"),
    "errors": N_("The form has errors."),
    "saved": N_("Draft saved."),
    "published_version": N_("Published version"),
    "nothing": N_("Nothing yet."),
    "object": N_("Object"),
    "state": N_("State"),
    "author": N_("Author"),
    "reviewer": N_("Reviewer"),
    "when": N_("When"),
    "action": N_("Action"),
    "user": N_("User"),
    "filter": N_("Filter"),
    "before_after": N_("Hashes before → after"),
    "diff": N_("Differences"),
    "forbidden": N_("Access denied"),
    "kind.footnote": N_("Footnotes"),
    "kind.instrument_list": N_("Legal instruments"),
    "kind.narrative": N_("Narratives"),
    "kind.source": N_("Sources"),
    "field": N_("Field"),
    "deleted": N_("(deleted)"),
    "open": N_("Open"),
    "field.row": N_("Row"),
    "field.direction": N_("Direction"),
    "field.order": N_("Order"),
    "field.text": N_("Text (Markdown)"),
    "field.footnotes": N_("Footnotes cited"),
    "field.instruments": N_("Instruments cited"),
    "field.source": N_("Source"),
    "field.sources": N_("Sources"),
    "field.number": N_("No."),
    "field.id": N_("Identifier"),
    "field.kind": N_("Kind"),
    "field.title": N_("Title"),
    "field.short_name": N_("Short name"),
    "field.status": N_("Status"),
    "field.adopted": N_("Adopted"),
    "field.signed": N_("Signed"),
    "field.ratified": N_("Ratified"),
    "field.in_force": N_("In force"),
    "field.as_of": N_("Status as of"),
    "field.years": N_("Years"),
    "field.parties": N_("Parties (ISO codes)"),
    "field.notes": N_("Notes"),
    "field.section": N_("Section"),
    "field.key": N_("Key"),
    "field.publisher": N_("Publisher"),
    "field.edition": N_("Edition"),
    "field.url": N_("URL"),
    "field.accessed": N_("Accessed"),
    "field.licence": N_("Licence"),
    "field.citation": N_("Citation"),
    "field.note": N_("Note"),
}


def editor_translator(lang: str) -> Callable[[str], str]:
    portal = translator(lang)

    def t(key: str) -> str:
        msgid = EDITOR.get(key)
        return gettext(lang, msgid) if msgid else portal(key)

    return t
