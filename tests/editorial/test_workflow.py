"""The workflow on the store (SQLite and PostgreSQL): drafts, conflicts, publication,
revisions, restore and the audit log."""

from __future__ import annotations

import pytest
from editorial_helpers import Team
from sqlalchemy import text

from migprofile.editorial import accounts, audit, revisions, workflow
from migprofile.editorial.errors import (
    AuthenticationFailed,
    Conflict,
    InvalidEdit,
    InvalidState,
    PermissionDenied,
    RateLimited,
)
from migprofile.editorial.objects import Kind, payload_sha
from migprofile.model import Framework
from migprofile.store import Store
from migprofile.store.editorial import AuditFilter

KEY = "refugees/immigration/1"


def _form(view: workflow.EditView, **changes: str) -> dict[str, str]:
    p = view.current or {}
    form = {f"text.{lang}": t for lang, t in (p.get("text") or {}).items()}
    form["footnotes"] = ",".join(str(n) for n in p.get("footnotes") or [])
    form["instruments"] = ",".join(p.get("instruments") or [])
    form["source"] = p.get("source") or ""
    form.update(changes)
    return form


def _save(team: Team, user: accounts.User, **changes: str) -> workflow.Draft:
    view = workflow.open_object(team.es, "MAR", Kind.LEGAL, KEY)
    return workflow.save_draft(team.es, team.actor(user), "MAR", Kind.LEGAL,
                               _form(view, **changes), key=KEY, version=view.version,
                               published_sha=view.published_sha)


def _cell_text(store: Store, lang: str) -> str:
    cell = next(c for c in store.cells("MAR", Framework.LEGAL)
                if (c.row, c.direction, c.order) == ("refugees", "immigration", 1))
    return cell.text.texts.get(lang, "")


def test_draft_submit_publish_reaches_the_content_tables(ed_store: Store, team: Team) -> None:
    before = _cell_text(ed_store, "ar")
    draft = _save(team, team.ma, **{"text.ar": "- نص جديد للاجئين"})
    assert _cell_text(ed_store, "ar") == before  # a draft is not published
    workflow.submit(team.es, team.actor(team.ma), draft.id, draft.version)
    with pytest.raises(PermissionDenied):
        workflow.publish(team.es, team.actor(team.ma), draft.id, "self")
    revision = workflow.publish(team.es, team.actor(team.reviewer), draft.id, "checked")
    assert _cell_text(ed_store, "ar") == "- نص جديد للاجئين"
    history = revisions.history(team.es, "MAR", Kind.LEGAL, KEY)
    assert history[0].id == revision
    assert history[-1].author == "package"  # the loaded content is revision "0"
    _, _, diffs = revisions.compare(team.es, history[-1].id, revision)
    changed = [(d.field, d.lang) for d in diffs if d.changed]
    assert changed == [("text", "ar")]
    actions = [e.action for e in audit.entries(team.es, AuditFilter(object_prefix="MAR/"))]
    assert actions[:3] == ["publish", "submit", "edit"]


def test_second_editor_is_told_and_nothing_is_lost(ed_store: Store, team: Team) -> None:
    view = workflow.open_object(team.es, "MAR", Kind.LEGAL, KEY)  # both open the same cell
    first = workflow.save_draft(team.es, team.actor(team.ma), "MAR", Kind.LEGAL,
                                _form(view, **{"text.fr": "premier"}), key=KEY,
                                version=view.version, published_sha=view.published_sha)
    with pytest.raises(Conflict) as caught:
        workflow.save_draft(team.es, team.actor(team.reviewer), "MAR", Kind.LEGAL,
                            _form(view, **{"text.fr": "second"}), key=KEY,
                            version=view.version, published_sha=view.published_sha)
    assert caught.value.current is not None
    assert caught.value.current["text"]["fr"] == "premier"  # the first text is kept
    assert workflow.open_object(team.es, "MAR", Kind.LEGAL, KEY).draft == first


def test_stale_form_after_publication_is_a_conflict(ed_store: Store, team: Team) -> None:
    stale = workflow.open_object(team.es, "MAR", Kind.LEGAL, KEY)
    draft = _save(team, team.ma, **{"text.fr": "publié"})
    workflow.submit(team.es, team.actor(team.ma), draft.id, draft.version)
    workflow.publish(team.es, team.actor(team.reviewer), draft.id, "ok")
    with pytest.raises(Conflict):  # no draft any more, but the published text moved
        workflow.save_draft(team.es, team.actor(team.ma), "MAR", Kind.LEGAL,
                            _form(stale, **{"text.fr": "ancien"}), key=KEY, version=0,
                            published_sha=stale.published_sha)


def test_contributor_of_tunisia_cannot_write_morocco(ed_store: Store, team: Team) -> None:
    view = workflow.open_object(team.es, "MAR", Kind.LEGAL, KEY)
    with pytest.raises(PermissionDenied):
        workflow.save_draft(team.es, team.actor(team.tn), "MAR", Kind.LEGAL, _form(view),
                            key=KEY, version=0, published_sha=view.published_sha)


def test_return_with_comment_then_restore(ed_store: Store, team: Team) -> None:
    original = _cell_text(ed_store, "fr")
    draft = _save(team, team.ma, **{"text.fr": "à revoir"})
    workflow.submit(team.es, team.actor(team.ma), draft.id, draft.version)
    with pytest.raises(InvalidEdit):
        workflow.return_draft(team.es, team.actor(team.reviewer), draft.id, " ")
    workflow.return_draft(team.es, team.actor(team.reviewer), draft.id, "sources ?")
    returned = workflow.open_object(team.es, "MAR", Kind.LEGAL, KEY).draft
    assert returned is not None and returned.state == "returned"
    assert returned.comment == "sources ?"
    with pytest.raises(InvalidState):
        workflow.publish(team.es, team.actor(team.reviewer), draft.id, "no")
    again = _save(team, team.ma, **{"text.fr": "corrigé"})
    workflow.submit(team.es, team.actor(team.ma), again.id, again.version)
    workflow.publish(team.es, team.actor(team.admin), again.id, "ok")
    assert _cell_text(ed_store, "fr") == "corrigé"
    baseline = revisions.history(team.es, "MAR", Kind.LEGAL, KEY)[-1]
    workflow.restore(team.es, team.actor(team.admin), baseline.id)
    assert _cell_text(ed_store, "fr") == original
    newest = revisions.history(team.es, "MAR", Kind.LEGAL, KEY)[0]
    assert newest.sha256 == baseline.sha256 and "restore" in newest.message


def test_bad_references_are_named(ed_store: Store, team: Team) -> None:
    view = workflow.open_object(team.es, "MAR", Kind.LEGAL, KEY)
    with pytest.raises(InvalidEdit) as caught:
        workflow.save_draft(team.es, team.actor(team.ma), "MAR", Kind.LEGAL,
                            _form(view, footnotes="99", instruments="nope"), key=KEY,
                            version=0, published_sha=view.published_sha)
    assert set(caught.value.fields) == {"footnotes", "instruments"}


def test_login_is_generic_rate_limited_and_audited(ed_store: Store, team: Team) -> None:
    for name in ("karim", "nobody"):
        with pytest.raises(AuthenticationFailed) as caught:
            accounts.login(team.es, name, "wrong password", "10.0.0.1")
        assert str(caught.value) == "wrong user name or password"
    session = accounts.login(team.es, "karim", "correct horse battery", "10.0.0.1")
    again = accounts.login(team.es, "karim", "correct horse battery", "10.0.0.1",
                           previous_token=session.token)
    assert again.token != session.token
    assert accounts.session_of(team.es, session.token) is None  # the old one is closed
    for _ in range(accounts.MAX_FAILURES_PER_USER - 1):
        with pytest.raises(AuthenticationFailed):
            accounts.login(team.es, "karim", "wrong password", "10.0.0.2")
    with pytest.raises(RateLimited):  # even the right password, once the limit is reached
        accounts.login(team.es, "karim", "correct horse battery", "10.0.0.3")
    actions = [e.action for e in audit.entries(team.es, AuditFilter(object_prefix="user/karim"))]
    assert actions.count("login_failed") == accounts.MAX_FAILURES_PER_USER
    assert "login_refused" in actions


def test_audit_log_and_revisions_are_append_only(ed_store: Store, team: Team) -> None:
    draft = _save(team, team.ma, **{"text.fr": "x"})
    workflow.submit(team.es, team.actor(team.ma), draft.id, draft.version)
    workflow.publish(team.es, team.actor(team.reviewer), draft.id, "ok")
    for statement in ("UPDATE audit_log SET username = 'x'", "DELETE FROM audit_log",
                      "UPDATE editorial_revisions SET message = 'x'",
                      "DELETE FROM editorial_revisions"):
        with pytest.raises(Exception, match="append-only"), ed_store.engine.begin() as conn:
            conn.execute(text(statement))
    assert audit.entries(team.es)


def test_password_is_hashed_with_argon2(ed_store: Store, team: Team) -> None:
    with ed_store.engine.connect() as conn:
        hashes = list(conn.execute(text("SELECT password_hash FROM users")).scalars())
    assert all(h.startswith("$argon2id$") for h in hashes)
    assert not any("correct horse" in h for h in hashes)
    assert payload_sha(None) == ""


def test_simultaneous_saves_one_wins_one_is_told(ed_store: Store, team: Team) -> None:
    """Two editors save the same cell at the same moment (threads on one database): exactly
    one save is kept, the other gets ``Conflict``; neither text is silently replaced."""
    import threading

    view = workflow.open_object(team.es, "MAR", Kind.LEGAL, KEY)
    barrier = threading.Barrier(2)
    outcomes: dict[str, str] = {}

    def save(user: accounts.User, text_fr: str) -> None:
        barrier.wait()
        try:
            workflow.save_draft(team.es, team.actor(user), "MAR", Kind.LEGAL,
                                _form(view, **{"text.fr": text_fr}), key=KEY,
                                version=view.version, published_sha=view.published_sha)
            outcomes[text_fr] = "saved"
        except Conflict:
            outcomes[text_fr] = "conflict"
        except Exception as exc:  # SQLite serialises writers; a lock wait is not a loss
            outcomes[text_fr] = f"error: {exc}"

    threads = [threading.Thread(target=save, args=(team.ma, "A")),
               threading.Thread(target=save, args=(team.reviewer, "B"))]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    assert sorted(outcomes.values()) == ["conflict", "saved"], outcomes
    kept = workflow.open_object(team.es, "MAR", Kind.LEGAL, KEY).draft
    assert kept is not None and kept.version == 1
    winner = next(text for text, outcome in outcomes.items() if outcome == "saved")
    assert kept.payload is not None and kept.payload["text"]["fr"] == winner
