"""Generated requests against the OpenAPI routes: whatever comes in, no 5xx."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

LABELS = ["PROVINCE", "PERSON", "ORGANIZATION", "PERCENT", "AWARD", "DATE", "LEGAL_REF"]
vietnamese = st.text(alphabet=st.sampled_from(list("aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọ"
                                                  "ồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ ĐHNTBQV,.;:%/-()0123456789\n\u0301\u00a0")),
                     max_size=300)
finite = st.floats(allow_nan=False, allow_infinity=False)
junk = st.recursive(st.none() | st.booleans() | st.integers() | finite | st.text(max_size=20),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
                    max_leaves=8)
extract_bodies = st.one_of(
    st.fixed_dictionaries({"text": vietnamese}, optional={"meta": st.dictionaries(st.text(max_size=8), junk, max_size=3),
                                                            "labels": st.lists(st.sampled_from([*LABELS, "X"]), max_size=3)}),
    st.dictionaries(st.text(max_size=8), junk, max_size=4),
    junk,
)
batch_bodies = st.one_of(
    st.fixed_dictionaries({"documents": st.lists(st.fixed_dictionaries({"id": st.text(max_size=5), "text": vietnamese}),
                                                 max_size=4)}),
    st.dictionaries(st.text(max_size=8), junk, max_size=3),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=extract_bodies)
def test_extract_never_fails_with_5xx(client, body):
    assert client.post("/v1/extract", json=body).status_code < 500


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(body=batch_bodies)
def test_batch_never_fails_with_5xx(client, body):
    assert client.post("/v1/extract/batch", json=body).status_code < 500


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=400), name=st.sampled_from(["a.txt", "a.html", "a.docx", "a.pdf", "a", "a.exe"]))
def test_uploads_never_fail_with_5xx(client, data, name):
    assert client.post("/v1/extract/file", files={"file": (name, data)}).status_code < 500


def test_non_finite_numbers_in_raw_json_are_refused_not_crashed(client):
    for body in (b'{"text": "Ha Noi", "meta": {"x": NaN}}', b'{"text": "a", "meta": {"y": [Infinity]}}'):
        response = client.post("/v1/extract", content=body, headers={"Content-Type": "application/json"})
        assert response.status_code == 422, response.text
