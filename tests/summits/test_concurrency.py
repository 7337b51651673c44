"""Capacity under load: runs against PostgreSQL (CI); SQLite serialises writers anyway."""

import threading

import pytest
from django.db import connections

from summits.models import Registration
from summits.services.errors import SummitError
from summits.services.registration import Participant, registration_create
from tests.summits.factories import RegistrationFactory, SummitFactory

# Row locks under real concurrency need PostgreSQL (DATABASE_URL): SQLite allows one writer at a
# time, so there is nothing to race. Without PostgreSQL these tests are deselected, in CI an error.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.postgres]


def _race(summit, count: int) -> tuple[list[Registration], list[str]]:
    barrier = threading.Barrier(count)
    done, refused, crashed, lock = [], [], [], threading.Lock()

    def register(n: int) -> None:
        try:
            barrier.wait()
            registration = registration_create(
                summit=summit,
                participant=Participant(f"Racer {n}", f"racer{n}@example.org", "staff", "de"),
            )
            with lock:
                done.append(registration)
        except SummitError as error:
            with lock:
                refused.append(error.message)
        except Exception as error:  # reported below: a thread's exception is otherwise lost
            with lock:
                crashed.append(repr(error))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert crashed == [], crashed
    return done, refused


def test_50_concurrent_registrations_for_the_last_10_places_never_exceed_capacity():
    summit = SummitFactory(capacity=20, waiting_list_capacity=0)
    for _ in range(10):
        RegistrationFactory(summit=summit)
    done, refused = _race(summit, 50)
    assert len(done) == 10
    assert len(refused) == 40
    assert summit.registrations.filter(status="confirmed").count() == 20


def test_concurrent_registrations_beyond_capacity_queue_up_in_order():
    summit = SummitFactory(capacity=20, waiting_list_capacity=100)
    for _ in range(10):
        RegistrationFactory(summit=summit)
    _done, refused = _race(summit, 50)
    assert refused == []
    assert summit.registrations.filter(status="confirmed").count() == 20
    positions = sorted(
        summit.registrations.filter(status="waiting").values_list("waiting_position", flat=True)
    )
    assert positions == list(range(1, 41))
