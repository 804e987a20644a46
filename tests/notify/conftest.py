import pytest
from django.contrib.auth import get_user_model


@pytest.fixture
def login(client):  # type: ignore[no-untyped-def]
    def as_user(username: str):  # type: ignore[no-untyped-def]
        client.force_login(get_user_model().objects.get(username=username))
        return client

    return as_user
