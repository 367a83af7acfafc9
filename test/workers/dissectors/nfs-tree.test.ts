// ONC-RPC, NFS v3, MOUNT v3 and the portmapper against tshark: test/fixtures/nfs/nfs-cases.pcap
// (written by scripts/make-nfs-capture.py) holds an ESXi host mounting a datastore (GETPORT for
// MOUNT, EXPORT, MNT and UMNT over UDP, MOUNT on the port the portmapper gave, found by RPC's
// heuristic), then on one TCP connection to port 2049 NULL, FSINFO, PATHCONF, FSSTAT, LOOKUP
// (found, missing, an empty name), GETATTR, ACCESS (granted, partly denied), READ with its reply
// split over two segments, WRITE (unstable, file_sync, a call over three segments) and COMMIT
// (0.15 s: `rpc.time > 0.1`), CREATE (guarded with a mode, unchecked, exclusive), SETATTR (size
// and times, owner and group with a guard), REMOVE, READDIRPLUS, MKDIR, SYMLINK, READLINK, LINK,
// RENAME, READDIR, RMDIR, MKNOD (a pipe, a device), errors of every procedure, two calls in one
// segment and their replies in one, two replies where the second starts in the first's segment; a
// second connection that begins with a reply to a call the capture missed ("Continuation", as
// tshark -2 shows it); GETATTR over UDP 2049; damaged packets (a READ reply cut by the snaplen,
// attributes cut short, credentials longer than the datagram) and GETATTR calls and replies cut at
// every word. nfs-lines.json beside it is tshark 4.0.17's reading (scripts/make-layer-lines.py nfs).
import { describe, expect, it } from 'vitest';
import { expectColumns, expectFilters, expectLayers, openFixture, readFixture } from './layer-fixture.ts';

const WANT = readFixture('nfs');
const TITLES = ['Remote Procedure Call', 'Network File System', 'Mount Service', 'Portmap', '[2 Reassembled TCP', '[3 Reassembled TCP',
  '[Malformed Packet', '[Packet size limited'];

describe('ONC-RPC and NFS v3, as tshark shows them', () => {
  it('line for line on every frame (credentials, record marks, call/reply matching, rpc.time, fattr3, wcc_data, sattr3, cuts)', async () => {
    const { s, packets } = await openFixture('nfs', 'nfs-cases.pcap');
    expect(packets).toBe(193);
    await expectLayers(s, packets, WANT, TITLES);
  });

  it('Protocol, Info ("V3 READ Call (Reply In 27), FH: 0x1b66c85b Offset: 0 Len: 4096", "  ; " between records) and frame.protocols as tshark fills them', async () => {
    const { s, packets } = await openFixture('nfs', 'nfs-cases.pcap');
    await expectColumns(s, packets, WANT);
  });

  it('display filters on its fields keep the frames tshark keeps', async () => {
    const { s } = await openFixture('nfs', 'nfs-cases.pcap');
    expect(Object.keys(WANT.filters).length).toBe(30);
    await expectFilters(s, WANT);
  });
});
