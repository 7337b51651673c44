import pytest

from tests.offices.factories import BoardMemberFactory, OfficeFactory, supervisor_user


@pytest.fixture
def office(db):
    return OfficeFactory(name="İzmir-Büro Bremen", slug="bremen")


@pytest.fixture
def other_office(db):
    return OfficeFactory(name="İzmir Office Rotterdam", slug="rotterdam", country="NL")


@pytest.fixture
def alice_board(office, alice):
    """alice chairs the Bremen office."""
    return BoardMemberFactory(office=office, user=alice, name=alice.name, role="chair")


@pytest.fixture
def bob_board(other_office, bob):
    """bob sits on the board of another office."""
    return BoardMemberFactory(office=other_office, user=bob, name=bob.name, role="chair")


@pytest.fixture
def supervisor(db):
    return supervisor_user()


@pytest.fixture
def supervisor_client(client, supervisor):
    client.force_login(supervisor)
    return client


@pytest.fixture(autouse=True)
def _private_storage_follows_settings(_isolated_files_and_cache):
    """weltstadt.private_storage is built once per process; point it at this test's folder."""
    from django.utils.functional import empty

    from weltstadt.private_storage import private_storage

    private_storage._wrapped = empty
    yield
    private_storage._wrapped = empty
