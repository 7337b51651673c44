"""Beat outlives a database outage: django-celery-beat lets some of the database's errors out of
its tick (reading the crontab exclusions), which ended the beat process in the production check's
outage. The real outage is in tools/production_check.py."""

import logging

from django.db import OperationalError
from django_celery_beat.schedulers import DatabaseScheduler

from weltstadt import celery as weltstadt_celery


def test_a_database_error_in_a_tick_is_waited_out_and_beat_ticks_on(
    monkeypatch, settings, tmp_path, caplog
):
    settings.BEAT_HEARTBEAT_FILE = tmp_path / "beat.heartbeat"
    scheduler_class = weltstadt_celery.HeartbeatScheduler
    scheduler = scheduler_class.__new__(scheduler_class)  # no app nor schedule needed here

    def outage(self, *args, **kwargs):
        raise OperationalError('database "weltstadt" is not currently accepting connections')

    monkeypatch.setattr(DatabaseScheduler, "tick", outage)
    with caplog.at_level(logging.WARNING, logger="weltstadt.celery"):
        assert scheduler.tick() == weltstadt_celery.OUTAGE_RETRY
    assert settings.BEAT_HEARTBEAT_FILE.exists()  # the container stays healthy meanwhile
    assert "not currently accepting connections" in caplog.text
    monkeypatch.setattr(DatabaseScheduler, "tick", lambda self, *args, **kwargs: 1.5)
    assert scheduler.tick() == 1.5
