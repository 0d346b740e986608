"""The workflow's actions (submit, withdraw, publish, return, restore) and the pages to
review: the queue with diffs, an object's or country's history, the comparison of two
revisions, and the audit log (admins)."""

from __future__ import annotations

from datetime import UTC, datetime

from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import RedirectResponse, Response

from migprofile.editorial import AuditFilter, audit, revisions, workflow
from migprofile.editorial.accounts import require_admin
from migprofile.editorial.errors import InvalidState, PermissionDenied
from migprofile.editorial.objects import Kind
from migprofile.errors import NotFoundError
from migprofile.web.editor import session as sess
from migprofile.web.editor import views
from migprofile.web.editor.edit_routes import _can_edit, _country, _iso2_of, _kind, _name
from migprofile.web.editor.render import page
from migprofile.web.portal import Portal

router = APIRouter(include_in_schema=False)
AUDIT_PAGE = 100


def _lang(request: Request, lang: str) -> str:
    portal: Portal = request.app.state.portal
    return portal.lang(lang)


def _published(request: Request) -> None:
    """Publication changed the data: this worker's caches re-check at once (the others
    within a second, see ``web.cache``)."""
    portal: Portal = request.app.state.portal
    portal.bytes.expire()
    portal.objects.expire()


def _back(request: Request, fallback: str) -> str:
    """Back to the page the form was on (same site only)."""
    referer = request.headers.get("referer", "")
    host = request.headers.get("host", "")
    for prefix in (f"http://{host}", f"https://{host}"):
        if host and referer.startswith(prefix + "/"):
            return referer[len(prefix):]
    return fallback


@router.post("/{lang}/edit/drafts/{draft_id}/{action}")
async def draft_action(request: Request, lang: str, draft_id: int, action: str) -> Response:
    lang = _lang(request, lang)
    session, form = await sess.write_request(request)
    es = sess.editorial(request)
    who = sess.actor(request, session)
    if action == "submit":
        version = form.get("version", "")
        await run_in_threadpool(workflow.submit, es, who, draft_id,
                                int(version) if version.isdigit() else -1)
    elif action == "withdraw":
        await run_in_threadpool(workflow.withdraw, es, who, draft_id)
    elif action == "publish":
        await run_in_threadpool(workflow.publish, es, who, draft_id, form.get("message", ""))
        _published(request)
    elif action == "return":
        await run_in_threadpool(workflow.return_draft, es, who, draft_id,
                                form.get("comment", ""))
    else:
        raise NotFoundError("action", action)
    target = f"/{lang}/edit/review" if action in ("publish", "return") else f"/{lang}/edit/"
    return RedirectResponse(_back(request, target) if action == "submit" else target,
                            status_code=303)


@router.get("/{lang}/edit/review")
def review(request: Request, lang: str) -> Response:
    lang = _lang(request, lang)
    session = sess.require_session(request)
    if not session.user.can_review:
        raise PermissionDenied("only a reviewer or an admin may review")
    es = sess.editorial(request)
    iso2 = _iso2_of(request)
    items = []
    for d in workflow.drafts(es, states=(workflow.SUBMITTED,)):
        published = workflow.published_objects(es, d.country, d.kind).get(d.key)
        items.append({"draft": d, "label": views.object_title(d.kind, d.key, lang),
                      "url": views.edit_url(lang, iso2.get(d.country, d.country), d.kind, d.key),
                      "diffs": revisions.diff_payloads(published, d.payload, changed_only=True)})
    return page("review.html.j2", lang, "/edit/review", session, items=items)


@router.get("/{lang}/edit/{iso2}/history")
def history(request: Request, lang: str, iso2: str, kind: str = "", key: str = "") -> Response:
    lang = _lang(request, lang)
    session = sess.require_session(request)
    code, short, _ = _country(request, iso2)
    _can_edit(session, code)
    k = _kind(kind) if kind else None
    found = revisions.history(sess.editorial(request), code, k, key or None)
    rows = [{"rev": r, "label": f"{r.kind.value} · {views.object_title(r.kind, r.key, lang)}"}
            for r in found]
    label = views.object_title(k, key, lang) if k and key else ""
    return page("history.html.j2", lang, f"/edit/{short}/history", session, iso2=short,
                name=_name(request, code, lang), revisions=rows, label=label)


@router.get("/{lang}/edit/compare")
def compare(request: Request, lang: str, a: int, b: int) -> Response:
    lang = _lang(request, lang)
    session = sess.require_session(request)
    ra, rb, diffs = revisions.compare(sess.editorial(request), a, b)
    _can_edit(session, ra.country)
    short = _iso2_of(request).get(ra.country, ra.country)
    return page("compare.html.j2", lang, "/edit/compare", session, a=ra, b=rb, diffs=diffs,
                iso2=short, label=f"{ra.country} · {views.object_title(ra.kind, ra.key, lang)}",
                can_restore=session.user.can_review)


@router.post("/{lang}/edit/revisions/{revision_id}/restore")
async def restore(request: Request, lang: str, revision_id: int) -> Response:
    lang = _lang(request, lang)
    session, form = await sess.write_request(request)
    es = sess.editorial(request)
    old = revisions.get_revision(es, revision_id)
    new = await run_in_threadpool(workflow.restore, es, sess.actor(request, session),
                                  revision_id, form.get("message", ""))
    _published(request)
    return RedirectResponse(f"/{lang}/edit/compare?a={old.id}&b={new}", status_code=303)


@router.get("/{lang}/edit/audit")
def audit_log(request: Request, lang: str, user: str = "", action: str = "",
              object: str = "", page_: int = Query(0, alias="page", ge=0, le=100_000),
              since: str = "") -> Response:
    lang = _lang(request, lang)
    session = sess.require_session(request)
    require_admin(session.user)
    if action and action not in audit.ACTIONS:
        raise InvalidState(f"unknown action {action!r}")
    start = None
    if since:
        try:
            start = datetime.fromisoformat(since).replace(tzinfo=UTC)
        except ValueError:
            raise InvalidState(f"{since!r} is not a date") from None
    where = AuditFilter(username=user[:80] or None, action=action or None,
                        object_prefix=object[:300] or None, since=start)
    found = audit.entries(sess.editorial(request), where, limit=AUDIT_PAGE + 1,
                          offset=max(page_, 0) * AUDIT_PAGE)
    return page("audit.html.j2", lang, "/edit/audit", session, entries=found[:AUDIT_PAGE],
                more=len(found) > AUDIT_PAGE, page=page_, actions=audit.ACTIONS,
                filters={"user": user, "action": action, "object": object})


__all__ = ["Kind", "router"]
