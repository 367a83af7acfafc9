"""Helpers of the scripts that make packets (make-sample.py, the test fixtures' make-*-capture.py,
the name tables read from tshark's trees): the Internet checksum, an IPv4 header, a classic pcap
file, and tshark's tree of some frames. Standard-library Python."""
import os
import struct
import subprocess
import tempfile


def csum(data: bytes) -> int:
    """The Internet checksum (RFC 1071) of `data`."""
    if len(data) % 2:
        data += b"\0"
    s = sum(struct.unpack("!%dH" % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return ~s & 0xFFFF


def ipv4(src: bytes, dst: bytes, proto: int, payload: bytes, ident: int = 1, flags: int = 0, ttl: int = 64) -> bytes:
    """An IPv4 header with its checksum (addresses as 4 bytes, `flags` the flags and offset word), then `payload`."""
    hdr = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(payload), ident & 0xFFFF, flags, ttl, proto, 0, src, dst)
    return hdr[:10] + struct.pack("!H", csum(hdr)) + hdr[12:] + payload


def udp(sport: int, dport: int, payload: bytes) -> bytes:
    """A UDP header (checksum 0, "not computed") and `payload`."""
    return struct.pack("!HHHH", sport, dport, 8 + len(payload), 0) + payload


def ether_ipv4(src: bytes, dst: bytes, proto: int, payload: bytes, ident: int = 1) -> bytes:
    """An Ethernet II frame from 02:00:00:00:00:<src's last byte> to 02:00:00:00:00:<dst's last
    byte> carrying an IPv4 packet of `payload` (addresses as 4 bytes)."""
    return bytes([2, 0, 0, 0, 0, dst[3], 2, 0, 0, 0, 0, src[3]]) + b"\x08\x00" + ipv4(src, dst, proto, payload, ident=ident)


def pcap(frames: list, start: int = 1_700_000_000, step_usec: int = 0, linktype: int = 1) -> bytes:
    """A classic pcap file (Ethernet unless `linktype` says) of `frames`, the k-th at `start` seconds + k seconds + k * `step_usec`."""
    out = bytearray(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, linktype))
    for k, f in enumerate(frames):
        out += struct.pack("<IIII", start + k, step_usec * k, len(f), len(f)) + f
    return bytes(out)


def tshark_tree(frames: list) -> str:
    """What `tshark -n -r FILE -V` prints for a capture of `frames`."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "frames.pcap")
        with open(path, "wb") as fh:
            fh.write(pcap(frames))
        return subprocess.run(["tshark", "-n", "-r", path, "-V"], capture_output=True, text=True).stdout
