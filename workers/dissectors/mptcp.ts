// Multipath TCP's option (TCP option kind 30, RFC 8684 section 3) and the [MPTCP analysis] of its
// subflows, as packet-tcp.c 4.0 shows them (dissect_tcpopt_mptcp, mptcp_add_analysis_subtree):
// every subtype's fields, the token and expected IDSN Wireshark derives from a key (SHA-256 of
// it, RFC 8684 section 3.1), data ACKs and sequence numbers relative to the IDSN of the host
// whose data they count, and per segment the MPTCP connection its stream belongs to.
//
//    0                   1                   2                   3
//   +---------------+---------------+-------+-----------------------+
//   |     Kind      |    Length     |Subtype|                       |
//   +---------------+---------------+-------+                       |
//   |                     Subtype-specific data                     |

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { EF } from '../fields/field-list.ts';
import { sha256 } from '../crypto/sha256.ts';
import { perCapture } from '../analysis/per-capture.ts';
import { MptcpState, type MptcpMeta } from '../analysis/mptcp-state.ts';
import { Group, Severity, expertAt, registerExperts } from './expert.ts';
import { setFlagNames } from './flag-names.ts';
import type { Ctx } from './context.ts';

const SUBTYPES = names([
  [0, 'Multipath Capable'], [1, 'Join Connection'], [2, 'Data Sequence Signal'], [3, 'Add Address'],
  [4, 'Remove Address'], [5, 'Change Subflow Priority'], [6, 'TCP Fallback'], [7, 'Fast Close'],
  [8, 'TCP Reset'], [15, 'Private Use'],
]);

const RST_REASONS = names([
  [0, 'Unspecified TCP error'], [1, 'MPTCP specific error'], [2, 'Lack of resources'],
  [3, 'Administratively prohibited'], [4, 'Too much outstanding data'], [5, 'Unacceptable performance'],
  [6, 'Middlebox interference'],
]);

const u64 = (name: string, label: string) => ({ name, label, type: FT.UINT, bits: 64 }) as const;
const flag = (name: string, label: string, mask: number) => ({ name, label, type: FT.UINT, bits: 8, mask }) as const;
const bool4 = (name: string, label: string, mask: number) => ({ name, label, type: FT.BOOLEAN, bits: 4, mask, tf: ['Set', 'Not set'] as const }) as const;

export const M = registerFields({
  mptcp: { name: 'mptcp', label: 'Multipath Transmission Control Protocol', type: FT.PROTOCOL },
  subtype: { name: 'tcp.options.mptcp.subtype', label: 'Multipath TCP subtype', type: FT.UINT, bits: 8, mask: 0xf0, names: SUBTYPES },
  version: { name: 'tcp.options.mptcp.version', label: 'Multipath TCP version', type: FT.UINT, bits: 8, mask: 0x0f },
  reserved: { name: 'tcp.options.mptcp.reserved', label: 'Reserved', type: FT.UINT, base: Base.HEX, bits: 16, mask: 0x0fff },
  flags: { name: 'tcp.options.mptcp.flags', label: 'Multipath TCP flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  backup: flag('tcp.options.mptcp.backup.flag', 'Backup flag', 0x01),
  checksumReq: flag('tcp.options.mptcp.checksumreq.flags', 'Checksum required', 0x80),
  extensibility: flag('tcp.options.mptcp.extensibility.flag', 'Extensibility', 0x40),
  noMoreSubflows: flag('tcp.options.mptcp.nomoresubflows.flag', 'Do not attempt to establish new subflows to this address and port', 0x20),
  sha1: flag('tcp.options.mptcp.sha1.flag', 'Use HMAC-SHA1', 0x01),
  sha256: flag('tcp.options.mptcp.sha256.flag', 'Use HMAC-SHA256', 0x01),
  capableReserved: { name: 'tcp.options.mptcp.reserved.flag', label: 'Reserved', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x1e },
  dataFin: flag('tcp.options.mptcp.datafin.flag', 'DATA_FIN', 0x10),
  dsn8: flag('tcp.options.mptcp.dseqn8.flag', 'Data Sequence Number is 8 octets', 0x08),
  dsnPresent: flag('tcp.options.mptcp.dseqnpresent.flag', 'Data Sequence Number, Subflow Sequence Number, Data-level Length, Checksum present', 0x04),
  ack8: flag('tcp.options.mptcp.dataack8.flag', 'Data ACK is 8 octets', 0x02),
  ackPresent: flag('tcp.options.mptcp.dataackpresent.flag', 'Data ACK is present', 0x01),
  flagU: bool4('tcp.options.mptcp.flag_U.flag', 'Flag U', 0x8),
  flagV: bool4('tcp.options.mptcp.flag_V.flag', 'Flag V', 0x4),
  flagW: bool4('tcp.options.mptcp.flag_W.flag', 'Flag W', 0x2),
  transient: bool4('tcp.options.mptcp.flag_T.flag', 'Transient', 0x1),
  rstReason: { name: 'tcp.options.mptcp.rst_reason', label: 'TCPRST Reason', type: FT.UINT, base: Base.HEX, bits: 8, names: RST_REASONS },
  addrId: { name: 'tcp.options.mptcp.addrid', label: 'Address ID', type: FT.UINT, bits: 8 },
  sendKey: u64('tcp.options.mptcp.sendkey', "Sender's Key"),
  recvKey: u64('tcp.options.mptcp.recvkey', "Receiver's Key"),
  recvToken: { name: 'tcp.options.mptcp.recvtok', label: "Receiver's Token", type: FT.UINT },
  sendRand: { name: 'tcp.options.mptcp.sendrand', label: "Sender's Random Number", type: FT.UINT },
  sendTruncHmac: u64('tcp.options.mptcp.sendtrunchmac', "Sender's Truncated HMAC"),
  sendHmac: { name: 'tcp.options.mptcp.sendhmac', label: "Sender's HMAC", type: FT.BYTES },
  addAddrHmac: u64('tcp.options.mptcp.addaddrtrunchmac', 'Truncated HMAC'),
  rawAck: u64('tcp.options.mptcp.rawdataack', 'Original MPTCP Data ACK'),
  rawDsn: u64('tcp.options.mptcp.rawdataseqno', 'Data Sequence Number'),
  ssn: { name: 'tcp.options.mptcp.subflowseqno', label: 'Subflow Sequence Number', type: FT.UINT },
  dataLen: { name: 'tcp.options.mptcp.datalvllen', label: 'Data-level Length', type: FT.UINT, bits: 16 },
  checksum: { name: 'tcp.options.mptcp.checksum', label: 'Checksum', type: FT.UINT, base: Base.HEX, bits: 16 },
  ipver: { name: 'tcp.options.mptcp.ipver', label: 'IP version', type: FT.UINT, bits: 8, mask: 0x0f },
  echo: flag('tcp.options.mptcp.echo', 'Echo', 0x01),
  ipv4: { name: 'tcp.options.mptcp.ipv4', label: 'Advertised IPv4 Address', type: FT.IPV4 },
  ipv6: { name: 'tcp.options.mptcp.ipv6', label: 'Advertised IPv6 Address', type: FT.IPV6 },
  port: { name: 'tcp.options.mptcp.port', label: 'Advertised port', type: FT.UINT, bits: 16 },
  ack: u64('mptcp.ack', 'Multipath TCP Data ACK'),
  dssDsn: u64('mptcp.dss.dsn', 'DSS Data Sequence Number'),
  expectedIdsn: u64('mptcp.expected_idsn', 'Subflow expected IDSN'),
  expectedToken: { name: 'mptcp.expected_token', label: 'Subflow token generated from key', type: FT.UINT },
  rmCount: { name: 'mptcp.rm_addr.count', label: 'Number of removed addresses', type: FT.UINT, bits: 8 },
  analysis: { name: 'mptcp.analysis', label: 'MPTCP analysis', type: FT.NONE },
  master: { name: 'mptcp.master', label: 'Master flow', type: FT.BOOLEAN },
  stream: { name: 'mptcp.stream', label: 'Stream index', type: FT.UINT },
  subflows: { name: 'mptcp.analysis.subflows', label: 'TCP subflow stream id(s)', type: FT.STRING },
  subflowStream: { name: 'mptcp.analysis.subflows_stream', label: 'Subflow stream', type: FT.UINT },
});

const X = registerExperts({
  infiniteMapping: { name: 'mptcp.dss.infinite_mapping', msg: 'Fallback to infinite mapping', severity: Severity.WARN, group: Group.PROTOCOL },
  echoedKeyMismatch: { name: 'mptcp.connection.echoed_key_mismatch', msg: 'The echoed key in the ACK of the MPTCP handshake does not match the key of the SYN/ACK', severity: Severity.WARN, group: Group.PROTOCOL },
});

const Subtype = { CAPABLE: 0, JOIN: 1, DSS: 2, ADD_ADDR: 3, REMOVE_ADDR: 4, PRIO: 5, FAIL: 6, FASTCLOSE: 7, TCPRST: 8 } as const;
const DSS_ACK = 0x01;
const DSS_ACK8 = 0x02;
const DSS_MAPPING = 0x04;
const DSS_DSN8 = 0x08;

const state = perCapture(() => new MptcpState());

/** The TCP stream and flow (stream * 2 + direction) of the segment whose options are being read;
 *  set by the TCP dissector (-1: none). */
export const segment = { stream: -1, flow: -1 };

/** A 64-bit value: the number (rounded past 2^53) for filters, its exact digits in the line. */
function add64(c: Ctx, id: number, o: number, n: number, v: bigint, suffix = '', flags = 0): number {
  const f = c.f;
  if (!c.wants(id)) return -1;
  const item = f.addStr(id, o, n, v.toString(), flags);
  if (suffix !== '' && f.wanted === null) f.appendLabel(item, suffix);
  return item;
}

/** RFC 8684 section 3.1: the token is the most significant 32 bits of SHA-256(key), the IDSN the
 *  least significant 64 bits. */
function derive(key: bigint): [number, bigint] {
  const k = new Uint8Array(8);
  new DataView(k.buffer).setBigUint64(0, key);
  const h = new DataView(sha256(k).buffer);
  return [h.getUint32(0), h.getBigUint64(24)];
}

/** mptcp_convert_dsn with relative numbers (Wireshark's default): needs the meta's key. */
function relative(meta: MptcpMeta | undefined, raw: bigint, widen: boolean): bigint | null {
  if (meta === undefined || !meta.hasKey) return null;
  const v = widen ? (meta.idsn & 0xffffffff00000000n) | raw : raw;
  return BigInt.asUintN(64, v - meta.idsn);
}

/** The option at `o`, `len` bytes (>= 2, all captured); `kindId` and `lenId` are the TCP options'
 *  Kind and Length fields. */
export function dissectMptcp(c: Ctx, o: number, len: number, kindId: number, lenId: number): void {
  const f = c.f;
  const full = f.wanted === null;
  // dissect_tcpopt_mptcp: col_set_str(COL_PROTOCOL, "MPTCP"), until a payload protocol sets its own
  c.colProtocol = 'MPTCP';
  const item = f.add(M.mptcp, o, len);
  f.push(item);
  f.add(kindId, o, 1, 30);
  f.add(lenId, o + 1, 1, len);
  if (len < 3) {
    f.pop();
    return;
  }
  const b2 = c.u8(o + 2);
  const subtype = b2 >> 4;
  f.add(M.subtype, o + 2, 1, subtype);
  if (item >= 0) f.label(item, `Multipath Transmission Control Protocol: ${SUBTYPES.get(subtype) ?? `Unknown (${subtype})`}`);
  const st = segment.stream >= 0 && c.firstPass ? state(c) : null;
  // every option puts its stream in an MPTCP connection (mptcp_alloc_analysis) but a joining SYN,
  // whose token names the connection
  const joining = subtype === Subtype.JOIN && len === 12;
  if (st !== null && !joining) st.ensure(segment.stream);
  const end = o + len;
  const has = (at: number, n: number): boolean => at + n <= end;
  switch (subtype) {
    case Subtype.CAPABLE: {
      const version = b2 & 0x0f;
      f.add(M.version, o + 2, 1, version);
      if (!has(o + 3, 1)) break;
      const fl = c.u8(o + 3);
      f.push(f.add(M.flags, o + 3, 1, fl));
      f.add(M.checksumReq, o + 3, 1, fl >> 7);
      f.add(M.extensibility, o + 3, 1, (fl >> 6) & 1);
      if (version === 1) {
        f.add(M.noMoreSubflows, o + 3, 1, (fl >> 5) & 1);
        f.add(M.sha256, o + 3, 1, fl & 1);
        f.add(M.capableReserved, o + 3, 1, (fl >> 1) & 0x0f);
      } else f.add(M.sha1, o + 3, 1, fl & 1);
      f.pop();
      if (len >= 12 && has(o + 4, 8)) {
        const key = c.u64(o + 4);
        add64(c, M.sendKey, o + 4, 8, key);
        const meta = st !== null ? st.key(segment.stream, segment.flow, key, derive) : segment.flow >= 0 ? state(c).meta(segment.flow) : undefined;
        const [token, idsn] = meta?.hasKey ? [meta.token, meta.idsn] : derive(key);
        f.add(M.expectedToken, o + 12, 0, token, EF.GENERATED);
        add64(c, M.expectedIdsn, o + 12, 0, idsn, ' (64bits version)', EF.GENERATED);
      }
      if (len >= 20 && has(o + 12, 8)) {
        const recv = c.u64(o + 12);
        add64(c, M.recvKey, o + 12, 8, recv);
        if (st !== null) {
          const rev = st.meta(segment.flow ^ 1);
          if (rev === undefined || !rev.hasKey) st.key(segment.stream, segment.flow ^ 1, recv, derive);
        }
      }
      if (len >= 22 && has(o + 20, 2)) f.add(M.dataLen, o + 20, 2, c.u16(o + 20));
      if (len >= 24 && has(o + 22, 2)) f.add(M.checksum, o + 22, 2, c.u16(o + 22));
      break;
    }
    case Subtype.JOIN:
      // (the flags are read from the subtype's byte, whose low bit is the backup flag)
      if (joining && has(o + 2, 10)) {
        joinFlags(c, o + 2);
        f.add(M.addrId, o + 3, 1, c.u8(o + 3));
        const token = c.u32(o + 4);
        f.add(M.recvToken, o + 4, 4, token);
        f.add(M.sendRand, o + 8, 4, c.u32(o + 8));
        if (st !== null) st.join(segment.stream, segment.flow, token);
      } else {
        if (len === 16 && has(o + 2, 14)) {
          joinFlags(c, o + 2);
          f.add(M.addrId, o + 3, 1, c.u8(o + 3));
          add64(c, M.sendTruncHmac, o + 4, 8, c.u64(o + 4));
          f.add(M.sendRand, o + 12, 4, c.u32(o + 12));
        } else if (len === 24 && has(o + 2, 22)) {
          f.add(M.reserved, o + 2, 2, c.u16(o + 2) & 0x0fff);
          f.add(M.sendHmac, o + 4, 20);
        }
      }
      break;
    case Subtype.DSS:
      dss(c, o, len);
      break;
    case Subtype.ADD_ADDR: {
      // version 0 (RFC 6824) has the IP version in the low bits, version 1 (RFC 8684) the Echo flag
      const low = b2 & 0x0f;
      if (low === 4 || low === 6) f.add(M.ipver, o + 2, 1, low);
      else f.add(M.echo, o + 2, 1, low & 1);
      if (!has(o + 3, 1)) break;
      f.add(M.addrId, o + 3, 1, c.u8(o + 3));
      let at = o + 4;
      if ((len === 8 || len === 10 || len === 16 || len === 18) && has(at, 4)) {
        f.add(M.ipv4, at, 4);
        at += 4;
      } else if ((len === 20 || len === 22 || len === 28 || len === 30) && has(at, 16)) {
        f.add(M.ipv6, at, 16);
        at += 16;
      }
      if (len % 4 === 2 && has(at, 2)) {
        f.add(M.port, at, 2, c.u16(at));
        at += 2;
      }
      if ((len === 16 || len === 18 || len === 28 || len === 30) && has(at, 8)) add64(c, M.addAddrHmac, at, 8, c.u64(at));
      break;
    }
    case Subtype.REMOVE_ADDR:
      f.add(M.rmCount, o + 2, 1, len - 3, EF.GENERATED);
      for (let at = o + 3; at < end; at++) f.add(M.addrId, at, 1, c.u8(at));
      break;
    case Subtype.PRIO:
      joinFlags(c, o + 2);
      if (len === 4 && has(o + 3, 1)) f.add(M.addrId, o + 3, 1, c.u8(o + 3));
      break;
    case Subtype.FAIL:
    case Subtype.FASTCLOSE:
      if (!has(o + 2, 2)) break;
      f.add(M.reserved, o + 2, 2, c.u16(o + 2) & 0x0fff);
      if (has(o + 4, 8)) add64(c, subtype === Subtype.FAIL ? M.rawDsn : M.recvKey, o + 4, 8, c.u64(o + 4));
      break;
    case Subtype.TCPRST: {
      const fl = b2 & 0x0f;
      const flagsItem = f.add(M.flags, o + 2, 1, b2);
      if (full) f.appendLabel(flagsItem, setFlagNames([M.flagU, M.flagV, M.flagW, M.transient], fl));
      f.push(flagsItem);
      f.add(M.flagU, o + 2, 1, (fl >> 3) & 1);
      f.add(M.flagV, o + 2, 1, (fl >> 2) & 1);
      f.add(M.flagW, o + 2, 1, (fl >> 1) & 1);
      f.add(M.transient, o + 2, 1, fl & 1);
      f.pop();
      if (has(o + 3, 1)) f.add(M.rstReason, o + 3, 1, c.u8(o + 3));
      break;
    }
    default:
      break;
  }
  f.pop();
}

/** The flags of MP_JOIN and MP_PRIO: the whole byte, of which only the backup flag is named. */
function joinFlags(c: Ctx, at: number): void {
  const f = c.f;
  const v = c.u8(at);
  f.push(f.add(M.flags, at, 1, v));
  f.add(M.backup, at, 1, v & 1);
  f.pop();
}

/** DSS: data ACK and mapping, raw and relative (to the IDSN of the host whose data they count). */
function dss(c: Ctx, o: number, len: number): void {
  const f = c.f;
  const end = o + len;
  let at = o + 3;
  if (at >= end) return;
  const fl = c.u8(at) & 0x1f;
  f.push(f.add(M.flags, at, 1, c.u8(at)));
  f.add(M.dataFin, at, 1, (fl >> 4) & 1);
  f.add(M.dsn8, at, 1, (fl >> 3) & 1);
  f.add(M.dsnPresent, at, 1, (fl >> 2) & 1);
  f.add(M.ack8, at, 1, (fl >> 1) & 1);
  f.add(M.ackPresent, at, 1, fl & 1);
  f.pop();
  at++;
  const st = segment.flow >= 0 ? state(c) : null;
  if (fl & DSS_ACK) {
    const wide = (fl & DSS_ACK8) !== 0;
    const n = wide ? 8 : 4;
    if (at + n > end) return;
    const raw = wide ? c.u64(at) : BigInt(c.u32(at));
    add64(c, M.rawAck, at, n, raw, wide ? ' (64bits)' : '');
    at += n;
    const rel = relative(st?.meta(segment.flow ^ 1), raw, !wide);
    if (rel !== null) add64(c, M.ack, 0, 0, rel, ' (Relative)', EF.GENERATED);
  }
  if (fl & DSS_MAPPING) {
    const wide = (fl & DSS_DSN8) !== 0;
    const n = wide ? 8 : 4;
    if (at + n + 6 > end) return;
    const raw = wide ? c.u64(at) : BigInt(c.u32(at));
    add64(c, M.rawDsn, at, n, raw, wide ? '  (64bits version)' : '  (32bits version)');
    at += n;
    f.add(M.ssn, at, 4, c.u32(at));
    at += 4;
    const dataLen = c.u16(at);
    f.add(M.dataLen, at, 2, dataLen);
    at += 2;
    if (dataLen === 0) expertAt(c, -1, X.infiniteMapping);
    // (packet-tcp.c widens the sequence number by the data ACK's size flag, not its own)
    const rel = relative(st?.meta(segment.flow), raw, (fl & DSS_ACK8) === 0);
    if (rel !== null) add64(c, M.dssDsn, 0, 0, rel, ' (Relative)', EF.GENERATED);
    if (len >= at - o + 4) f.add(M.checksum, at, 2, c.u16(at));
  }
}

/** The [MPTCP analysis] subtree of a segment of `stream`, if the stream belongs to an MPTCP
 *  connection. */
export function addMptcpAnalysis(c: Ctx, stream: number): void {
  if (stream < 0) return;
  const st = state(c);
  if (st.empty) return;
  const conn = st.connection(stream);
  if (conn === undefined) return;
  const f = c.f;
  f.push(f.add(M.analysis, 0, 0, 0, EF.GENERATED));
  const master = f.add(M.master, 0, 0, conn.master === stream ? 1 : 0, EF.GENERATED);
  if (conn.master >= 0 && f.wanted === null) f.setText(master, `Master flow: Master is tcp stream ${conn.master}`);
  f.add(M.stream, 0, 0, conn.index, EF.GENERATED);
  for (const s of conn.subflows) f.add(M.subflowStream, 0, 0, s, EF.GENERATED | EF.HIDDEN);
  f.addStr(M.subflows, 0, 0, conn.subflows.map((s) => `${s} `).join(''), EF.GENERATED);
  f.pop();
}
