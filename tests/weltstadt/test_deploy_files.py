"""Issue 22: the compose stack as the README describes it. No compose plugin is needed to read
it; `docker compose config` checks the same file where Docker is installed."""

from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def compose():
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def test_every_service_restarts_and_has_a_health_check(compose):
    for name, service in compose["services"].items():
        if name == "migrate":
            assert service["restart"] == "no"
            continue
        assert service["restart"] == "unless-stopped", name
        assert service.get("healthcheck", {}).get("test"), f"{name} has no health check"
    assert "inspect ping" in " ".join(compose["services"]["worker"]["healthcheck"]["test"])
    assert "heartbeat" in " ".join(compose["services"]["beat"]["healthcheck"]["test"])


def test_each_queue_has_its_own_worker(compose):
    # issue 14: the mail workers stay lean, the PDF renderer (WeasyPrint, fonts) runs apart
    queues = {
        name: service["command"][service["command"].index("-Q") + 1]
        for name, service in compose["services"].items()
        if "weltstadt.worker" in service.get("command", [])
    }
    assert queues == {"worker": "mail", "worker-pdf": "pdf,default"}
    # each through the lean entry point (weltstadt.worker), none through `celery worker`
    for name, service in compose["services"].items():
        command = service.get("command", [])
        assert not ("celery" in command and "worker" in command), name
        if name in queues:
            assert command[:3] == ["python", "-m", "weltstadt.worker"], name
            assert service["environment"]["MALLOC_ARENA_MAX"] == "2", name
            assert service["environment"]["DJANGO_DEBUG"] == "0", name  # the app's environment
    assert "inspect ping" in " ".join(compose["services"]["worker-pdf"]["healthcheck"]["test"])


def test_only_the_proxy_is_published(compose):
    services = compose["services"]
    published = {name: s["ports"] for name, s in services.items() if "ports" in s}
    assert set(published) <= {"proxy", "mailpit"}
    assert all(port.startswith("127.0.0.1:") for port in published.get("mailpit", []))
    assert "ports" not in compose["services"]["web"]


def test_redis_persists_its_data(compose):
    redis = compose["services"]["redis"]
    assert redis["command"][redis["command"].index("--appendonly") + 1] == "yes"
    assert any(volume.endswith(":/data") for volume in redis["volumes"])


def test_static_files_are_in_the_images_not_in_a_volume(compose):
    dockerfile = (ROOT / "Dockerfile").read_text()
    assert "STATIC_ROOT=/app/static-collected" in dockerfile
    assert "COPY --from=app /app/static-collected /srv/static" in dockerfile
    app_volumes = compose["services"]["web"]["volumes"]
    assert all(not volume.split(":")[1].startswith("/app/static") for volume in app_volumes)
    assert all(volume.split(":")[1] != "/app/var" for volume in app_volumes)


def test_the_proxy_serves_public_media_but_never_private_files(compose):
    proxy = compose["services"]["proxy"]
    assert "media:/srv/media:ro" in proxy["volumes"]
    assert not [v for v in proxy["volumes"] if v.startswith("private:")]
    caddyfile = (ROOT / "deploy" / "Caddyfile").read_text()
    assert "handle /media/*" in caddyfile
    assert "handle_path /static/*" in caddyfile
    assert "X-Request-ID" in caddyfile
    # no access log in Caddy: it would write bearer tokens (Django logs each request redacted)
    assert "\n\tlog" not in caddyfile


def test_gunicorn_logs_json_and_not_raw_paths():
    config = {}
    exec((ROOT / "deploy" / "gunicorn.conf.py").read_text(), config)
    assert config["accesslog"] is None
    assert config["logconfig_dict"]["formatters"]["json"]["()"] == "weltstadt.log.JsonFormatter"
