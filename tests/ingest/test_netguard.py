import ipaddress

import pytest

from ingest import IngestError
from ingest.netguard import checked_address, is_public


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.1",
        "192.168.1.1",
        "169.254.169.254",
        "100.64.0.1",
        "0.0.0.0",
        "::1",
        "fe80::1",
        "fd00:ec2::254",
        "::ffff:127.0.0.1",
        "224.0.0.1",
    ],
)
def test_local_private_link_local_and_metadata_addresses_are_not_public(address):
    assert not is_public(ipaddress.ip_address(address))


def test_public_addresses_are_public():
    assert is_public(ipaddress.ip_address("93.184.216.34"))
    assert is_public(ipaddress.ip_address("2606:4700::1111"))


def test_names_are_checked_after_resolution():
    with pytest.raises(IngestError, match="private or local address"):
        checked_address("localhost", 80, allow_private=False)


def test_private_addresses_pass_only_when_allowed():
    assert str(checked_address("127.0.0.1", 80, allow_private=True)) == "127.0.0.1"
    assert str(checked_address("127.0.0.1", 80, False, ("127.0.0.0/8",))) == "127.0.0.1"
    with pytest.raises(IngestError):
        checked_address("169.254.169.254", 80, False, ("127.0.0.0/8",))
