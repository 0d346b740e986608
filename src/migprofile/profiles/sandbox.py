"""A Jinja sandbox with an operation and time budget: a narrative cannot hang a build.

Jinja's ``SandboxedEnvironment`` stops a template from reaching Python internals, not from
running forever: ``{% for a in range(100000) %}{% for b in range(100000) %}`` is legal and
takes hours. ``BudgetedEnvironment`` counts what a template does — every loop step of
``range``, every call of a function, filter or method, every attribute and item lookup —
and stops it with ``BudgetExceeded`` (a ``BindingError``) after ``MAX_OPERATIONS`` of them
or ``MAX_SECONDS`` of wall time, whichever comes first. Multiplying strings or lists and
raising to powers are checked before they run (``"x" * 10**9`` would exhaust memory in a
single operation). Jinja's default helpers that make text (``lipsum``, ``cycler``,
``joiner``, ``dict``) are removed: narratives do not need them.

The budget restarts with every ``from_string`` (``Binder.render`` compiles each narrative
once per render). A narrative of the Morocco package uses a few hundred operations.
"""

from __future__ import annotations

import operator
import time
from collections.abc import Callable, Iterator
from typing import Any

from jinja2.sandbox import SandboxedEnvironment

from migprofile.errors import BindingError

MAX_OPERATIONS = 200_000
MAX_SECONDS = 2.0
MAX_SIZE = 100_000  # the longest string or list ``*`` may make, the largest ``range``
MAX_EXPONENT = 1_000
_CHECK_EVERY = 16  # operations between two looks at the clock


class BudgetExceeded(BindingError):
    """A narrative used more than its operation or time budget."""


class BudgetedEnvironment(SandboxedEnvironment):
    intercepted_binops = frozenset({"*", "**"})

    def __init__(self, *args: Any, max_operations: int = MAX_OPERATIONS,
                 max_seconds: float = MAX_SECONDS, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.max_operations = max_operations
        self.max_seconds = max_seconds
        for name in ("lipsum", "cycler", "joiner", "dict"):
            self.globals.pop(name, None)
        self.globals["range"] = self.budgeted_range
        self.reset_budget()

    def reset_budget(self) -> None:
        self.operations = 0
        self.deadline = time.monotonic() + self.max_seconds

    def from_string(self, *args: Any, **kwargs: Any) -> Any:
        self.reset_budget()
        return super().from_string(*args, **kwargs)

    def spend(self, count: int = 1) -> None:
        self.operations += count
        if self.operations > self.max_operations:
            raise BudgetExceeded(f"the narrative did more than {self.max_operations:,} "
                                 "operations (loops, calls, lookups): stopped")
        if self.operations % _CHECK_EVERY == 0 and time.monotonic() > self.deadline:
            raise BudgetExceeded(f"the narrative ran longer than {self.max_seconds:g} s: "
                                 "stopped")

    def budgeted_range(self, *args: int) -> Iterator[int]:
        numbers = range(*args)
        if len(numbers) > MAX_SIZE:
            raise BudgetExceeded(f"range of {len(numbers):,} numbers (at most {MAX_SIZE:,})")
        for n in numbers:
            self.spend()
            yield n

    def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        self.spend()
        return super().call(__context, __obj, *args, **kwargs)

    def getattr(self, obj: Any, attribute: str) -> Any:
        self.spend()
        return super().getattr(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        self.spend()
        return super().getitem(obj, argument)

    def call_binop(self, context: Any, operator_name: str, left: Any, right: Any) -> Any:
        self.spend()
        if operator_name == "*":
            for seq, times in ((left, right), (right, left)):
                if isinstance(seq, str | list | tuple) and isinstance(times, int) \
                        and len(seq) * times > MAX_SIZE:
                    raise BudgetExceeded(f"a text or list of {len(seq) * times:,} items "
                                         f"(at most {MAX_SIZE:,})")
        if operator_name == "**" and isinstance(right, int | float) and abs(right) > MAX_EXPONENT:
            raise BudgetExceeded(f"an exponent of {right} (at most {MAX_EXPONENT})")
        return _BINOPS[operator_name](left, right)


_BINOPS: dict[str, Callable[[Any, Any], Any]] = {"*": operator.mul, "**": operator.pow}
