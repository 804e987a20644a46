"""The sign-in client's address for django-axes (AXES_CLIENT_IP_CALLABLE).

Behind the README's nginx every request comes from 127.0.0.1, so counting failures by REMOTE_ADDR locked
everyone out together. X-Forwarded-For is read only when the request comes from a proxy listed in
CAUNOI_TRUSTED_PROXIES, and then right to left: the first address that is not a trusted proxy is the client
(addresses further left were written by the client itself and prove nothing).
"""

from __future__ import annotations

from ipaddress import IPv4Network, IPv6Network, ip_address

from django.conf import settings
from django.http import HttpRequest

Network = IPv4Network | IPv6Network


def _trusted(address: str, networks: list[Network]) -> bool:
    try:
        parsed = ip_address(address)
    except ValueError:
        return False
    return any(parsed in network for network in networks)


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "") or ""
    networks: list[Network] = settings.TRUSTED_PROXY_NETWORKS
    if not networks or not _trusted(remote, networks):
        return remote
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    for entry in reversed([part.strip() for part in forwarded.split(",") if part.strip()]):
        if not _trusted(entry, networks):
            try:
                return str(ip_address(entry))
            except ValueError:
                return remote  # a malformed entry: nothing to its left can be believed
    return remote
