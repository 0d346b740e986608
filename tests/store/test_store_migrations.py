"""The schema is created by Alembic and round-trips every model object (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import date

from migprofile.model import (
    Area,
    AreaKind,
    Basis,
    CountryPackage,
    Footnote,
    Framework,
    FrameworkCell,
    Indicator,
    InstrumentKind,
    InstrumentStatus,
    LegalInstrument,
    LocalizedText,
    Narrative,
    Observation,
    PackageInfo,
    Sex,
    Source,
    Status,
    TableLayout,
)
from migprofile.store import ObservationFilter, Store, current_revision, head_revision


def _package() -> CountryPackage:
    text = LocalizedText({"fr": "Texte", "en": "Text"})
    pkg = CountryPackage(info=PackageInfo(country="TUN", title=text, edition=date(2010, 1, 1),
                                          authors=("A. B.",), sha256="0" * 64, path="x"))
    pkg.sources = [Source(id="src-a", publisher="P", title=text, edition="2010",
                          accessed=date(2010, 2, 3), sha256="f" * 64, citation=text)]
    pkg.indicators = [Indicator("stock", text, "persons", Basis.REGISTRATION, digits=1)]
    pkg.areas = [Area("TN:europe", AreaKind.GROUPING, LocalizedText({"fr": "Europe"}))]
    pkg.observations = [
        Observation("stock", "TUN", "FRA", "2007-01-01", 1234.0, "src-a"),
        Observation("stock", "TUN", "WLD", "2007", None, "src-a", status=Status.SUPPRESSED),
        Observation("stock", "TUN", "ITA", "2000/2009", 5.5, "src-a", sex=Sex.FEMALE,
                    breakdown={"education": "high", "age": "15-24"}, status=Status.LOWER_BOUND,
                    note=LocalizedText({"fr": "note"})),
    ]
    pkg.instruments = [LegalInstrument("tn-law", "TUN", InstrumentKind.NATIONAL_LAW, text,
                                       InstrumentStatus.IN_FORCE, "src-a", number="1",
                                       adopted=date(2004, 2, 3), years=(2004, 2006),
                                       parties=("FRA",))]
    pkg.cells = [FrameworkCell("TUN", Framework.LEGAL, "refugees", "immigration", 1, text,
                               footnotes=(1,), instruments=("tn-law",))]
    pkg.footnotes = [Footnote("TUN", 1, text)]
    pkg.narratives = [Narrative("TUN", "demo_intro", "a", 1, text, ("src-a",))]
    pkg.layouts = [TableLayout("TUN", "t1", {"indicator": "stock", "rows": [{"area": "FRA"}]})]
    return pkg


def test_migrated_to_head(db_url: str) -> None:
    store = Store.open(db_url)
    assert current_revision(store.engine) == head_revision()
    assert set(store.table_counts()) >= {"observations", "sources", "legal_instruments"}
    store.close()


def test_package_round_trip(db_url: str) -> None:
    store = Store.open(db_url)
    pkg = _package()
    store.replace_package(pkg)
    assert store.observations() == sorted(
        pkg.observations, key=lambda o: (o.indicator, o.country, o.partner, o.period))
    assert store.instruments("TUN") == pkg.instruments
    assert store.cells("TUN") == pkg.cells
    assert store.footnotes("TUN") == pkg.footnotes
    assert store.narratives("TUN") == pkg.narratives
    assert store.layouts("TUN") == pkg.layouts
    assert store.sources() == pkg.sources
    assert [i for i in store.indicators() if i.code == "stock"] == pkg.indicators  # digits too
    assert store.package("TUN") is not None
    store.close()


def test_reloading_replaces_and_bumps_version(db_url: str) -> None:
    store = Store.open(db_url)
    pkg = _package()
    store.replace_package(pkg)
    counts, version = store.table_counts(), store.data_version()
    store.replace_package(pkg)
    assert store.table_counts() == counts
    assert store.data_version() == version + 1
    store.close()


def test_observation_filters(db_url: str) -> None:
    store = Store.open(db_url)
    store.replace_package(_package())
    assert len(store.observations(ObservationFilter(partner="FRA"))) == 1
    assert len(store.observations(ObservationFilter(year_from=2008))) == 1
    assert len(store.observations(ObservationFilter(sex="female"))) == 1
    assert store.count_observations(ObservationFilter(country="TUN")) == 3
    page = store.observations(ObservationFilter(country="TUN"), limit=2, offset=2)
    assert len(page) == 1
    store.close()


def test_growth_convention_is_set_on_un_desa_sources_stored_before_it_existed(tmp_path
                                                                              ) -> None:
    """A database made before revision 0007 holds UN DESA sources whose import will be skipped
    (same sha256): the upgrade itself gives them UN DESA's exponential convention."""
    import sqlalchemy as sa

    from migprofile.store.engine import migrate

    engine = sa.create_engine(f"sqlite:///{tmp_path / 'old.db'}")
    migrate(engine, "0006")
    with engine.begin() as conn:
        for sid in ("undesa-ims-2024", "consular-ma"):
            conn.execute(sa.text("INSERT INTO sources (id, publisher, title, citation, note) "
                                 "VALUES (:id, 'P', '{}', '{}', '{}')"), {"id": sid})
    migrate(engine)
    with engine.connect() as conn:
        rows = dict(conn.execute(sa.text("SELECT id, growth_convention FROM sources")).all())
    assert rows == {"undesa-ims-2024": "exponential", "consular-ma": None}
    engine.dispose()


def test_un_desa_source_records_carry_their_convention() -> None:
    from migprofile.importers.provenance import source_record

    for part in ("bilateral", "destination"):
        record = source_record("undesa", part, edition="2024", sha256="0" * 64)
        assert record.growth_convention == "exponential", part


def test_deferred_indexes_are_built_again_even_when_the_load_fails(db_url: str) -> None:
    """init's bulk load drops the secondary indexes of an empty observations table and builds
    them again at the end — also after an error (a load that left them dropped would make
    every later query a full scan)."""
    import pytest
    import sqlalchemy as sa

    store = Store.open(db_url)
    names = {str(i["name"]) for i in sa.inspect(store.engine).get_indexes("observations")}
    with pytest.raises(RuntimeError), store.deferred_indexes() as deferred:
        assert deferred
        inside = {str(i["name"]) for i in sa.inspect(store.engine).get_indexes("observations")}
        assert "ix_obs_country_indicator" not in inside and "ix_obs_origin" in inside
        raise RuntimeError("a failed import")
    assert {str(i["name"]) for i in sa.inspect(store.engine).get_indexes("observations")} == names
    store.close()
