"""A caller of the API with a personal token: `api("bientap")` reads and writes as the demo editor."""

import pytest
from django.contrib.auth import get_user_model
from django.test import Client


class Api:
    """A test client that sends a token with every request and JSON bodies."""

    def __init__(self, raw: str | None) -> None:
        self.client = Client()
        self.headers = {"Authorization": f"Bearer {raw}"} if raw else {}

    def get(self, path: str, params: dict | None = None, **headers: str):  # type: ignore[no-untyped-def]
        return self.client.get(path, params or {}, headers={**self.headers, **headers})

    def send(self, method: str, path: str, body: object, **headers: str):  # type: ignore[no-untyped-def]
        return self.client.generic(
            method,
            path,
            data=__import__("json").dumps(body),
            content_type="application/json",
            headers={**self.headers, **headers},
        )

    def post(self, path: str, body: object, **headers: str):  # type: ignore[no-untyped-def]
        return self.send("POST", path, body, **headers)


@pytest.fixture
def token_of(db):  # type: ignore[no-untyped-def]
    from caunoi.api.tokens import create_token

    def make(username: str, scope: str = "read_write") -> str:
        user = get_user_model().objects.get(username=username)
        return create_token(user, "thử", scope, actor=user)[1]

    return make


@pytest.fixture
def api(token_of):  # type: ignore[no-untyped-def]
    def as_user(username: str | None, scope: str = "read_write") -> Api:
        return Api(token_of(username, scope) if username else None)

    return as_user
