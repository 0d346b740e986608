"""``build_many`` over worker processes (as ``migprofile build --all``)."""

from __future__ import annotations

from pathlib import Path

from migprofile.build import BuildRequest, build_many, build_profile
from migprofile.render.pdf import render_pdf
from migprofile.store import Store


def test_workers_build_after_the_parent_has_typeset_a_pdf(ma_store: Store,
                                                          tmp_path: Path) -> None:
    # the parent holds Typst's threads: forked workers used to hang here forever
    render_pdf(build_profile(ma_store, "MAR", "en"), "typst")
    result = build_many(ma_store, BuildRequest(("MAR", "TUN"), ("en",), ("md", "pdf"),
                                               tmp_path), workers=2)
    assert not result.failed
    assert sorted(p.name for p in result.written) == ["MA-en.md", "MA-en.pdf", "TN-en.md",
                                                      "TN-en.pdf"]
    assert (tmp_path / "TN-en.pdf").read_bytes().startswith(b"%PDF")
