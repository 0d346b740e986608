"""Narratives are run when their package loads, not first at build time.

``check_narratives`` renders every narrative of a package, in every language it is
written in, in the budgeted sandbox (``profiles.sandbox``) over the package's own
observations. A narrative that does not compile, names something undefined, or exceeds
the operation or time budget is an error: the package does not load, and a bad narrative
can never hang ``build`` or a portal request later. A figure the package does not hold
itself (it may come from an imported data set) is only a note here: ``build`` checks it
against the whole database.
"""

from __future__ import annotations

import jinja2

from migprofile.errors import BindingError
from migprofile.model import CountryPackage
from migprofile.profiles.binding import Binder
from migprofile.profiles.sandbox import BudgetExceeded
from migprofile.validate import Report

FILE = "narratives.yaml"


def check_narratives(package: CountryPackage) -> Report:
    report = Report(subject=f"narratives of {package.info.country}")
    binders: dict[str, Binder] = {}
    for narrative in package.narratives:
        where = f"{narrative.section}/{narrative.key}"
        for lang, template in narrative.text.items():
            binder = binders.get(lang)
            if binder is None:
                binder = binders[lang] = Binder(package.observations, lang,
                                                country=package.info.country)
            try:
                binder.render(narrative, template)
            except BindingError as exc:
                cause = exc.__cause__
                if isinstance(cause, BudgetExceeded | jinja2.TemplateError):
                    report.error("narrative-failed", f"{where} ({lang}): {cause}", file=FILE,
                                 column=lang)
                else:
                    report.info("narrative-figure-elsewhere", f"{where} ({lang}): {exc}",
                                file=FILE, column=lang)
    return report
