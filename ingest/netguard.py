"""Refusing URLs that point inside our own network (SSRF): checked after DNS resolution."""

from __future__ import annotations

import ipaddress
import socket

from ingest import messages
from ingest.errors import IngestError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


def is_public(ip: IPAddress) -> bool:
    """True only for globally routable unicast addresses (no loopback, private, link-local...)."""
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def resolve(host: str, port: int) -> list[IPAddress]:
    """All addresses the host resolves to; an IP literal resolves to itself."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as exc:
        raise IngestError(messages.UNRESOLVED_BECAUSE(host=host, reason=exc.strerror or exc)) from None
    seen: dict[str, IPAddress] = {}
    for info in infos:
        address = info[4][0].split("%", 1)[0]
        seen.setdefault(address, ipaddress.ip_address(address))
    if not seen:
        raise IngestError(messages.UNRESOLVED(host=host))
    return list(seen.values())


def checked_address(host: str, port: int, allow_private: bool, allowed_networks: tuple[str, ...] = ()) -> IPAddress:
    """The address to connect to; refuses the host if any of its addresses is not public
    (unless private ones are allowed, all or those in ``allowed_networks``)."""
    addresses = resolve(host, port)
    if not allow_private:
        networks = [ipaddress.ip_network(n) for n in allowed_networks]
        blocked = [ip for ip in addresses if not is_public(ip) and not any(ip in network for network in networks)]
        if blocked:
            raise IngestError(messages.PRIVATE_ADDRESS(host=host, address=blocked[0]))
    return addresses[0]
