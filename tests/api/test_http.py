"""The API's HTTP: language and fallback marks, paging, filters, validators and 304, shared
caching, CORS for reading only, throttling per address, and problem details for every error."""

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from api.throttling import ClientAddressThrottle
from tests.api.world import api_world

pytestmark = pytest.mark.django_db

PROBLEM = "application/problem+json"


def test_language_from_lang_then_accept_language_with_fallback_marked(client, world):
    url = f"/api/v1/partnerships/{world['partnership'].pk}/"
    by_header = client.get(url, headers={"accept-language": "tr-TR,tr;q=0.9,en;q=0.5"})
    assert by_header["Content-Language"] == "tr"
    assert by_header.json()["note"] == {
        "value": "Nur auf Deutsch w0",
        "lang": "de",
        "fallback": True,
    }
    by_param = client.get(url, {"lang": "de"}, headers={"accept-language": "tr"})
    assert by_param["Content-Language"] == "de"
    assert by_param.json()["note"]["fallback"] is False
    assert "Accept-Language" in by_param["Vary"]
    default = client.get(url, headers={"accept-language": "ja, zz;q=0.5"})
    assert default["Content-Language"] == "de"


def test_an_unknown_language_is_a_problem(client, world):
    response = client.get("/api/v1/cities/", {"lang": "xx"})
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM
    body = response.json()
    assert body["status"] == 400
    assert body["invalid_params"][0]["name"] == "lang"


def test_cursor_pages_walk_every_row_once(client):
    for n in range(3):
        api_world(n)
    seen, url = [], "/api/v1/cities/?page_size=2"
    while url:
        body = client.get(url).json()
        seen += [city["id"] for city in body["results"]]
        url = body["next"]
    assert len(seen) == len(set(seen)) >= 6
    assert seen == sorted(seen)


@pytest.mark.parametrize(
    "query",
    [
        {"cursor": "abc"},
        {"cursor": "cD1hYmM="},  # base64 of "p=abc": a position that is no id
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"kind": "zzz"},
        {"country": "XX"},
    ],
)
def test_bad_parameters_are_problems(client, world, query):
    response = client.get("/api/v1/partnerships/", query)
    assert response.status_code == 400
    assert response["Content-Type"] == PROBLEM


def test_filters(client, world):
    other = api_world(1)
    germany = client.get("/api/v1/partnerships/", {"country": "de"}).json()["results"]
    assert germany
    assert all(p["partner"]["country"] == "DE" for p in germany)
    none = client.get("/api/v1/partnerships/", {"kind": "friendship"}).json()["results"]
    assert none == []
    offices = client.get("/api/v1/offices/", {"status": "planned"}).json()["results"]
    assert {o["slug"] for o in offices} == {"planned-w0", "planned-w1"}
    summit = world["summit"]
    actions = client.get("/api/v1/follow-up-actions/", {"summit": summit.slug}).json()
    assert [a["id"] for a in actions["results"]] == [world["action"].pk]
    tr = client.get("/api/v1/bulletin-issues/", {"edition": "tr"}).json()["results"]
    assert {i["number"] for i in tr} == {100, 101}  # the draft issue 200 is not published
    served = client.get("/api/v1/objectives/", {"programme": "summits"}).json()["results"]
    assert {o["id"] for o in served} == {world["objective"].pk, other["objective"].pk}
    assert client.get("/api/v1/objectives/", {"programme": "offices"}).json()["results"] == []


def test_follow_up_action_says_what_it_serves(client, world):
    body = client.get(f"/api/v1/follow-up-actions/{world['action'].pk}/").json()
    assert body["serves"][0]["objective"]["id"] == world["objective"].pk
    assert body["serves"][0]["note"] == "Serves it"


def test_indicator_progress_with_its_rule(client, world):
    results = client.get("/api/v1/indicators/", {"lang": "en"}).json()["results"]
    measured = next(i for i in results if i["measurements"])
    assert measured["progress"]["percent"] == "50.00"  # (15 − 10) / (20 − 10)
    assert measured["progress"]["measured"] is True
    assert "baseline" in measured["progress"]["rule"]
    empty = next(i for i in results if not i["measurements"])
    assert empty["progress"]["percent"] == "0.00"
    objective = client.get(f"/api/v1/objectives/{world['objective'].pk}/").json()
    assert objective["progress"]["percent"] == "25.00"
    assert objective["served_by"][0]["kind"] == "summits.followupaction"


def test_etag_and_last_modified_answer_304_and_shared_caches_may_keep_it(client, world):
    first = client.get("/api/v1/summits/")
    assert first.status_code == 200
    assert "public" in first["Cache-Control"]
    assert "s-maxage=" in first["Cache-Control"]
    again = client.get("/api/v1/summits/", headers={"if-none-match": first["ETag"]})
    assert again.status_code == 304
    assert again.content == b""
    assert again["ETag"] == first["ETag"]
    since = client.get("/api/v1/summits/", headers={"if-modified-since": first["Last-Modified"]})
    assert since.status_code == 304
    world["summit"].title_de = "Ein neuer Titel"
    world["summit"].save()
    changed = client.get("/api/v1/summits/", headers={"if-none-match": first["ETag"]})
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]


def test_cors_is_open_for_reading_only(client, world):
    response = client.get("/api/v1/cities/", headers={"origin": "https://research.example"})
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Credentials" not in response
    assert response["Cross-Origin-Resource-Policy"] == "cross-origin"
    preflight = client.options(
        "/api/v1/cities/",
        headers={"origin": "https://research.example", "access-control-request-method": "GET"},
    )
    assert preflight.status_code == 204
    assert preflight["Access-Control-Allow-Methods"] == "GET, HEAD, OPTIONS"
    post = client.post("/api/v1/cities/", {}, headers={"origin": "https://research.example"})
    assert post.status_code == 405
    assert post["Content-Type"] == PROBLEM
    assert "Access-Control-Allow-Origin" not in post
    # the pages of the site stay same-origin
    page = client.get("/de/", headers={"origin": "https://research.example"})
    assert "Access-Control-Allow-Origin" not in page


def test_errors_outside_drf_are_problems_too(client, world):
    for url in ["/api/v1/no-such-thing/", "/api/v1/cities/123456789012345678901234/"]:
        response = client.get(url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == PROBLEM
        assert response.json()["status"] == 404
    nul = client.get("/api/v1/cities/?country=%00")
    assert nul.status_code == 400
    assert nul["Content-Type"] == PROBLEM
    draft = client.get("/api/v1/summits/draft-w0/")
    assert draft.status_code == 404


def test_throttled_per_client_address_in_the_shared_cache(client, settings, world):
    settings.API_THROTTLE_RATE = "3/min"
    cache.clear()
    here = {"REMOTE_ADDR": "203.0.113.7"}
    answers = [client.get("/api/v1/cities/", **here).status_code for _ in range(4)]
    assert answers == [200, 200, 200, 429]
    limited = client.get("/api/v1/cities/", **here)
    assert limited["Content-Type"] == PROBLEM
    assert int(limited["Retry-After"]) > 0
    # a forged X-Forwarded-For does not make a new client; another address is one
    forged = client.get("/api/v1/cities/", HTTP_X_FORWARDED_FOR="198.51.100.1", **here)
    assert forged.status_code == 429
    assert client.get("/api/v1/cities/", REMOTE_ADDR="203.0.113.8").status_code == 200
    # counted under a hash of the address: no address in clear in the (shared) cache
    request = RequestFactory().get("/api/v1/cities/", REMOTE_ADDR="203.0.113.7")
    key = ClientAddressThrottle().get_cache_key(request, None)
    assert "203.0.113" not in key
    assert len(cache.get(key)) == 3
