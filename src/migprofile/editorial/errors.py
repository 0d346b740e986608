"""Errors of the editorial workflow; the portal maps each to one HTTP status."""

from __future__ import annotations

from collections.abc import Mapping

from migprofile.errors import MigprofileError


class EditorialError(MigprofileError):
    """Base class of the workflow's refusals."""


class AuthenticationFailed(EditorialError):
    """Wrong user name or password: one message for both, so that nobody learns which."""

    def __init__(self) -> None:
        super().__init__("wrong user name or password")


class RateLimited(EditorialError):
    """Too many failed logins for this user name or client in the window."""

    def __init__(self, minutes: int) -> None:
        super().__init__(f"too many failed attempts; try again in {minutes} minutes")
        self.minutes = minutes


class PermissionDenied(EditorialError):
    """The user's role or countries do not allow this action."""


class Conflict(EditorialError):
    """Someone else changed the object since the form was opened (optimistic check)."""

    def __init__(self, message: str, current: Mapping[str, object] | None) -> None:
        super().__init__(message)
        self.current = current


class InvalidEdit(EditorialError):
    """A submitted form has errors; ``fields`` maps each field to its message."""

    def __init__(self, fields: Mapping[str, str]) -> None:
        super().__init__("; ".join(f"{k}: {v}" for k, v in fields.items()))
        self.fields = dict(fields)


class InvalidState(EditorialError):
    """The draft is not in a state that allows the action (e.g. publishing a draft)."""
