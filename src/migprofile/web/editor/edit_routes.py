"""The editor's pages for writing: the dashboard, a country's objects, the edit form and its
save, the live preview, and the profile with the user's drafts in place."""

from __future__ import annotations

import json
from typing import Any

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, RedirectResponse, Response

from migprofile import core
from migprofile.core import growth_choice
from migprofile.editorial import workflow
from migprofile.editorial.accounts import Session
from migprofile.editorial.errors import Conflict, InvalidEdit, PermissionDenied
from migprofile.editorial.forms import FIELDS
from migprofile.editorial.objects import DELETABLE, Kind
from migprofile.editorial.preview import draft_profile, markdown_preview, narrative_preview
from migprofile.errors import NotFoundError
from migprofile.model import LANGUAGES
from migprofile.web import pages
from migprofile.web.country import embed_profile
from migprofile.web.editor import session as sess
from migprofile.web.editor import views
from migprofile.web.editor.render import page
from migprofile.web.editor.texts import editor_translator
from migprofile.web.portal import Portal

router = APIRouter(include_in_schema=False)
MAX_PREVIEW = 40_000


def _portal(request: Request) -> Portal:
    portal: Portal = request.app.state.portal
    return portal


def _country(request: Request, iso2: str) -> tuple[str, str, str]:
    """ISO3, ISO2 (for URLs) and the name in French of a country given by any code."""
    code = core.resolve_country(_portal(request).store, iso2)
    area = _portal(request).areas().get(code)
    return code, (area.iso2 if area and area.iso2 else code), code


def _name(request: Request, code: str, lang: str) -> str:
    area = _portal(request).areas().get(code)
    return area.names.text(lang) if area else code


def _kind(kind: str) -> Kind:
    try:
        return Kind(kind)
    except ValueError:
        raise NotFoundError("kind", kind) from None


def _can_edit(session: Session, code: str) -> None:
    if not session.user.can_edit(code):
        raise PermissionDenied(f"{session.user.username} is not assigned to {code}")


def _iso2_of(request: Request) -> dict[str, str]:
    return {c: a.iso2 for c, a in _portal(request).areas().items() if a.iso2}


@router.get("/{lang}/edit/")
def dashboard(request: Request, lang: str) -> Response:
    lang = _portal(request).lang(lang)
    session = sess.require_session(request)
    es = sess.editorial(request)
    user = session.user
    codes = sorted(user.countries) if not user.can_review else sorted(
        {p.country for p in _portal(request).store.packages()} | set(user.countries))
    iso2 = _iso2_of(request)
    countries = [(c, iso2.get(c, c), _name(request, c, lang)) for c in codes]
    mine = views.draft_rows(workflow.drafts(es, author=user), lang, iso2)
    queue = len(workflow.drafts(es, states=(workflow.SUBMITTED,))) if user.can_review else 0
    return page("dashboard.html.j2", lang, "/edit/", session, countries=countries, mine=mine,
                queue=queue)


@router.get("/{lang}/edit/{iso2}")
def country(request: Request, lang: str, iso2: str) -> Response:
    lang = _portal(request).lang(lang)
    session = sess.require_session(request)
    code, short, _ = _country(request, iso2)
    _can_edit(session, code)
    es = sess.editorial(request)
    t = editor_translator(lang)
    drafts = workflow.drafts(es, country=code)
    groups = []
    for kind in Kind:
        mine = {d.key: d for d in drafts if d.kind is kind}
        published = workflow.published_objects(es, code, kind)
        groups.append({"kind": kind.value, "title": t(views.KIND_TITLES[kind]),
                       "objects": views.object_rows(published, mine, lang, short, kind)})
    return page("edit_country.html.j2", lang, f"/edit/{short}", session, iso2=short,
                name=_name(request, code, lang), groups=groups,
                drafts=views.draft_rows(drafts, lang, _iso2_of(request)))


def _source_choices(request: Request, code: str, current: str) -> list[str]:
    es = sess.editorial(request)
    ids = set(workflow.published_objects(es, code, Kind.SOURCE))
    ids |= {d.key for d in workflow.drafts(es, country=code) if d.kind is Kind.SOURCE}
    return sorted(ids | ({current} if current else set()))


def _form_page(request: Request, lang: str, session: Session, code: str, short: str,
               kind: Kind, view: workflow.EditView, *, values: dict[str, str] | None = None,
               errors: dict[str, str] | None = None, conflict: dict[str, str] | None = None,
               notice: str = "", status: int = 200) -> Response:
    values = values if values is not None else views.form_values(kind, view.current)
    current_source = values.get("source", "")
    return page(
        "edit.html.j2", lang, f"/edit/{short}/{kind.value}", session, status=status,
        iso2=short, name=_name(request, code, lang), kind=kind.value, key=view.key,
        title=views.object_title(kind, view.key, lang), fields=FIELDS[kind], values=values,
        errors=errors or {}, conflict=conflict, notice=notice, draft=view.draft,
        version=view.version, published_sha=view.published_sha,
        deletable=kind in DELETABLE and view.published is not None,
        source_choices=_source_choices(request, code, current_source))


@router.get("/{lang}/edit/{iso2}/{kind}")
def edit_form(request: Request, lang: str, iso2: str, kind: str, key: str = "",
              saved: int = 0) -> Response:
    lang = _portal(request).lang(lang)
    session = sess.require_session(request)
    code, short, _ = _country(request, iso2)
    _can_edit(session, code)
    k = _kind(kind)
    view = workflow.open_object(sess.editorial(request), code, k, key or None)
    if key and view.published is None and view.draft is None:
        raise NotFoundError(k.value, key)
    notice = editor_translator(lang)("saved") if saved else ""
    return _form_page(request, lang, session, code, short, k, view, notice=notice)


@router.post("/{lang}/edit/{iso2}/{kind}")
async def save(request: Request, lang: str, iso2: str, kind: str) -> Response:
    lang = _portal(request).lang(lang)
    session, form = await sess.write_request(request)
    code, short, _ = _country(request, iso2)
    _can_edit(session, code)
    k = _kind(kind)
    es = sess.editorial(request)
    key = form.get("key") or None
    version = int(form.get("version", "0") or 0) if form.get("version", "0").isdigit() else -1
    try:
        draft = await run_in_threadpool(
            workflow.save_draft, es, sess.actor(request, session), code, k,
            None if form.get("action") == "delete" else form, key=key, version=version,
            published_sha=form.get("published_sha", ""))
    except InvalidEdit as exc:
        view = workflow.open_object(es, code, k, key)
        return _form_page(request, lang, session, code, short, k, view, values=form,
                          errors=exc.fields, status=422)
    except Conflict as exc:
        view = workflow.open_object(es, code, k, key)
        current = views.form_values(k, dict(exc.current) if exc.current else None)
        return _form_page(request, lang, session, code, short, k, view, values=form,
                          conflict=current, status=409)
    target = views.edit_url(lang, short, k, draft.key)
    return RedirectResponse(target + ("&" if "?" in target else "?") + "saved=1",
                            status_code=303)


@router.post("/{lang}/edit/preview")
async def preview(request: Request, lang: str) -> Response:
    """JSON ``{mode, country, lang, text}`` → ``{html, figures, error}`` (CSRF header)."""
    lang = _portal(request).lang(lang)
    session = sess.current_session(request)
    if session is None:
        raise PermissionDenied("log in first")
    sess.check_csrf(request, session, None)
    body = await request.body()
    if len(body) > MAX_PREVIEW * 4:
        raise InvalidEdit({"text": "too long"})
    try:
        data: dict[str, Any] = json.loads(body)
        text, mode = str(data.get("text", ""))[:MAX_PREVIEW], str(data.get("mode"))
        text_lang = str(data.get("lang", lang))
    except (ValueError, AttributeError):
        raise InvalidEdit({"body": "expected a JSON object"}) from None
    if text_lang not in LANGUAGES:
        raise InvalidEdit({"lang": "unknown language"})
    if mode != "narrative":
        return JSONResponse({"html": markdown_preview(text), "figures": [], "error": None})
    code, _, _ = _country(request, str(data.get("country", "")))
    _can_edit(session, code)
    result = await run_in_threadpool(narrative_preview, _portal(request).store, code, text,
                                     text_lang)
    figures = [{"number": f.number, "kind": f.kind, "period": f.period, "status": f.status,
                "source": f.source_id, "formula": f.formula} for f in result.figures]
    return JSONResponse({"html": result.html, "figures": figures, "error": result.error})


@router.get("/{lang}/countries/{iso2}")
async def country_page(request: Request, lang: str, iso2: str, growth: str | None = None,
                       direction: str | None = None, year: pages.MapYear = None) -> Response:
    """The public profile; for a logged-in editor with drafts of this country, the profile
    with those drafts in place under a "draft" banner (never cached). Files
    (``MA.pdf``, ``MA.md``…) are always the published profile."""
    if "." in iso2:
        name, ext = iso2.split(".", 1)
        return await run_in_threadpool(pages.country_file, request, lang, name, ext, growth)
    session = sess.current_session(request) if request.cookies.get(sess.SESSION_COOKIE) \
        else None
    drafts: list[workflow.Draft] = []
    if session is not None:
        try:
            code = core.resolve_country(_portal(request).store, iso2)
        except NotFoundError:
            code = ""
        if code and session.user.can_edit(code):
            drafts = workflow.drafts(sess.editorial(request), country=code, author=session.user)
    if not drafts:
        return await pages.country(request, lang, iso2, growth, direction, year)
    return await run_in_threadpool(_draft_page, request, session, lang, iso2, growth, drafts)


def _draft_page(request: Request, session: Session | None, lang: str, iso2: str,
                growth: str | None, drafts: list[workflow.Draft]) -> Response:
    portal = _portal(request)
    lang, method = portal.lang(lang), portal.growth(growth)
    code = portal.country_code(iso2)
    short = portal.areas()[code].iso2 or iso2
    profile = draft_profile(portal.store, code, lang, drafts, growth_choice(method))
    t = editor_translator(lang)
    embedded = embed_profile(profile, f"/{lang}/countries/{short}", t("table_data"))
    return page("draft_country.html.j2", lang, f"/countries/{short}", session,
                profile=profile, iso2=short, embedded=embedded, growth=method,
                banner=t("draft_banner"), editor_label=t("editor"))
