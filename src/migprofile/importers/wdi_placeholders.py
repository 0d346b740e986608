"""Which World Bank (WDI) values are placeholders rather than measurements.

The rule, decided by comparing the IOM gdidata extraction of WDI (2025-02-07) with the
official WDI download of BX.TRF.PWKR.CD.DT (2023-10-26), both in ``../shared/data/
wb_remittances``: of the 350 zeros of "personal remittances received" in the extraction, 152
are blank cells in the official file (no data), and the other 198 are zeros in the official
file too, every one in a run of zeros before an economy's first reported value, after its
last, or in the 2005–2008 gap where reporting broke (Angola, Chile, Afghanistan…), never a
flow measured as nil between reported millions. So a 0 in a WDI amount (remittances received
or paid, GDP) is read as *no value*: stored with status ``missing`` and without a number,
never printed as a measured 0 ("against 0 million in 2005"). Counts and rates (population,
net migration) keep their zeros: there 0 can be a measurement. The comparison is re-run by
``tests/importers/test_wdi_placeholders.py`` when ``../shared`` is present.
"""

from __future__ import annotations

from migprofile.model import Status

AMOUNT_CODES = frozenset({"BX.TRF.PWKR.CD.DT", "BM.TRF.PWKR.CD.DT", "NY.GDP.MKTP.CD"})


def is_placeholder(code: str, value: float | None) -> bool:
    """True when a WDI value of indicator ``code`` stands for "no data"."""
    return value is not None and value == 0 and code in AMOUNT_CODES


def read_cell(code: str, value: float | None, status: Status) -> tuple[float | None, Status]:
    """(value, status) as stored: a placeholder becomes a missing value."""
    if is_placeholder(code, value):
        return None, Status.MISSING
    return value, status
