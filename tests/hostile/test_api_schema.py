"""Schemathesis against the in-process portal: every API operation, generated requests,
every check on (no 5xx, status codes, content types, response bodies against the OpenAPI
models of ``web.models``, headers). Bounded examples keep it to seconds.

Defects it catches: a 500 from a parameter (``offset=2**63``), an answer whose shape the
OpenAPI document does not describe (a field added to ``web.serialize`` only), an
undocumented status code."""

from __future__ import annotations

import warnings

from hypothesis import HealthCheck, given, settings

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    import schemathesis

from migprofile.store import Store
from migprofile.web import create_app

EXAMPLES = 15


def test_api_conforms_to_its_schema(ma_store: Store) -> None:
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(ma_store))
    operations = [result.ok() for result in schema.get_all_operations()]
    assert len(operations) >= 6
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=EXAMPLES, deadline=None, derandomize=True, database=None,
                  suppress_health_check=list(HealthCheck))
        def run(case: schemathesis.Case) -> None:
            case.call_and_validate()

        run()


def test_openapi_response_schemas_are_not_empty(ma_store: Store) -> None:
    """Every 200 answer of the API has a real schema (``{}`` lets every check pass)."""
    schema = schemathesis.openapi.from_asgi("/api/v1/openapi.json", create_app(ma_store))
    for path, item in schema.raw_schema["paths"].items():
        for method, operation in item.items():
            content = operation["responses"]["200"]["content"]["application/json"]
            assert content.get("schema") not in (None, {}), (method, path)
