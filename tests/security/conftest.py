import pytest


@pytest.fixture(autouse=True)
def _private_storage_follows_settings(_isolated_files_and_cache):
    """weltstadt.private_storage is built once per process; point it at this test's folder."""
    from django.utils.functional import empty

    from weltstadt.private_storage import private_storage

    private_storage._wrapped = empty
    yield
    private_storage._wrapped = empty
