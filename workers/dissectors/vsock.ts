// Linux vsockmon, LINKTYPE_VSOCK (271) (https://www.tcpdump.org/linktypes/LINKTYPE_VSOCK.html,
// include/uapi/linux/vsockmon.h; Wireshark packet-vsock.c). All fields little-endian.
//
//   0 src_cid (8)   8 dst_cid (8)   16 src_port (4)   20 dst_port (4)
//   24 op (2)   26 transport (2)   28 transport header length (2)   30 reserved (2)   32
//   then the transport header (virtio: 44 bytes, struct virtio_vsock_hdr), then the payload.
// Frames shorter than the 32-byte header are not vsock to Wireshark (the dissector declines them,
// and the frame shows as data).

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import { dissectData } from './data.ts';
import { bind, registerDissector } from './tables.ts';

const SRC_CID = 0;
const DST_CID = 8;
const SRC_PORT = 16;
const DST_PORT = 20;
const OP = 24;
const TRANS = 26;
const TRANS_LEN = 28;
const RESERVED = 30;
export const VSOCK_HEADER_LEN = RESERVED + 2;
const AF_VSOCK_T_VIRTIO = 2;
const VIRTIO_HEADER_LEN = 44;

export const F = registerFields({
  vsock: { name: 'vsock', label: 'vSocket', type: FT.PROTOCOL },
  srcCid: { name: 'vsock.src_cid', label: 'Source cid', type: FT.UINT, bits: 64 },
  dstCid: { name: 'vsock.dst_cid', label: 'Destination cid', type: FT.UINT, bits: 64 },
  srcPort: { name: 'vsock.src_port', label: 'Source port', type: FT.UINT, bits: 32 },
  dstPort: { name: 'vsock.dst_port', label: 'Destination port', type: FT.UINT, bits: 32 },
  op: { name: 'vsock.op', label: 'Operation', type: FT.UINT, bits: 16, names: names([[0, 'Unknown'], [1, 'Connect'], [2, 'Disconnect'], [3, 'Control'], [4, 'Payload']]) },
  trans: { name: 'vsock.trans', label: 'Transport', type: FT.UINT, bits: 16, names: names([[0, 'Unknown'], [1, 'No info'], [2, 'Virtio']]) },
  transLen: { name: 'vsock.trans_len', label: 'Transport length', type: FT.UINT, bits: 16 },
  reserved: { name: 'vsock.reserved', label: 'Reserved', type: FT.BYTES },
  payload: { name: 'vsock.payload', label: 'Payload', type: FT.BYTES },
  virtioSrcCid: { name: 'vsock.virtio.src_cid', label: 'Source cid', type: FT.UINT, bits: 64 },
  virtioDstCid: { name: 'vsock.virtio.dst_cid', label: 'Destination cid', type: FT.UINT, bits: 64 },
  virtioSrcPort: { name: 'vsock.virtio.src_prot', label: 'Source port', type: FT.UINT, bits: 32 },
  virtioDstPort: { name: 'vsock.virtio.dst_prot', label: 'Destination port', type: FT.UINT, bits: 32 },
  virtioLen: { name: 'vsock.virtio.len', label: 'Length', type: FT.UINT, bits: 32 },
  virtioType: { name: 'vsock.virtio.type', label: 'Type', type: FT.UINT, bits: 16, names: names([[1, 'Stream']]) },
  virtioOp: { name: 'vsock.virtio.op', label: 'Operation', type: FT.UINT, bits: 16, names: names([[0, 'Invalid'], [1, 'Request'], [2, 'Response'], [3, 'Rst'], [4, 'Shutdown'], [5, 'RW'], [6, 'Credit update'], [7, 'Credit response']]) },
  virtioFlags: { name: 'vsock.virtio.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 32 },
  virtioBufAlloc: { name: 'vsock.virtio.buf_alloc', label: 'Buf alloc', type: FT.UINT, bits: 32 },
  virtioFwdCnt: { name: 'vsock.virtio.fwd_cnt', label: 'Fwd cnt', type: FT.UINT, bits: 32 },
});

/** Add a little-endian unsigned field of 2, 4 or 8 bytes (bounds-checked); returns it or -1. */
function le(c: Ctx, id: number, o: number, n: number, end: number): number {
  if (!c.has(o, n, end)) return -1;
  const b = c.b;
  let v = 0;
  for (let i = n - 1; i >= 0; i--) v = v * 256 + (b[o + i] as number);
  c.f.add(id, o, n, v);
  return v;
}

export function dissectVsock(c: Ctx, off: number, end: number): void {
  const f = c.f;
  if (end - off < VSOCK_HEADER_LEN) {
    c.call(dissectData, off, end);
    return;
  }
  c.proto(F.vsock, off, end);
  le(c, F.srcCid, off + SRC_CID, 8, end);
  le(c, F.dstCid, off + DST_CID, 8, end);
  le(c, F.srcPort, off + SRC_PORT, 4, end);
  le(c, F.dstPort, off + DST_PORT, 4, end);
  le(c, F.op, off + OP, 2, end);
  const trans = le(c, F.trans, off + TRANS, 2, end);
  const transLen = le(c, F.transLen, off + TRANS_LEN, 2, end);
  c.field(F.reserved, off + RESERVED, 2, end);
  if (c.stop) return;
  let o = off + VSOCK_HEADER_LEN;
  if (trans === AF_VSOCK_T_VIRTIO) {
    // The subtree item spans the 44-byte header, so a shorter one stops the frame before its fields.
    if (!c.has(o, VIRTIO_HEADER_LEN, end)) return;
    f.push(f.text(o, VIRTIO_HEADER_LEN, 'Virtio transport header'));
    le(c, F.virtioSrcCid, o, 8, end);
    le(c, F.virtioDstCid, o + 8, 8, end);
    le(c, F.virtioSrcPort, o + 16, 4, end);
    le(c, F.virtioDstPort, o + 20, 4, end);
    le(c, F.virtioLen, o + 24, 4, end);
    le(c, F.virtioType, o + 28, 2, end);
    le(c, F.virtioOp, o + 30, 2, end);
    le(c, F.virtioFlags, o + 32, 4, end);
    le(c, F.virtioBufAlloc, o + 36, 4, end);
    le(c, F.virtioFwdCnt, o + 40, 4, end);
    f.pop();
  }
  o = off + VSOCK_HEADER_LEN + transLen;
  // "Payload (6B)" (packet-vsock.c shows the length, not the bytes)
  if (end - o > 0 && c.field(F.payload, o, end - o, end) && c.f.wanted === null) c.f.setText(c.f.last, `Payload (${end - o}B)`);
  f.pop();
}

registerDissector('vsock', dissectVsock);
bind('wtap_encap', 271, 'vsock');
