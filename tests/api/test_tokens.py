"""Personal tokens: made and revoked by their owner on the account page, shown once, kept hashed; a token
acts with its owner's rights, a read-only one never writes; each is throttled on its own."""

import pytest
from django.contrib.auth import get_user_model

from caunoi.api.models import ApiToken, Scope
from caunoi.api.tokens import create_token, digest, revoke_token
from caunoi.core.errors import RuleError

pytestmark = pytest.mark.django_db


def _user(name):  # type: ignore[no-untyped-def]
    return get_user_model().objects.get(username=name)


def test_the_account_page_makes_a_token_shows_it_once_and_revokes_it(client):
    client.force_login(_user("xem"))
    assert 'href="/account/api-tokens/"' in client.get("/account/").content.decode()
    page = client.post("/account/api-tokens/", {"name": "Báo cáo tỉnh", "scope": "read"})
    assert page.status_code == 200
    token = ApiToken.objects.get(user=_user("xem"))
    raw = page.context["new_token"]
    assert raw.startswith(f"cn_{token.prefix}_") and raw in page.content.decode()
    assert token.key_hash == digest(raw) and raw not in token.key_hash
    assert (token.name, token.scope, token.revoked_at) == ("Báo cáo tỉnh", Scope.READ, None)
    again = client.get("/account/api-tokens/")
    assert raw not in again.content.decode() and f"cn_{token.prefix}…" in again.content.decode()
    client.post(f"/account/api-tokens/{token.pk}/revoke/")
    token.refresh_from_db()
    assert token.revoked_at is not None
    assert [h.history_type for h in token.history.order_by("history_id")] == ["+", "~"]


def test_a_token_without_a_name_is_refused_in_both_languages(client):
    client.force_login(_user("xem"))
    page = client.post("/account/api-tokens/", {"name": " ", "scope": "read"}, follow=True)
    assert ApiToken.objects.count() == 0
    assert "Chưa đặt tên cho mã truy cập." in page.content.decode()


def test_only_the_owner_makes_or_revokes_a_token():
    owner, other = _user("xem"), _user("quantri")
    with pytest.raises(RuleError) as error:
        create_token(owner, "x", actor=other)
    assert error.value.code == "api.token_not_yours"
    token, _ = create_token(owner, "x", actor=owner)
    with pytest.raises(RuleError):
        revoke_token(token, actor=other)
    assert ApiToken.objects.get().revoked_at is None


def test_someone_elses_token_cannot_be_revoked_on_the_page(client):
    token, _ = create_token(_user("xem"), "x", actor=_user("xem"))
    client.force_login(_user("quantri"))
    assert client.post(f"/account/api-tokens/{token.pk}/revoke/").status_code == 404


@pytest.mark.parametrize("keyword", ["Bearer", "Token", "bearer"])
def test_bearer_or_token_and_last_used(client, keyword):
    user = _user("xem")
    token, raw = create_token(user, "x", actor=user)
    response = client.get("/api/v1/offices/", headers={"Authorization": f"{keyword} {raw}"})
    assert response.status_code == 200
    assert [o["code"] for o in response.json()] == ["lao-cai", "yen-bai"]
    token.refresh_from_db()
    assert token.last_used_at is not None


@pytest.mark.parametrize(
    "header", [None, "Bearer cn_nothing_x", "Bearer", "Token a b", "Bearer cn_00000000_abc"]
)
def test_no_or_a_wrong_token_is_401_with_the_challenge(client, header):
    response = client.get("/api/v1/aid-items/", headers={"Authorization": header} if header else {})
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == 'Bearer realm="caunoi"'
    [problem] = response.json()["errors"]
    assert problem["code"] in {"api.not_signed_in", "api.token_invalid"}
    assert problem["vi"] and problem["en"] and problem["vi"] != problem["en"]


def test_a_revoked_token_or_an_inactive_user_is_401(client):
    user = _user("bientap")
    token, raw = create_token(user, "x", actor=user)
    headers = {"Authorization": f"Bearer {raw}"}
    assert client.get("/api/v1/aid-items/", headers=headers).status_code == 200
    revoke_token(token, actor=user)
    response = client.get("/api/v1/aid-items/", headers=headers)
    assert response.status_code == 401 and response.json()["errors"][0]["code"] == "api.token_invalid"
    _, raw = create_token(user, "y", actor=user)
    user.is_active = False
    user.save()
    assert client.get("/api/v1/aid-items/", headers={"Authorization": f"Bearer {raw}"}).status_code == 401


def test_a_read_only_token_never_writes(api, yen_bai):
    response = api("bientap", "read").post(
        "/api/v1/aid-items/", {"office": "lao-cai", "code": "X", "modality": "project", "title": "X"}
    )
    assert response.status_code == 403
    [problem] = response.json()["errors"]
    assert problem["code"] == "api.token_read_only"
    assert problem["en"] == "This token may only read: make a “read and write” token to write data."


def test_each_token_is_throttled_with_retry_after(api, settings):
    settings.API_RATE = "3/min"  # the clock stands at 10:00:00, the start of a window
    first, second = api("xem"), api("xem")
    assert [first.get("/api/v1/offices/").status_code for _ in range(3)] == [200, 200, 200]
    refused = first.get("/api/v1/offices/")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "60"
    assert refused.json()["errors"][0]["code"] == "api.throttled"
    assert "60" in refused.json()["errors"][0]["en"]
    assert second.get("/api/v1/offices/").status_code == 200  # another token, its own budget


def test_a_process_leases_its_requests_and_all_processes_together_admit_no_more_than_the_rate(
    api, settings, django_assert_num_queries
):
    from caunoi.api import access
    from caunoi.api.models import ThrottleCount

    settings.API_RATE = "250/min"  # leases of 2 (a hundredth)
    key, window = "token:test", 1_000_020
    with django_assert_num_queries(2):  # the upsert, and the first lease of a window removes past windows
        assert access.admit(key, window, 250) is True
    with django_assert_num_queries(0):  # the lease's second request
        assert access.admit(key, window, 250) is True
    admitted = 2
    for n in range(400):
        if n % 3 == 0:
            access._leased.clear()  # another process: what this one leased is not its to use
        admitted += access.admit(key, window, 250)
    # 125 leases of 2 fill the budget; the 62 taken just before "another process" cleared them lost their second
    # request: 250 - 62 admitted, none too many; each of the 214 refused requests still counted a lease.
    assert admitted == 188
    assert ThrottleCount.objects.get(key=key, window_start=window).count == 250 + 214 * 2
    assert access.admit(key, window, 250) is False
