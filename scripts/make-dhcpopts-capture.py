#!/usr/bin/env python3
"""Writes test/fixtures/dhcpopts/dhcpopts-cases.pcap: DHCP messages with the options packet-dhcp.c
decodes, as real clients, relays and servers send them: a Windows client's Discover (Client FQDN,
"MSFT 5.0", the broadcast flag unset) and the Offer (broadcast flag set) with classless static
routes (121 and Microsoft's 249), NTP and NetBIOS servers, the node type, a domain search list
with a compression pointer, the interface MTU, TFTP server and boot file names; Requests forwarded
by relay agents with their Relay Agent Information (circuit and remote ID, link selection,
subscriber ID, server ID override, vendor-specific information, Cisco's VRF name, an unknown
suboption and one longer than the option); a PXE client's Discover (system architecture, network
device interface, UUID client identifier, "PXEClient:Arch:00007:UNDI:003016", iPXE's non-standard
user class) and the PXE server's Offer with its vendor-specific suboptions; a DHCP Nak with a
message; an Inform with RFC 3004 user classes, the V-I vendor class and vendor-specific
information (TR-111) and its Ack (CableLabs' suboptions, a TR-111 one too long for its data),
auto-configuration, forcerenew nonce capable and TFTP server addresses; options of each basic
type, some with lengths their type does not allow; a Windows client renewing (its seconds
little-endian, a RAS user class, pad bytes); systemd's DUID client identifiers; service options
(SLP, Novell, name service search, PCP, port parameters, captive portal, 6rd, leasequery status,
a domain search split over two options); an Alcatel-Lucent phone's vendor information and another
enterprise's V-I suboptions; options that end on a suboption's code. tshark's reading of it is test/fixtures/dhcpopts/dhcpopts-lines.json
(scripts/make-layer-lines.py dhcpopts). Standard library only; the same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/dhcpopts/dhcpopts-cases.pcap"
ZERO, BCAST = bytes(4), bytes([255] * 4)
SERVER, RELAY = bytes([192, 168, 1, 1]), bytes([10, 20, 0, 1])
CLIENT_MAC = bytes([0x00, 0x50, 0x56, 0x00, 0x00, 0xAA])
PXE_MAC = bytes([0x52, 0x54, 0x00, 0x12, 0x34, 0x56])
BROADCAST = 0x8000


def ip(text: str) -> bytes:
    return bytes(int(p) for p in text.split("."))


def opt(code: int, value: bytes) -> bytes:
    return bytes([code, len(value)]) + value


def bootp(op: int, xid: int, options: bytes, flags: int = 0, mac: bytes = CLIENT_MAC, hops: int = 0, secs: int = 0,
          ciaddr: bytes = ZERO, yiaddr: bytes = ZERO, siaddr: bytes = ZERO, giaddr: bytes = ZERO, pad: int = 0) -> bytes:
    """A BOOTP message with the DHCP magic cookie, `options` and the End option, then `pad` zeros."""
    head = struct.pack("!BBBBIHH", op, 1, 6, hops, xid, secs, flags) + ciaddr + yiaddr + siaddr + giaddr
    return head + mac + bytes(10) + bytes(64) + bytes(128) + bytes([0x63, 0x82, 0x53, 0x63]) + options + b"\xff" + bytes(pad)


def frame(msg: bytes, src: bytes = ZERO, dst: bytes = BCAST, sport: int = 68, dport: int = 67) -> bytes:
    return craft.ether_ipv4(src, dst, 17, craft.udp(sport, dport, msg))


def dns_name(*labels: bytes) -> bytes:
    return b"".join(bytes([len(x)]) + x for x in labels) + b"\0"


def main() -> None:
    windows_prl = bytes([1, 3, 6, 15, 31, 33, 43, 44, 46, 47, 119, 121, 249, 252])
    discover = (opt(53, b"\x01") + opt(61, b"\x01" + CLIENT_MAC) + opt(50, ip("192.168.1.50")) + opt(12, b"DESKTOP-7K2Q9")
                + opt(81, b"\x00\x00\x00DESKTOP-7K2Q9.corp.example") + opt(60, b"MSFT 5.0") + opt(55, windows_prl))
    routes = (bytes([24, 10, 1, 2]) + ip("192.168.1.1") + bytes([0]) + ip("192.168.1.254")
              + bytes([32, 10, 9, 9, 9]) + ip("192.168.1.2") + bytes([8, 10]) + ip("192.168.1.3")
              + bytes([20, 172, 16, 16]) + ip("192.168.1.4"))
    # "corp.example", then "lab.corp.example" as "lab" and a pointer to the first name
    search = dns_name(b"corp", b"example") + b"\x03lab\xc0\x00"
    offer = (opt(53, b"\x02") + opt(54, SERVER) + opt(51, struct.pack("!I", 691200)) + opt(58, struct.pack("!I", 345600))
             + opt(59, struct.pack("!I", 604800)) + opt(1, ip("255.255.255.0")) + opt(3, SERVER)
             + opt(6, ip("192.168.1.10") + ip("192.168.1.11")) + opt(15, b"corp.example") + opt(28, ip("192.168.1.255"))
             + opt(42, SERVER + ip("192.168.1.12")) + opt(44, ip("192.168.1.10")) + opt(46, b"\x08") + opt(26, struct.pack("!H", 9000))
             + opt(121, routes) + opt(249, bytes([24, 10, 1, 2]) + ip("192.168.1.1")) + opt(119, search)
             + opt(66, b"tftp.corp.example") + opt(67, b"boot\\x64\\wdsnbp.com"))
    agent = (opt(1, b"eth0/1:100") + opt(2, bytes([0x00, 0x1B, 0x54, 0xC2, 0x10, 0x01])) + opt(5, ip("192.168.1.0"))
             + opt(6, b"sub-0042") + opt(11, RELAY) + opt(151, b"\x00blue") + opt(152, SERVER))
    relayed = (opt(53, b"\x03") + opt(61, b"\x01" + CLIENT_MAC) + opt(50, ip("192.168.1.50")) + opt(54, SERVER)
               + opt(12, b"host") + opt(81, b"\x01\xff\xffhost.corp.example") + opt(55, bytes([1, 3, 6, 15])) + opt(82, agent))
    agent2 = (opt(9, struct.pack("!IB", 3561, 6) + opt(1, b"0007")) + opt(10, b"\x01") + opt(12, b"relay-7")
              + opt(13, b"\x00\x03") + opt(16, bytes([0x00, 0x0C, 0x42, 0x01, 0x02, 0x03])) + opt(150, ip("192.168.1.0"))
              + opt(151, bytes([0x00, 0x00, 0x0C, 0, 0, 0, 7])) + opt(200, b"\x01\x02") + bytes([2, 9, 0xAB]))
    relayed2 = opt(53, b"\x01") + opt(61, b"\x01" + CLIENT_MAC) + opt(82, agent2)
    uuid = bytes(range(0x10, 0x20))
    pxe_discover = (opt(53, b"\x01") + opt(57, struct.pack("!H", 1464)) + opt(55, bytes([1, 2, 3, 5, 6, 11, 12, 13, 15, 16, 17, 18, 43, 54, 60, 67, 128, 129, 130, 131, 132, 133, 134, 135]))
                    + opt(97, b"\x00" + uuid) + opt(94, b"\x01\x02\x01") + opt(93, b"\x00\x07")
                    + opt(60, b"PXEClient:Arch:00007:UNDI:003016") + opt(77, b"iPXE"))
    pxe_vendor = (opt(6, b"\x03") + opt(8, struct.pack("!HB", 0x8000, 1) + ip("192.168.1.20"))
                  + opt(9, struct.pack("!HB", 0x8000, 8) + b"Boot WDS") + opt(10, b"\x05Press F8")
                  + opt(71, struct.pack("!HH", 0x8000, 0)) + opt(1, ip("224.1.1.1")) + opt(2, struct.pack("<H", 1758)) + b"\xff")
    pxe_offer = (opt(53, b"\x02") + opt(54, SERVER) + opt(60, b"PXEClient") + opt(43, pxe_vendor) + opt(97, b"\x00" + uuid)
                 + opt(66, b"192.168.1.20") + opt(67, b"boot\\x64\\wdsmgfw.efi"))
    nak = opt(53, b"\x06") + opt(54, SERVER) + opt(56, b"requested address not available")
    # TR-111: a gateway's OUI, serial number and product class; CableLabs: an option request and TFTP servers
    tr111 = opt(1, b"00D09E") + opt(2, b"GW-1234567") + opt(3, b"IGD")
    inform = (opt(53, b"\x08") + opt(61, b"\x01" + CLIENT_MAC) + opt(77, bytes([6]) + b"laptop" + bytes([4]) + b"corp")
              + opt(124, struct.pack("!IB", 3561, 13) + b"dslforum.org\0") + opt(125, struct.pack("!IB", 3561, len(tr111)) + tr111)
              + opt(116, b"\x01") + opt(145, b"\x01") + opt(43, bytes([1, 4, 0, 0, 0, 0, 255])) + opt(60, b"MSFT 5.0"))
    cablelabs = opt(1, bytes([2, 4, 7])) + opt(2, ip("10.0.0.5") + ip("10.0.0.6"))
    ack = (opt(53, b"\x05") + opt(54, SERVER) + opt(150, ip("10.0.0.5") + ip("10.0.0.6")) + opt(124, b"\x01")
           + opt(125, struct.pack("!IB", 4491, len(cablelabs)) + cablelabs)
           + opt(125, struct.pack("!IB", 3561, 5) + bytes([4, 4, 0x41, 0x42, 0x43, 0x44])) + opt(43, b"\x01\x03abc"))
    basic = (opt(53, b"\x05") + opt(2, struct.pack("!i", -18000)) + opt(4, ip("192.168.1.5")) + opt(13, struct.pack("!H", 2048))
             + opt(19, b"\x01") + opt(20, b"\x00") + opt(23, b"\x40") + opt(24, struct.pack("!I", 600))
             + opt(25, struct.pack("!HHH", 68, 296, 576)) + opt(33, ip("10.5.0.0") + ip("192.168.1.1"))
             + opt(21, ip("10.6.0.0") + ip("255.255.0.0")) + opt(35, struct.pack("!I", 60)) + opt(37, b"\x40")
             + opt(38, struct.pack("!I", 7200)) + opt(40, b"nis.corp") + opt(41, ip("192.168.1.6")) + opt(47, b"scope")
             + opt(64, b"nisplus") + opt(69, ip("192.168.1.7")) + opt(91, struct.pack("!I", 30)) + opt(92, ip("192.168.1.8"))
             + opt(100, b"EST5EDT4,M3.2.0/02:00,M11.1.0/02:00") + opt(101, b"America/New_York") + opt(112, ip("192.168.1.9"))
             + opt(113, b"tag") + opt(118, ip("192.168.2.0")) + opt(137, b"lost.example") + opt(138, ip("192.168.1.13"))
             + opt(209, b"pxelinux.cfg/default") + opt(210, b"/tftpboot/") + opt(252, b"http://wpad/wpad.dat\0")
             + opt(80, b"") + opt(224, b"\x12\x34") + opt(108, struct.pack("!I", 1800)))
    badlen = (opt(53, b"\x05") + opt(50, ip("192.168.1.50")[:3]) + opt(26, b"\x05") + opt(3, ip("192.168.1.1") + b"\x01\x02")
              + opt(12, b"") + opt(19, b"\x01\x00") + opt(121, bytes([40, 10, 0, 0, 0, 0])) + opt(121, bytes([24, 10, 1]))
              + opt(81, b"\x00\x00") + opt(93, b"\x00\x07\x00") + opt(145, b"\x01\x02") + opt(116, b"") + opt(46, b"\x02\x00"))
    # a Windows client renewing: its seconds little-endian, a RAS client's bare user class, pad bytes
    renew = (opt(53, b"\x03") + opt(61, b"\x01" + CLIENT_MAC) + opt(12, b"DESKTOP-7K2Q9") + opt(77, b"RRAS.Microsoft")
             + opt(60, b"MSFT 5.0") + b"\x00\x00\x00")
    # systemd-networkd's RFC 4361 identifier (IAID and DUID-EN), a DUID-LL, an identifier by name
    duid_en = b"\xff" + bytes([0x8F, 0x2A, 0x1B, 0x0C]) + struct.pack("!HI", 2, 43793) + bytes.fromhex("c1b2a3948576")
    duid_ll = b"\xff" + bytes([0, 0, 0, 1]) + struct.pack("!HH", 3, 1) + CLIENT_MAC
    systemd = (opt(53, b"\x01") + opt(61, duid_en) + opt(61, duid_ll) + opt(61, b"\x00router-7") + opt(57, struct.pack("!H", 576))
               + opt(12, b"edge-7") + opt(55, bytes([1, 3, 6, 12, 15, 28, 42, 119, 121])) + opt(77, bytes([3]) + b"abc" + bytes([5]) + b"de"))
    # services: SLP, Novell, name service search, PCP, port parameters, the captive portal, 6rd,
    # a leasequery status, RFC 3396's split domain search, a zero and an infinite lease
    services = (opt(53, b"\x05") + opt(78, b"\x01" + ip("192.168.1.30")) + opt(79, b"\x00default") + opt(85, ip("192.168.1.31"))
                + opt(117, struct.pack("!HHH", 6, 41, 7)) + opt(158, b"\x05" + ip("192.168.1.32")) + opt(159, b"\x00\x06\x00\x10")
                + opt(160, b"https://portal.example/") + opt(212, b"\x10\x20" + bytes.fromhex("20010db8000000000000000000000000") + ip("192.168.1.33"))
                + opt(151, b"\x00ok") + opt(119, dns_name(b"a", b"example")) + opt(119, dns_name(b"b", b"example"))
                + opt(51, bytes(4)) + opt(58, b"\xff\xff\xff\xff") + opt(2, bytes(4)))
    # an Alcatel-Lucent phone's vendor information, Cisco's under option 125, CableLabs' address mode
    alcatel = (opt(53, b"\x05") + opt(54, SERVER) + opt(43, opt(58, struct.pack("!H", 100)) + opt(64, ip("192.168.1.40")) + opt(66, b"\x01") + opt(67, b"sip:pbx"))
               + opt(125, struct.pack("!IB", 9, 6) + opt(1, b"ab") + opt(2, b"")) + opt(124, b"\x01"))
    # options that end on a suboption's code: no room for its length (relay agent, PXE, V-I TR-111)
    cut = (opt(53, b"\x05") + opt(54, SERVER) + opt(60, b"PXEClient") + opt(82, opt(1, b"eth0") + b"\x02")
           + opt(43, opt(6, b"\x03") + b"\x09") + opt(125, struct.pack("!IB", 3561, 5) + opt(2, b"abc") + b"\x02"))
    frames = [
        frame(bootp(1, 0x3903F326, discover)),
        frame(bootp(2, 0x3903F326, offer, flags=BROADCAST, yiaddr=ip("192.168.1.50"), siaddr=SERVER), SERVER, BCAST, 67, 68),
        frame(bootp(1, 0x3903F327, relayed, hops=1, giaddr=RELAY), RELAY, SERVER, 67, 67),
        frame(bootp(1, 0x3903F328, relayed2, hops=1, giaddr=RELAY, flags=BROADCAST), RELAY, SERVER, 67, 67),
        frame(bootp(1, 0x5B7C9D01, pxe_discover, flags=BROADCAST, mac=PXE_MAC, secs=4)),
        frame(bootp(2, 0x5B7C9D01, pxe_offer, flags=BROADCAST, mac=PXE_MAC, siaddr=ip("192.168.1.20")), SERVER, BCAST, 67, 68),
        frame(bootp(2, 0x3903F329, nak, flags=BROADCAST), SERVER, BCAST, 67, 68),
        frame(bootp(1, 0x0A0B0C0D, inform, ciaddr=ip("192.168.1.50")), ip("192.168.1.50"), SERVER),
        frame(bootp(2, 0x0A0B0C0D, ack, ciaddr=ip("192.168.1.50")), SERVER, ip("192.168.1.50"), 67, 68),
        frame(bootp(2, 0x0A0B0C0E, basic, yiaddr=ip("192.168.1.51")), SERVER, BCAST, 67, 68),
        frame(bootp(2, 0x0A0B0C0F, badlen, yiaddr=ip("192.168.1.52")), SERVER, BCAST, 67, 68),
        frame(bootp(1, 0x3903F330, renew, secs=struct.unpack("!H", struct.pack("<H", 3))[0], ciaddr=ip("192.168.1.50")), ip("192.168.1.50"), SERVER),
        frame(bootp(1, 0x6C1D2E3F, systemd, flags=BROADCAST)),
        frame(bootp(2, 0x0A0B0C10, services, yiaddr=ip("192.168.1.53")), SERVER, BCAST, 67, 68),
        frame(bootp(2, 0x0A0B0C11, alcatel, yiaddr=ip("192.168.1.54")), SERVER, BCAST, 67, 68),
        frame(bootp(2, 0x0A0B0C12, cut, yiaddr=ip("192.168.1.55")), SERVER, BCAST, 67, 68),
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(craft.pcap(frames))
    print(f"wrote {len(frames)} frames to {OUT}")


if __name__ == "__main__":
    main()
