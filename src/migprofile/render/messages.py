"""Messages the renderers look up by a computed key, declared here so that
``scripts/extract_messages.py`` finds them (``N_`` marks a msgid without translating it).

Messages with a literal msgid in the code or the templates need no entry here.
"""

from __future__ import annotations

from migprofile.model.languages import registry


def N_(message: str) -> str:
    """Mark ``message`` for extraction; return it unchanged."""
    return message


#: "[texte en français]": the marker put on a text shown in another language, one msgid per
#: registered language ("text in <english_name>"; scripts/extract_messages.py adds them).
TEXT_IN_LANGUAGE = {lang.code: f"text in {lang.english_name}" for lang in registry()}

#: Growth-rate methods (``Profile.growth_method``, ``Value.formula``).
GROWTH_METHODS = {
    "linear": N_("linear"),
    "exponential": N_("exponential"),
}

#: Value statuses (``Status`` values with "_" → " "), printed when a figure is missing.
STATUSES = {
    "observed": N_("observed"),
    "estimated": N_("estimated"),
    "provisional": N_("provisional"),
    "lower_bound": N_("lower bound"),
    "approximate": N_("approximate"),
    "missing": N_("missing"),
    "suppressed": N_("suppressed"),
    "not_applicable": N_("not applicable"),
}

#: Framework labels looked up by key in ``profiles/frameworks.py`` (row themes, column
#: directions, captions) and growth-rate labels built in f-strings in
#: ``profiles/tableblocks.py`` — which Babel does not see on Python 3.11.
FRAMEWORK_LABELS = (
    N_("General legal references"),
    N_("Movement: entry and exit"),
    N_("Fight against irregular migration"),
    N_("Rights and residence"),
    N_("Labour migration"),
    N_("Nationality"),
    N_("Refugees"),
    N_("Government institutions"),
    N_("Government strategy"),
    N_("Civil society action"),
    N_("Challenges"),
    N_("International cooperation"),
    N_("Legal framework of migration"),
    N_("Socio-political framework of migration"),
    N_("Average annual growth rate"),
)

#: Labels assembly and the portal use through ``gettext(lang, ...)`` with variable keys.
UI_LABELS = (
    N_("Source"),
    N_("Sources"),
    N_("Page"),
    N_("of which"),
    N_("Total"),
    N_("Other countries"),
    N_("Sources and methods"),
    N_("Contents"),
    N_("million"),
    N_("millions"),
    N_("about"),
    N_("more than"),
    N_("Emigration"),
    N_("Immigration"),
    N_("Outward migration"),
    N_("Inward migration"),
    N_("Average annual growth rate (%)"),
    N_("Number"),
    N_("Share (%)"),
    N_("Variation (%)"),
    N_("Year"),
    N_("Country"),
    N_("Country of residence"),
    N_("Continent of residence"),
    N_("Country of origin"),
    N_("Nationality"),
    N_("Stock"),
    N_("Flows"),
    N_("Remittances"),
    N_("Refugees and asylum seekers"),
    N_("Migration profile"),
    N_("Other"),
    N_("Unknown"),
    N_("n.a."),
)
