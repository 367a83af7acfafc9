#!/usr/bin/env python3
"""Writes test/fixtures/nfs/nfs-cases.pcap: an ESXi host mounting and using an NFS v3 datastore,
as ONC-RPC (RFC 5531) carries it: the portmapper's GETPORT for MOUNT (UDP 111), MOUNT v3's
EXPORT, MNT and UMNT (UDP, on the port GETPORT gave), then on one TCP connection to port 2049
(record marking, RFC 5531 section 11) every NFS v3 procedure with AUTH_UNIX credentials as ESXi
sends them: NULL, FSINFO, PATHCONF, FSSTAT, LOOKUP (found, NFS3ERR_NOENT, an empty name),
GETATTR, ACCESS (granted, partly denied), READ (its reply split over two TCP segments), WRITE +
COMMIT (the COMMIT slow: 0.15 s, for `rpc.time > 0.1`), CREATE (guarded, unchecked, exclusive),
SETATTR (size and times; owner and group with a guard), REMOVE, READDIRPLUS, MKDIR, SYMLINK,
READLINK, LINK, RENAME, READDIR, RMDIR, MKNOD, an error reply of each, two calls in one segment
and their replies in one, a reply that begins in the segment of the one before, a WRITE over
three segments; a second connection whose capture begins with a reply to a call it missed; a
GETATTR over UDP 2049; damaged datagrams (cut by the snaplen, short attributes, credentials
longer than the datagram) and GETATTR calls and replies cut by the capture at every word.
tshark's reading of it is test/fixtures/nfs/nfs-lines.json (scripts/make-layer-lines.py nfs).
Standard library only; the same bytes every run.
"""
import struct
from pathlib import Path

import craft

OUT = Path(__file__).resolve().parent.parent / "test/fixtures/nfs/nfs-cases.pcap"
ESX, NAS = bytes([10, 10, 10, 21]), bytes([10, 10, 10, 50])
CPORT = 858  # ESXi's NFS client binds a reserved port
START = 1_700_000_000

NFS, MOUNT, PORTMAP = 100003, 100005, 100000
ROOT_FH = bytes.fromhex("01000601a3b1c2d3e4f50617283940516273849500000000000000000000000a")
VM_FH = bytes.fromhex("01000601a3b1c2d3e4f50617283940516273849500000000000000020000be01")
VMDK_FH = bytes.fromhex("01000601a3b1c2d3e4f505172839405162738495000000000000000200c0ffee")
LCK_FH = bytes.fromhex("01000601a3b1c2d3e4f50517283940516273849500000000000000020000dead")


def u32(v: int) -> bytes:
    return struct.pack("!I", v)


def u64(v: int) -> bytes:
    return struct.pack("!Q", v)


def opaque(b: bytes) -> bytes:
    return u32(len(b)) + b + bytes(-len(b) % 4)


def string(s: str) -> bytes:
    return opaque(s.encode())


def auth_unix(stamp: int = 0x5F3A2B1C, machine: str = "esx-07.corp.example", uid: int = 0, gid: int = 0, gids: tuple = (0,)) -> bytes:
    body = u32(stamp) + string(machine) + u32(uid) + u32(gid) + u32(len(gids)) + b"".join(u32(g) for g in gids)
    return u32(1) + opaque(body)


AUTH_NULL = u32(0) + u32(0)


def call(xid: int, prog: int, vers: int, proc: int, args: bytes, cred: bytes | None = None) -> bytes:
    return u32(xid) + u32(0) + u32(2) + u32(prog) + u32(vers) + u32(proc) + (cred if cred is not None else auth_unix()) + AUTH_NULL + args


def reply(xid: int, results: bytes) -> bytes:
    return u32(xid) + u32(1) + u32(0) + AUTH_NULL + u32(0) + results


def record(msg: bytes) -> bytes:
    return u32(0x80000000 | len(msg)) + msg


def nfstime(sec: int, nsec: int = 0) -> bytes:
    return u32(sec) + u32(nsec)


def fattr(ftype: int, mode: int, size: int, fileid: int, nlink: int = 1, uid: int = 0, gid: int = 0, t: int = 1_699_990_000) -> bytes:
    used = (size + 4095) // 4096 * 4096
    return (u32(ftype) + u32(mode) + u32(nlink) + u32(uid) + u32(gid) + u64(size) + u64(used) + u32(0) + u32(0)
            + u64(0x2A51D7C3E08F1B64) + u64(fileid) + nfstime(t, 125000000) + nfstime(t + 60, 250000000) + nfstime(t + 61, 0))


def post_op(attr: bytes | None) -> bytes:
    return u32(0) if attr is None else u32(1) + attr


def wcc(size: int, t: int, after: bytes) -> bytes:
    return u32(1) + u64(size) + nfstime(t, 0) + nfstime(t, 0) + post_op(after)


def fh(b: bytes) -> bytes:
    return opaque(b)


DIR_ATTR = fattr(2, 0o755, 4096, 10, nlink=5)
VM_ATTR = fattr(2, 0o755, 4096, 0xBE01, nlink=2)
VMDK_ATTR = fattr(1, 0o600, 40 * 1024 * 1024 * 1024, 0xC0FFEE)
LCK_ATTR = fattr(1, 0o644, 0, 0xDEAD)


def main() -> None:
    frames: list = []
    seqs: dict = {}

    def add(usec: int, frame: bytes, snap: int = 0) -> None:
        frames.append((usec, frame, snap))

    def tcp(usec: int, src: bytes, dst: bytes, sport: int, dport: int, data: bytes, flags: int = 0x18) -> None:
        s = seqs.setdefault((src, sport), 1000 + 7919 * len(seqs))
        a = seqs.setdefault((dst, dport), 1000 + 7919 * len(seqs))
        t = struct.pack("!HHIIBBHHH", sport, dport, s, a, 5 << 4, flags, 64240, 0, 0) + data
        ph = src + dst + struct.pack("!BBH", 0, 6, len(t))
        t = t[:16] + struct.pack("!H", craft.csum(ph + t)) + t[18:]
        add(usec, craft.ether_ipv4(src, dst, 6, t, ident=len(frames) + 1))
        seqs[(src, sport)] = s + len(data)

    def udp(usec: int, src: bytes, dst: bytes, sport: int, dport: int, data: bytes, snap: int = 0) -> None:
        add(usec, craft.ether_ipv4(src, dst, 17, craft.udp(sport, dport, data), ident=len(frames) + 1), snap)

    t = 0

    def c(data: bytes, gap: int = 2000) -> None:
        nonlocal t
        t += gap
        tcp(t, ESX, NAS, CPORT, 2049, data)

    def s(data: bytes, gap: int = 400) -> None:
        nonlocal t
        t += gap
        tcp(t, NAS, ESX, 2049, CPORT, data)

    # the portmapper (AUTH_NULL, as the mount helper asks) and MOUNT v3 over UDP
    t += 1000
    udp(t, ESX, NAS, 811, 111, call(0x6C1E0001, PORTMAP, 2, 3, u32(MOUNT) + u32(3) + u32(17) + u32(0), AUTH_NULL))
    t += 300
    udp(t, NAS, ESX, 111, 811, reply(0x6C1E0001, u32(20048)))
    t += 1000
    udp(t, ESX, NAS, 812, 20048, call(0x6C1E0002, MOUNT, 3, 5, b""))
    t += 500
    groups = u32(1) + string("10.10.10.0/24") + u32(0)
    udp(t, NAS, ESX, 20048, 812, reply(0x6C1E0002, u32(1) + string("/export/ds01") + groups + u32(0)))
    t += 1000
    udp(t, ESX, NAS, 812, 20048, call(0x6C1E0003, MOUNT, 3, 1, string("/export/ds01")))
    t += 800
    udp(t, NAS, ESX, 20048, 812, reply(0x6C1E0003, u32(0) + fh(ROOT_FH) + u32(1) + u32(1)))

    xid = 0x3A5B0000

    def nfs(proc: int, args: bytes, res: bytes, gap: int = 400) -> None:
        nonlocal xid
        xid += 1
        c(record(call(xid, NFS, 3, proc, args)))
        s(record(reply(xid, res)), gap)

    nfs(0, b"", b"")
    nfs(19, fh(ROOT_FH), u32(0) + post_op(DIR_ATTR) + u32(1048576) + u32(1048576) + u32(4096) + u32(1048576) + u32(1048576)
        + u32(4096) + u32(8192) + u64(0x7FFFFFFFFFFFFFFF) + nfstime(0, 1) + u32(0x1B))
    nfs(20, fh(ROOT_FH), u32(0) + post_op(DIR_ATTR) + u32(32000) + u32(255) + u32(1) + u32(1) + u32(0) + u32(1))
    nfs(18, fh(ROOT_FH), u32(0) + post_op(DIR_ATTR) + u64(2 * 1024 ** 4) + u64(1536 * 1024 ** 3) + u64(1536 * 1024 ** 3)
        + u64(67108864) + u64(67000000) + u64(67000000) + u32(0))
    nfs(3, fh(ROOT_FH) + string("vm01"), u32(0) + fh(VM_FH) + post_op(VM_ATTR) + post_op(DIR_ATTR))
    nfs(3, fh(VM_FH) + string("missing.vmdk"), u32(2) + post_op(VM_ATTR))
    nfs(3, fh(VM_FH) + string("vm01-flat.vmdk"), u32(0) + fh(VMDK_FH) + post_op(VMDK_ATTR) + u32(0))
    nfs(1, fh(VMDK_FH), u32(0) + VMDK_ATTR)
    nfs(4, fh(VMDK_FH) + u32(0x1F), u32(0) + post_op(VMDK_ATTR) + u32(0x1F))
    # READ whose reply is one record over two segments
    xid += 1
    c(record(call(xid, NFS, 3, 6, fh(VMDK_FH) + u64(0) + u32(4096))))
    data = bytes((i * 7) & 0xFF for i in range(4096))
    rep = record(reply(xid, u32(0) + post_op(VMDK_ATTR) + u32(4096) + u32(0) + opaque(data)))
    s(rep[:1448], 300)
    s(rep[1448:], 200)
    # WRITE (unstable) and COMMIT; the COMMIT is slow
    nfs(7, fh(VMDK_FH) + u64(8192) + u32(512) + u32(0) + opaque(bytes(range(256)) * 2),
        u32(0) + wcc(40 * 1024 ** 3, 1_699_990_060, VMDK_ATTR) + u32(512) + u32(0) + bytes.fromhex("5f3a2b1c00000001"), 900)
    nfs(21, fh(VMDK_FH) + u64(0) + u32(0),
        u32(0) + wcc(40 * 1024 ** 3, 1_699_990_060, VMDK_ATTR) + bytes.fromhex("5f3a2b1c00000001"), 150000)
    # CREATE (guarded, with a mode), SETATTR (size and both times), REMOVE
    sattr_mode = u32(1) + u32(0o644) + u32(0) + u32(0) + u32(0) + u32(0) + u32(0)
    nfs(8, fh(VM_FH) + string("vm01.lck") + u32(1) + sattr_mode,
        u32(0) + u32(1) + fh(LCK_FH) + post_op(LCK_ATTR) + wcc(4096, 1_699_990_000, VM_ATTR))
    sattr_size = u32(0) + u32(0) + u32(0) + u32(1) + u64(0) + u32(1) + u32(2) + nfstime(1_700_000_000, 5)
    nfs(2, fh(LCK_FH) + sattr_size + u32(0), u32(0) + wcc(0, 1_699_990_000, LCK_ATTR))
    nfs(12, fh(VM_FH) + string("vm01.lck"), u32(0) + wcc(4096, 1_699_990_000, VM_ATTR))
    # READDIRPLUS of the VM's directory: two entries, end of directory
    entries = (u32(1) + u64(0xBE01) + string(".") + u64(1) + post_op(VM_ATTR) + u32(1) + fh(VM_FH)
               + u32(1) + u64(0xC0FFEE) + string("vm01-flat.vmdk") + u64(2) + post_op(VMDK_ATTR) + u32(1) + fh(VMDK_FH) + u32(0) + u32(1))
    nfs(17, fh(VM_FH) + u64(0) + bytes(8) + u32(4096) + u32(32768),
        u32(0) + post_op(VM_ATTR) + bytes.fromhex("0000000000000002") + entries)
    # SETATTR of owner and group, atime from the client, mtime from the server; ACCESS with some
    # rights denied; errors (a stale handle, no space, permission, an existing name, a bad cookie)
    sattr_owner = u32(0) + u32(1) + u32(1000) + u32(1) + u32(1000) + u32(0) + u32(2) + nfstime(1_700_000_100, 7) + u32(1)
    nfs(2, fh(VMDK_FH) + sattr_owner + u32(1) + nfstime(1_699_990_061, 0), u32(1) + wcc(40 * 1024 ** 3, 1_699_990_060, VMDK_ATTR))
    nfs(4, fh(VM_FH) + u32(0x3F), u32(0) + post_op(VM_ATTR) + u32(0x03))
    nfs(1, fh(LCK_FH), u32(70))
    nfs(4, fh(LCK_FH) + u32(0x01), u32(70) + post_op(None))
    nfs(6, fh(LCK_FH) + u64(0) + u32(4096), u32(70) + post_op(None))
    nfs(7, fh(VMDK_FH) + u64(0) + u32(4) + u32(2) + opaque(b"abcd"), u32(28) + wcc(40 * 1024 ** 3, 1_699_990_060, VMDK_ATTR))
    nfs(21, fh(VMDK_FH) + u64(0) + u32(0), u32(5) + wcc(40 * 1024 ** 3, 1_699_990_060, VMDK_ATTR))
    nfs(8, fh(VM_FH) + string("vm01.vmx") + u32(0) + u32(0) * 6, u32(17) + wcc(4096, 1_699_990_000, VM_ATTR))
    nfs(8, fh(VM_FH) + string("vm01.vmx~") + u32(2) + bytes.fromhex("0102030405060708"), u32(0) + u32(0) + post_op(None) + wcc(4096, 1_699_990_000, VM_ATTR))
    nfs(12, fh(VM_FH) + string("gone.log"), u32(2) + wcc(4096, 1_699_990_000, VM_ATTR))
    nfs(17, fh(VM_FH) + u64(5) + bytes(8) + u32(4096) + u32(32768), u32(10003) + post_op(VM_ATTR))
    nfs(18, fh(LCK_FH), u32(70) + post_op(None))
    nfs(19, fh(LCK_FH), u32(70) + post_op(None))
    nfs(20, fh(LCK_FH), u32(70) + post_op(None))
    nfs(3, fh(VM_FH) + string(""), u32(2) + post_op(VM_ATTR))
    # the rest of NFS v3 as a datastore sees it: MKDIR, SYMLINK, READLINK, LINK, RENAME, READDIR, RMDIR
    sattr_dir = u32(1) + u32(0o755) + u32(0) + u32(0) + u32(0) + u32(0) + u32(0)
    nfs(9, fh(ROOT_FH) + string("vm02") + sattr_dir, u32(0) + u32(1) + fh(VM_FH) + post_op(VM_ATTR) + wcc(4096, 1_699_990_000, DIR_ATTR))
    nfs(9, fh(ROOT_FH) + string("vm01") + sattr_dir, u32(17) + wcc(4096, 1_699_990_000, DIR_ATTR))
    nfs(10, fh(VM_FH) + string("latest") + u32(0) * 6 + string("vm01-flat.vmdk"),
        u32(0) + u32(1) + fh(LCK_FH) + post_op(LCK_ATTR) + wcc(4096, 1_699_990_000, VM_ATTR))
    nfs(5, fh(LCK_FH), u32(0) + post_op(LCK_ATTR) + string("vm01-flat.vmdk"))
    nfs(15, fh(VMDK_FH) + fh(VM_FH) + string("hard.vmdk"), u32(0) + post_op(VMDK_ATTR) + wcc(4096, 1_699_990_000, VM_ATTR))
    nfs(14, fh(VM_FH) + string("vm01.vmx~") + fh(VM_FH) + string("vm01.vmx"),
        u32(0) + wcc(4096, 1_699_990_000, VM_ATTR) + wcc(4096, 1_699_990_000, VM_ATTR))
    nfs(16, fh(VM_FH) + u64(0) + bytes(8) + u32(8192),
        u32(0) + post_op(VM_ATTR) + bytes.fromhex("0000000000000003") + u32(1) + u64(0xBE01) + string(".") + u64(1)
        + u32(1) + u64(0xC0FFEE) + string("vm01-flat.vmdk") + u64(2) + u32(0) + u32(1))
    nfs(13, fh(ROOT_FH) + string("vm02"), u32(66) + wcc(4096, 1_699_990_000, DIR_ATTR))
    nfs(11, fh(VM_FH) + string("fifo") + u32(7) + sattr_dir, u32(0) + u32(1) + fh(LCK_FH) + post_op(LCK_ATTR) + wcc(4096, 1_699_990_000, VM_ATTR))
    nfs(11, fh(VM_FH) + string("tty0") + u32(3) + u32(0) * 6 + u32(4) + u32(64), u32(13) + wcc(4096, 1_699_990_000, VM_ATTR))
    nfs(14, fh(VM_FH) + string("a") + fh(ROOT_FH) + string("b"), u32(18) + wcc(4096, 1_699_990_000, VM_ATTR) + wcc(4096, 1_699_990_000, DIR_ATTR))
    # two calls in one segment, their replies in one segment
    x1, x2 = xid + 1, xid + 2
    xid += 2
    c(record(call(x1, NFS, 3, 1, fh(VM_FH))) + record(call(x2, NFS, 3, 4, fh(VM_FH) + u32(0x2D))))
    s(record(reply(x1, u32(0) + VM_ATTR)) + record(reply(x2, u32(0) + post_op(VM_ATTR) + u32(0x2D))), 600)
    # two READs in flight: the first reply and the start of the second in one segment, the rest
    # in the next; a WRITE call over three segments
    x1, x2 = xid + 1, xid + 2
    xid += 2
    c(record(call(x1, NFS, 3, 6, fh(VMDK_FH) + u64(65536) + u32(512))) + record(call(x2, NFS, 3, 6, fh(VMDK_FH) + u64(66048) + u32(512))))
    r2 = record(reply(x2, u32(0) + post_op(VMDK_ATTR) + u32(512) + u32(0) + opaque(bytes(512))))
    s(record(reply(x1, u32(0) + post_op(VMDK_ATTR) + u32(512) + u32(0) + opaque(bytes(range(256)) * 2))) + r2[:40], 700)
    s(r2[40:], 100)
    xid += 1
    big = record(call(xid, NFS, 3, 7, fh(VMDK_FH) + u64(1 << 20) + u32(3000) + u32(2) + opaque(bytes(3000))))
    c(big[:1448])
    c(big[1448:2896], 50)
    c(big[2896:], 50)
    s(record(reply(xid, u32(0) + wcc(40 * 1024 ** 3, 1_699_990_060, VMDK_ATTR) + u32(3000) + u32(2) + bytes.fromhex("5f3a2b1c00000001"))), 2500)
    # a second connection whose capture begins with a reply to a call it missed (no RPC for
    # packet-rpc.c's heuristic: TCP data), then a call and its reply
    t += 1000
    tcp(t, NAS, ESX, 2049, 861, record(reply(0x11110001, u32(0) + VM_ATTR)))
    t += 1000
    tcp(t, ESX, NAS, 861, 2049, record(call(0x22220001, NFS, 3, 1, fh(VM_FH))))
    t += 500
    tcp(t, NAS, ESX, 2049, 861, record(reply(0x22220001, u32(0) + VM_ATTR)))
    # GETATTR over UDP
    t += 3000
    udp(t, ESX, NAS, 859, 2049, call(0x3A5C0001, NFS, 3, 1, fh(ROOT_FH)))
    t += 700
    udp(t, NAS, ESX, 2049, 859, reply(0x3A5C0001, u32(0) + DIR_ATTR))
    # MOUNT's UMNT at the end
    t += 1000
    udp(t, ESX, NAS, 812, 20048, call(0x6C1E0004, MOUNT, 3, 3, string("/export/ds01")))
    t += 500
    udp(t, NAS, ESX, 20048, 812, reply(0x6C1E0004, b""))
    # damaged: a READ over UDP whose reply the capture cut at 200 bytes (snaplen), a GETATTR reply
    # whose attributes end early (the datagram is short), a call whose credentials claim more
    # bytes than it has
    t += 1000
    udp(t, ESX, NAS, 859, 2049, call(0x3A5C0002, NFS, 3, 6, fh(VMDK_FH) + u64(4096) + u32(1024)))
    t += 600
    udp(t, NAS, ESX, 2049, 859, reply(0x3A5C0002, u32(0) + post_op(VMDK_ATTR) + u32(1024) + u32(1) + opaque(bytes(1024))), snap=200)
    t += 1000
    udp(t, ESX, NAS, 859, 2049, call(0x3A5C0003, NFS, 3, 1, fh(VMDK_FH)))
    t += 500
    udp(t, NAS, ESX, 2049, 859, reply(0x3A5C0003, u32(0) + VMDK_ATTR[:50]))
    t += 1000
    udp(t, ESX, NAS, 859, 2049, call(0x3A5C0004, NFS, 3, 1, fh(VMDK_FH))[:40] + u32(1) + u32(400) + bytes(20))
    # cut by the capture: GETATTR calls and replies over UDP ending at every word (and inside a few)
    head = 42  # Ethernet, IPv4 and UDP headers
    # (below 16 bytes of a call or 8 of a reply packet-rpc.c cannot tell RPC, and UDP's other
    # heuristics take them; a call cut before its procedure keeps UDP's Info, which Decapod does not)
    for k in list(range(24, 100, 4)) + [26, 29]:
        t += 1000
        udp(t, ESX, NAS, 860, 2049, call(0x3A5D0000 + k, NFS, 3, 1, fh(VMDK_FH)), snap=head + k)
    for k in list(range(8, 112, 4)) + [10, 30, 45, 101]:
        t += 1000
        udp(t, ESX, NAS, 860, 2049, call(0x3A5E0000 + k, NFS, 3, 1, fh(VMDK_FH)))
        t += 300
        udp(t, NAS, ESX, 2049, 860, reply(0x3A5E0000 + k, u32(0) + VMDK_ATTR), snap=head + k)

    out = bytearray(struct.pack("<IHHiIII", 0xA1B2C3D4, 2, 4, 0, 0, 65535, 1))
    for usec, f, snap in frames:
        cap = f[:snap] if snap else f
        out += struct.pack("<IIII", START + usec // 1_000_000, usec % 1_000_000, len(cap), len(f)) + cap
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(bytes(out))


if __name__ == "__main__":
    main()
