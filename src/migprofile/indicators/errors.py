"""Why an indicator cannot be computed from its inputs.

These are ``ValueError``s (the inputs are outside the function's domain) and
``MigprofileError``s (raised on purpose), so callers may catch either::

    MigprofileError, ValueError
    └── UndefinedIndicator          no finite value exists for these inputs
        ├── UndefinedRate           growth rate or variation: v0 = 0, t <= 0, ln of v <= 0
        └── UndefinedShare          share of a total of 0
"""

from __future__ import annotations

from migprofile.errors import MigprofileError


class UndefinedIndicator(MigprofileError, ValueError):
    """The indicator has no finite value for these inputs."""


class UndefinedRate(UndefinedIndicator):
    """A growth rate or a variation cannot be computed (start value 0, no time elapsed...)."""


class UndefinedShare(UndefinedIndicator):
    """A share cannot be computed (the total is 0)."""
