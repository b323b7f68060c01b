"""Where an LLM base URL may point: the stored LLM key travels to it with every request.

A URL whose host resolves to a loopback, private, link-local (cloud metadata at
169.254.169.254), shared, reserved or otherwise non-public address is refused, unless the
operator sets ``KNOWREPLY_ALLOW_PRIVATE_LLM_URLS=true`` (a local Ollama or vLLM server).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

METADATA_HOSTS = frozenset({"metadata.google.internal", "metadata", "instance-data"})


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def private_address(host: str, port: int, *, allow_setting: str) -> str | None:
    """None when every address `host` resolves to is public; else why not, in words that
    name the operator's `allow_setting`. Shared by the LLM base URL and the notification
    webhook (`notifications/webhooks.py`)."""
    host = host.rstrip(".").lower()
    if host in METADATA_HOSTS:
        return f"{host} is a cloud metadata address"
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError):
        return f"{host} does not resolve to an address"
    private = sorted({str(info[4][0]) for info in infos if not _public(str(info[4][0]))})
    if private:
        return (
            f"{host} resolves to a private, loopback or link-local address ({private[0]}); "
            f"an operator can allow that with {allow_setting}=true"
        )
    return None


def check_llm_base_url(url: str, *, allow_private: bool) -> str | None:
    """None when the URL may be used; else why not, in words for the owner."""
    parts = urlsplit(url)
    host = (parts.hostname or "").rstrip(".").lower()
    if parts.scheme not in ("http", "https") or not host:
        return "use an http:// or https:// URL with a host name"
    if allow_private:
        return None
    return private_address(
        host, parts.port or 443, allow_setting="KNOWREPLY_ALLOW_PRIVATE_LLM_URLS"
    )
