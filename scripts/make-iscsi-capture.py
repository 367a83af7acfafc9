#!/usr/bin/env python3
"""Writes test/fixtures/iscsi/iscsi-cases.pcap: an ESXi software initiator's iSCSI session with a
target on TCP 3260 (RFC 7143), as the host's vmkernel port sends it: the login in two stages
(security negotiation with InitiatorName, InitiatorAlias, SessionType, TargetName, AuthMethod; then
the operational keys: digests None, burst lengths, R2T and immediate data), the SCSI commands a host
issues when it finds a LUN (INQUIRY with its standard data in a Data-In and the SCSI Response after
it in the same segment, the supported VPD pages and the unit serial number, REPORT LUNS, READ
CAPACITY(16), TEST UNIT READY answered with CHECK CONDITION and fixed-format sense data: UNIT
ATTENTION, power on or reset; then again, Good), a READ(10) of 8 blocks whose Data-In PDU is split
over two segments, one of 16 blocks in two Data-In PDUs (tshark decodes the first one's data only),
one streamed in full-sized segments (one segment ends a Data-In PDU and starts the next), a
WRITE(10) with its R2T and Data-Out, MODE SENSE(6), SYNCHRONIZE CACHE(10), READ CAPACITY(10),
READ(16) and WRITE(16) past 2 TiB, SendTargets (Text Command and Response), a LUN reset (Task
Management), a Reject of a bad NOP-Out with the rejected header, an Asynchronous Message asking for
a logout, the target's NOP-In answering a NOP-Out, and the logout. Header and data digests off.
tshark's reading of it is test/fixtures/iscsi/iscsi-lines.json (scripts/make-layer-lines.py iscsi).
Standard library only; the same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/iscsi/iscsi-cases.pcap"
HOST, TARGET = bytes([10, 10, 20, 11]), bytes([10, 10, 20, 50])
HOST_PORT, ISCSI_PORT = 51234, 3260
ISID = bytes([0x00, 0x02, 0x3d, 0x00, 0x00, 0x01])
TARGET_IQN = b"iqn.2003-01.org.linux-iscsi.san01.x8664:sn.ds01"
NO_TAG = 0xFFFFFFFF


def pad4(data: bytes) -> bytes:
    return data + bytes(-len(data) % 4)


def pdu(op: int, flags: int, b2: int, b3: int, b8: bytes, itt: int, rest: bytes, data: bytes = b"") -> bytes:
    """A PDU: the 48-byte Basic Header Segment (no AHS) and its data segment, padded to 4 bytes."""
    bhs = struct.pack("!BBBBB", op, flags, b2, b3, 0) + len(data).to_bytes(3, "big") + b8 + struct.pack("!I", itt) + rest
    assert len(bhs) == 48, len(bhs)
    return bhs + pad4(data)


def keys(*pairs: str) -> bytes:
    return b"".join(p.encode() + b"\0" for p in pairs)


def login_req(flags: int, itt: int, cmdsn: int, expstatsn: int, data: bytes) -> bytes:
    return pdu(0x43, flags, 0, 0, ISID + b"\0\0", itt, struct.pack("!HHII", 0, 0, cmdsn, expstatsn) + bytes(16), data)


def login_rsp(flags: int, itt: int, statsn: int, expcmdsn: int, maxcmdsn: int, data: bytes) -> bytes:
    return pdu(0x23, flags, 0, 0, ISID + b"\x00\x05", itt, struct.pack("!IIIIBB", 0, statsn, expcmdsn, maxcmdsn, 0, 0) + bytes(10), data)


LUN0 = bytes(8)


def command(flags: int, itt: int, explen: int, cmdsn: int, expstatsn: int, cdb: bytes, data: bytes = b"") -> bytes:
    return pdu(0x01, flags, 0, 0, LUN0, itt, struct.pack("!III", explen, cmdsn, expstatsn) + cdb.ljust(16, b"\0"), data)


def response(itt: int, status: int, statsn: int, expcmdsn: int, data: bytes = b"", flags: int = 0x80, residual: int = 0) -> bytes:
    return pdu(0x21, flags, 0, status, bytes(8), itt, struct.pack("!IIIIIII", 0, statsn, expcmdsn, expcmdsn + 128, 0, 0, residual), data)


def data_in(itt: int, flags: int, status: int, statsn: int, expcmdsn: int, datasn: int, offset: int, data: bytes, residual: int = 0) -> bytes:
    return pdu(0x25, flags, 0, status, LUN0, itt, struct.pack("!IIIIIII", NO_TAG, statsn, expcmdsn, expcmdsn + 128, datasn, offset, residual), data)


def data_out(itt: int, ttt: int, expstatsn: int, datasn: int, offset: int, data: bytes) -> bytes:
    return pdu(0x05, 0x80, 0, 0, LUN0, itt, struct.pack("!IIIIIII", ttt, 0, expstatsn, 0, datasn, offset, 0), data)


def r2t(itt: int, ttt: int, statsn: int, expcmdsn: int, r2tsn: int, offset: int, length: int) -> bytes:
    return pdu(0x31, 0x80, 0, 0, LUN0, itt, struct.pack("!IIIIIII", ttt, statsn, expcmdsn, expcmdsn + 128, r2tsn, offset, length))


def main() -> None:
    frames: list = []
    seqs = {(HOST, HOST_PORT): 0x1a2b0001, (TARGET, ISCSI_PORT): 0x7c3d0001}
    t = [0.0]

    def tcp(src: bytes, dst: bytes, sport: int, dport: int, data: bytes, flags: int = 0x18, dt: float = 0.0004) -> None:
        s, a = seqs[(src, sport)], seqs[(dst, dport)]
        seg = struct.pack("!HHIIBBHHH", sport, dport, s, a, 5 << 4, flags, 64240, 0, 0) + data
        t[0] += dt
        frames.append((t[0], craft.ether_ipv4(src, dst, 6, seg, ident=len(frames) + 1)))
        seqs[(src, sport)] = (s + len(data) + (1 if flags & 0x03 else 0)) & 0xFFFFFFFF

    def to_target(data: bytes, dt: float = 0.0004) -> None:
        tcp(HOST, TARGET, HOST_PORT, ISCSI_PORT, data, dt=dt)

    def to_host(data: bytes, dt: float = 0.0004) -> None:
        tcp(TARGET, HOST, ISCSI_PORT, HOST_PORT, data, dt=dt)

    # the handshake (so that both sides learn that 3260 is the server's port)
    seqs[(HOST, HOST_PORT)] -= 1
    seqs[(TARGET, ISCSI_PORT)] -= 1
    tcp(HOST, TARGET, HOST_PORT, ISCSI_PORT, b"", flags=0x02, dt=0.0)
    tcp(TARGET, HOST, ISCSI_PORT, HOST_PORT, b"", flags=0x12, dt=0.0002)
    tcp(HOST, TARGET, HOST_PORT, ISCSI_PORT, b"", flags=0x10, dt=0.0002)

    # login, security negotiation (CSG 0 → NSG 1, transit)
    to_target(login_req(0x81, 0x00000000, 1, 0, keys(
        "InitiatorName=iqn.1998-01.com.vmware:esx01-4c2d1a7e", "InitiatorAlias=esx01", "SessionType=Normal",
        "TargetName=" + TARGET_IQN.decode(), "AuthMethod=None")))
    to_host(login_rsp(0x81, 0x00000000, 0, 1, 1, keys("TargetPortalGroupTag=1", "AuthMethod=None")))
    # operational negotiation (CSG 1 → NSG 3, full feature phase)
    to_target(login_req(0x87, 0x00000000, 1, 1, keys(
        "HeaderDigest=None", "DataDigest=None", "ErrorRecoveryLevel=0", "InitialR2T=Yes", "ImmediateData=No",
        "MaxBurstLength=262144", "FirstBurstLength=65536", "MaxRecvDataSegmentLength=131072", "MaxConnections=1",
        "DefaultTime2Wait=2", "DefaultTime2Retain=0", "MaxOutstandingR2T=1", "DataPDUInOrder=Yes", "DataSequenceInOrder=Yes")))
    to_host(login_rsp(0x87, 0x00000000, 1, 1, 65, keys(
        "HeaderDigest=None", "DataDigest=None", "ErrorRecoveryLevel=0", "InitialR2T=Yes", "ImmediateData=No",
        "MaxBurstLength=262144", "FirstBurstLength=65536", "MaxRecvDataSegmentLength=262144", "MaxConnections=1",
        "DefaultTime2Wait=2", "DefaultTime2Retain=0", "MaxOutstandingR2T=1", "DataPDUInOrder=Yes", "DataSequenceInOrder=Yes")))

    cmdsn, statsn = 1, 2
    # INQUIRY, standard data (36 bytes): Data-In, then the SCSI Response in the same segment
    to_target(command(0xC1, 0x10, 255, cmdsn, statsn, bytes([0x12, 0, 0, 0, 0xFF, 0])))
    inquiry = (bytes([0x00, 0x00, 0x06, 0x02, 31, 0x00, 0x10, 0x02]) + b"LIO-ORG " + b"ds01            " + b"4.0 ")
    to_host(data_in(0x10, 0x80, 0, 0, cmdsn + 1, 0, 0, inquiry) + response(0x10, 0, statsn, cmdsn + 1, flags=0x82, residual=219))
    cmdsn, statsn = cmdsn + 1, statsn + 1
    # the VPD pages a host reads next: the supported pages and the unit serial number
    to_target(command(0xC1, 0x20, 255, cmdsn, statsn, bytes([0x12, 0x01, 0x00, 0, 0xFF, 0])))
    to_host(data_in(0x20, 0x81, 0, statsn, cmdsn + 1, 0, 0, bytes([0, 0x00, 0, 5, 0x00, 0x80, 0x83, 0xB0, 0xB2]), residual=246))
    cmdsn, statsn = cmdsn + 1, statsn + 1
    serial = b"6001405a1b2c3d4e"
    to_target(command(0xC1, 0x21, 255, cmdsn, statsn, bytes([0x12, 0x01, 0x80, 0, 0xFF, 0])))
    to_host(data_in(0x21, 0x81, 0, statsn, cmdsn + 1, 0, 0, bytes([0, 0x80, 0, len(serial)]) + serial, residual=235))
    cmdsn, statsn = cmdsn + 1, statsn + 1
    # REPORT LUNS: Data-In carrying the status
    to_target(command(0xC1, 0x11, 16, cmdsn, statsn, bytes([0xA0, 0, 0, 0, 0, 0, 0, 0, 0, 16, 0, 0])))
    to_host(data_in(0x11, 0x80, 0, 0, cmdsn + 1, 0, 0, struct.pack("!II", 8, 0) + bytes(8)) + response(0x11, 0, statsn, cmdsn + 1))
    cmdsn, statsn = cmdsn + 1, statsn + 1
    # TEST UNIT READY: CHECK CONDITION, UNIT ATTENTION (29/00: power on, reset, or bus device reset occurred)
    to_target(command(0x80, 0x12, 0, cmdsn, statsn, bytes(6)))
    sense = bytes([0x70, 0, 0x06, 0, 0, 0, 0, 10, 0, 0, 0, 0, 0x29, 0x00, 0, 0, 0, 0])
    to_host(response(0x12, 0x02, statsn, cmdsn + 1, struct.pack("!H", len(sense)) + sense), dt=0.02)
    cmdsn, statsn = cmdsn + 1, statsn + 1
    to_target(command(0x80, 0x13, 0, cmdsn, statsn, bytes(6)))
    to_host(response(0x13, 0, statsn, cmdsn + 1))
    cmdsn, statsn = cmdsn + 1, statsn + 1
    # READ CAPACITY(16): SERVICE ACTION IN(16), service action 0x10
    to_target(command(0xC1, 0x14, 32, cmdsn, statsn, bytes([0x9E, 0x10]) + bytes(8) + struct.pack("!I", 32) + bytes(2)))
    cap16 = struct.pack("!QIBBH", 0x13FFFFFF, 512, 0, 0, 0) + bytes(16)
    to_host(data_in(0x14, 0x81, 0, statsn, cmdsn + 1, 0, 0, cap16))
    cmdsn, statsn = cmdsn + 1, statsn + 1
    # READ(10) of 8 blocks at 0x1000: its Data-In PDU in two segments, then the response
    to_target(command(0xC1, 0x15, 4096, cmdsn, statsn, bytes([0x28, 0, 0, 0, 0x10, 0, 0, 0, 8, 0])))
    block = bytes((i * 7 + 3) & 0xFF for i in range(4096))
    read = data_in(0x15, 0x80, 0, 0, cmdsn + 1, 0, 0, block)
    to_host(read[:1448])
    to_host(read[1448:])
    to_host(response(0x15, 0, statsn, cmdsn + 1))
    cmdsn, statsn = cmdsn + 1, statsn + 1
    # READ(10) of 16 blocks in two Data-In PDUs (the second, at buffer offset 8192, with the status)
    to_target(command(0xC1, 0x22, 8192, cmdsn, statsn, bytes([0x28, 0, 0, 0, 0x18, 0, 0, 0, 16, 0])))
    to_host(data_in(0x22, 0x00, 0, 0, cmdsn + 1, 0, 0, block))
    to_host(data_in(0x22, 0x81, 0, statsn, cmdsn + 1, 1, 4096, block[::-1]))
    cmdsn, statsn = cmdsn + 1, statsn + 1
    # READ(10) of 8 blocks streamed as two Data-In PDUs and the response in 1448-byte segments: the
    # second segment ends the first PDU and starts the second
    to_target(command(0xC1, 0x23, 4096, cmdsn, statsn, bytes([0x28, 0, 0, 0, 0x28, 0, 0, 0, 8, 0])))
    stream = (data_in(0x23, 0x00, 0, 0, cmdsn + 1, 0, 0, block[:2048]) + data_in(0x23, 0x80, 0, 0, cmdsn + 1, 1, 2048, block[2048:])
              + response(0x23, 0, statsn, cmdsn + 1))
    for k in range(0, len(stream), 1448):
        to_host(stream[k:k + 1448])
    cmdsn, statsn = cmdsn + 1, statsn + 1
    # WRITE(10) of one block at 0x2000: R2T, Data-Out, response
    to_target(command(0xA1, 0x16, 512, cmdsn, statsn, bytes([0x2A, 0, 0, 0, 0x20, 0, 0, 0, 1, 0])))
    to_host(r2t(0x16, 0x0000A001, statsn, cmdsn + 1, 0, 0, 512))
    to_target(data_out(0x16, 0x0000A001, statsn, 0, 0, bytes(range(256)) * 2))
    to_host(response(0x16, 0, statsn, cmdsn + 1), dt=0.015)
    cmdsn, statsn = cmdsn + 1, statsn + 1
    # MODE SENSE(6), all pages, allocation 255
    to_target(command(0xC1, 0x17, 255, cmdsn, statsn, bytes([0x1A, 0, 0x3F, 0, 0xFF, 0])))
    # (the target has 4 bytes: F, U (underflow) and S, the residual count 251)
    to_host(data_in(0x17, 0x83, 0, statsn, cmdsn + 1, 0, 0, bytes([3, 0, 0, 0]), residual=251))
    cmdsn, statsn = cmdsn + 1, statsn + 1
    # SYNCHRONIZE CACHE(10)
    to_target(command(0x80, 0x18, 0, cmdsn, statsn, bytes([0x35, 0, 0, 0, 0, 0, 0, 0, 0, 0])))
    to_host(response(0x18, 0, statsn, cmdsn + 1), dt=0.003)
    cmdsn, statsn = cmdsn + 1, statsn + 1
    # READ CAPACITY(10), then READ(16) and WRITE(16) of 2 blocks past 2 TiB
    to_target(command(0xC1, 0x1B, 8, cmdsn, statsn, bytes([0x25]) + bytes(9)))
    to_host(data_in(0x1B, 0x81, 0, statsn, cmdsn + 1, 0, 0, struct.pack("!II", 0xFFFFFFFF, 512)))
    cmdsn, statsn = cmdsn + 1, statsn + 1
    lba = 0x100000000 + 0x800
    to_target(command(0xC1, 0x1C, 1024, cmdsn, statsn, bytes([0x88, 0]) + struct.pack("!QI", lba, 2) + bytes(2)))
    to_host(data_in(0x1C, 0x81, 0, statsn, cmdsn + 1, 0, 0, bytes(1024)))
    cmdsn, statsn = cmdsn + 1, statsn + 1
    to_target(command(0xA1, 0x1D, 1024, cmdsn, statsn, bytes([0x8A, 0x08]) + struct.pack("!QI", lba, 2) + bytes(2)))
    to_host(r2t(0x1D, 0x0000A002, statsn, cmdsn + 1, 0, 0, 1024))
    to_target(data_out(0x1D, 0x0000A002, statsn, 0, 0, bytes(1024)))
    to_host(response(0x1D, 0, statsn, cmdsn + 1))
    cmdsn, statsn = cmdsn + 1, statsn + 1
    # SendTargets in the session (Text Command and Response), then a LUN reset (Task Management)
    to_target(pdu(0x44, 0x80, 0, 0, bytes(8), 0x1E, struct.pack("!III", NO_TAG, cmdsn, statsn) + bytes(16), keys("SendTargets=All")))
    to_host(pdu(0x24, 0x80, 0, 0, bytes(8), 0x1E, struct.pack("!IIII", NO_TAG, statsn, cmdsn + 1, cmdsn + 128) + bytes(12),
                keys("TargetName=" + TARGET_IQN.decode(), "TargetAddress=10.10.20.50:3260,1")))
    cmdsn, statsn = cmdsn + 1, statsn + 1
    to_target(pdu(0x42, 0x85, 0, 0, LUN0, 0x1F, struct.pack("!IIII", NO_TAG, cmdsn, statsn, 0) + bytes(12)))
    to_host(pdu(0x22, 0x80, 0, 0, bytes(8), 0x1F, struct.pack("!IIII", 0, statsn, cmdsn + 1, cmdsn + 128) + bytes(12)))
    cmdsn, statsn = cmdsn + 1, statsn + 1
    # a NOP-Out with a bad TTT rejected (the Reject carries the rejected header), and the target's
    # Asynchronous Message asking for a logout within 5 seconds
    bad = pdu(0x40, 0x80, 0, 0, LUN0, NO_TAG, struct.pack("!III", 0x1234, cmdsn, statsn) + bytes(16))
    to_target(bad)
    to_host(pdu(0x3F, 0x80, 0x09, 0, bytes(8), NO_TAG, struct.pack("!IIIII", 0, statsn, cmdsn, cmdsn + 128, 0) + bytes(8), bad))
    statsn += 1
    to_host(pdu(0x32, 0x80, 0, 0, LUN0, NO_TAG, struct.pack("!IIIIBBHHH", 0, statsn, cmdsn, cmdsn + 128, 1, 0, 0, 0, 5) + bytes(4)))
    statsn += 1
    # NOP-Out (a ping, immediate) and the target's NOP-In
    to_target(pdu(0x40, 0x80, 0, 0, LUN0, 0x19, struct.pack("!III", NO_TAG, cmdsn, statsn) + bytes(16)))
    to_host(pdu(0x20, 0x80, 0, 0, LUN0, 0x19, struct.pack("!IIII", NO_TAG, statsn, cmdsn, cmdsn + 128) + bytes(12)))
    # logout: close the session
    to_target(pdu(0x46, 0x80, 0, 0, bytes(8), 0x1A, struct.pack("!HHII", 0, 0, cmdsn, statsn) + bytes(16)))
    to_host(pdu(0x26, 0x80, 0, 0, bytes(8), 0x1A, struct.pack("!IIIIIHHI", 0, statsn, cmdsn + 1, cmdsn + 128, 0, 2, 0, 0)))

    out = bytearray(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    start = 1_700_000_000
    for when, f in frames:
        usec = round(when * 1_000_000)
        out += struct.pack("<IIII", start + usec // 1_000_000, usec % 1_000_000, len(f), len(f)) + f
    OUT.write_bytes(bytes(out))


if __name__ == "__main__":
    main()
