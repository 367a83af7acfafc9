// BFD, Bidirectional Forwarding Detection (RFC 5880/5881/5883; Wireshark 4.0's packet-bfd.c): the
// sub-second liveness checks a BGP fabric runs on its links (UDP 3784, multihop 4784) and NSX-T
// runs between its tunnel endpoints inside Geneve. A control message shows its version,
// diagnostic, session state, flags, detection multiplier (with the detection time it makes),
// discriminators and intervals ("Desired Min TX Interval:  300 ms (300000 us)"), and its
// authentication section; Info reads "Diag: No Diagnostic, State: Up, Flags: 0x18". Echo packets
// (UDP 3785) are the sender's own bytes.

import { Base, FT, fieldById, names, registerFields } from '../fields/registry.ts';
import { bitPattern } from '../fields/format.ts';
import { asciiText } from './ascii.ts';
import type { Ctx } from './context.ts';
import { Group, Severity, expertLine, registerExperts } from './expert.ts';
import { bind, registerDissector } from './tables.ts';

const SET = ['Set', 'Not set'] as const;
const flag = (key: string, label: string, bits: number, mask: number) =>
  ({ name: `bfd.flags.${key}`, label, type: FT.BOOLEAN, bits, mask, tf: SET }) as const;
const interval = (key: string, label: string) => ({ name: `bfd.${key}`, label, type: FT.UINT, bits: 32 }) as const;

const F = registerFields({
  bfd: { name: 'bfd', label: 'Bidirectional Forwarding Detection Control Message', type: FT.PROTOCOL },
  version: { name: 'bfd.version', label: 'Protocol Version', type: FT.UINT, bits: 8, mask: 0xe0 },
  diag: { name: 'bfd.diag', label: 'Diagnostic Code', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0x1f, names: names([
    [0, 'No Diagnostic'], [1, 'Control Detection Time Expired'], [2, 'Echo Function Failed'], [3, 'Neighbor Signaled Session Down'],
    [4, 'Forwarding Plane Reset'], [5, 'Path Down'], [6, 'Concatenated Path Down'], [7, 'Administratively Down'],
    [8, 'Reverse Concatenated Path Down'], [9, 'Mis-Connectivity Defect']]) },
  state: { name: 'bfd.sta', label: 'Session State', type: FT.UINT, base: Base.HEX, bits: 8, mask: 0xc0, names: names([[0, 'AdminDown'], [1, 'Down'], [2, 'Init'], [3, 'Up']]) },
  flags: { name: 'bfd.flags', label: 'Message Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  // version 1's six flags below the state, shown 6 bits wide as packet-bfd.c registers them; version 0's four
  poll: flag('p', 'Poll', 6, 0x20),
  final: flag('f', 'Final', 6, 0x10),
  cpi: flag('c', 'Control Plane Independent', 6, 0x08),
  auth: flag('a', 'Authentication Present', 6, 0x04),
  demand: flag('d', 'Demand', 6, 0x02),
  multipoint: flag('m', 'Multipoint', 6, 0x01),
  hearYou: flag('h', 'I hear you', 8, 0x80),
  multiplier: { name: 'bfd.detect_time_multiplier', label: 'Detect Time Multiplier', type: FT.UINT, bits: 8 },
  length: { name: 'bfd.message_length', label: 'Message Length', type: FT.UINT, bits: 8, unit: (v: number) => (v === 1 ? ' byte' : ' bytes') },
  myDisc: { name: 'bfd.my_discriminator', label: 'My Discriminator', type: FT.UINT, base: Base.HEX, bits: 32 },
  yourDisc: { name: 'bfd.your_discriminator', label: 'Your Discriminator', type: FT.UINT, base: Base.HEX, bits: 32 },
  minTx: interval('desired_min_tx_interval', 'Desired Min TX Interval'),
  minRx: interval('required_min_rx_interval', 'Required Min RX Interval'),
  minEcho: interval('required_min_echo_interval', 'Required Min Echo Interval'),
  authType: { name: 'bfd.auth.type', label: 'Authentication Type', type: FT.UINT, bits: 8, names: names([
    [1, 'Simple Password'], [2, 'Keyed MD5'], [3, 'Meticulous Keyed MD5'], [4, 'Keyed SHA1'], [5, 'Meticulous Keyed SHA1']]) },
  authLen: { name: 'bfd.auth.len', label: 'Authentication Length', type: FT.UINT, bits: 8, unit: (v: number) => (v === 1 ? ' byte' : ' bytes') },
  authKey: { name: 'bfd.auth.key', label: 'Authentication Key ID', type: FT.UINT, bits: 8 },
  password: { name: 'bfd.auth.password', label: 'Password', type: FT.STRING },
  seq: { name: 'bfd.auth.seq_num', label: 'Sequence Number', type: FT.UINT, base: Base.HEX, bits: 32 },
  checksum: { name: 'bfd.checksum', label: 'Checksum', type: FT.BYTES },
  echo: { name: 'bfd_echo', label: 'Bidirectional Forwarding Detection Echo Packet', type: FT.PROTOCOL },
  echoPacket: { name: 'bfd_echo.packet', label: 'Echo', type: FT.BYTES },
});

const X = registerExperts({
  noData: { name: 'bfd.auth.no_data', msg: 'Authentication flag is set in a BFD packet, but no authentication data is present', severity: Severity.WARN, group: Group.MALFORMED },
});

const V1_FLAGS = [F.poll, F.final, F.cpi, F.auth, F.demand, F.multipoint];
/** Version 0's flags: their fields (the same filter names) and masks over the whole byte. */
const V0_FLAGS: readonly (readonly [number, number])[] = [[F.hearYou, 0x80], [F.demand, 0x40], [F.poll, 0x20], [F.final, 0x10]];
const AUTH_PRESENT = 0x04;

function dissectBfd(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'BFD Control';
  if (!c.has(off, 2, end)) return;
  const b0 = c.u8(off);
  const b1 = c.u8(off + 1);
  const version = b0 >> 5;
  const msgLen = c.has(off + 3, 1, end) ? c.u8(off + 3) : 0;
  c.proto(F.bfd, off, Math.min(end, off + Math.max(msgLen, 24)));
  f.add(F.version, off, 1, version);
  f.add(F.diag, off, 1, b0 & 0x1f);
  if (f.wanted === null) {
    const diag = fieldById(F.diag).names?.get(b0 & 0x1f) ?? 'Unknown';
    const state = version === 1 ? `, State: ${fieldById(F.state).names?.get(b1 >> 6)}` : '';
    // (version 1's flags without the Multipoint bit, as packet-bfd.c's Info shows them)
    c.setInfo(`Diag: ${diag}${state}, Flags: 0x${(version === 1 ? b1 & 0x3e : b1).toString(16).padStart(2, '0')}`);
  }
  if (version === 1) f.add(F.state, off + 1, 1, b1 >> 6);
  const flags = f.add(F.flags, off + 1, 1, b1);
  f.push(flags);
  let appended = '';
  if (version === 1) {
    for (const id of V1_FLAGS) {
      const set = b1 & fieldById(id).mask;
      f.add(id, off + 1, 1, set);
      if (set && f.wanted === null) appended += `, ${fieldById(id).label}: Set`;
    }
  } else {
    for (const [id, mask] of V0_FLAGS) {
      const i = f.add(id, off + 1, 1, b1 & mask);
      const def = fieldById(id);
      if (f.wanted === null) f.setText(i, `${bitPattern({ ...def, bits: 8, mask }, b1 & mask)} = ${def.label}: ${b1 & mask ? 'Set' : 'Not set'}`);
      if (b1 & mask && f.wanted === null) appended += `, ${def.label}: Set`;
    }
  }
  f.pop();
  if (f.wanted === null) f.appendLabel(flags, appended);
  const mult = c.uint(F.multiplier, off + 2, 1, end);
  const multItem = f.last;
  c.uint(F.length, off + 3, 1, end);
  c.uint(F.myDisc, off + 4, 4, end);
  c.uint(F.yourDisc, off + 8, 4, end);
  const tx = intervalField(c, F.minTx, off + 12, end);
  intervalField(c, F.minRx, off + 16, end);
  intervalField(c, F.minEcho, off + 20, end);
  if (mult >= 0 && tx >= 0 && f.wanted === null) f.appendLabel(multItem, ` (= ${Math.floor((mult * tx) / 1000)} ms Detection time)`);
  if (version === 1 && b1 & AUTH_PRESENT && !c.stop) authentication(c, off + 24, msgLen, end);
  f.pop();
}

/** An interval in microseconds, labelled as packet-bfd.c writes it ("%4u ms (%u us)"). */
function intervalField(c: Ctx, id: number, o: number, end: number): number {
  const v = c.uint(id, o, 4, end);
  if (v >= 0 && c.f.wanted === null) c.f.setText(c.f.last, `${fieldById(id).label}: ${String(Math.floor(v / 1000)).padStart(4)} ms (${v} us)`);
  return v;
}

function authentication(c: Ctx, o: number, msgLen: number, end: number): void {
  const f = c.f;
  if (msgLen <= 24) {
    expertLine(c, o, 0, X.noData, `Authentication: Length of the BFD frame is invalid (${msgLen})`);
    return;
  }
  if (!c.has(o, 3, end)) return;
  const type = c.u8(o);
  const len = c.u8(o + 1);
  const item = f.text(o, Math.min(len, end - o), `Authentication: ${fieldById(F.authType).names?.get(type) ?? 'Unknown'}`);
  f.push(item);
  f.add(F.authType, o, 1, type);
  f.add(F.authLen, o + 1, 1, len);
  f.add(F.authKey, o + 2, 1, c.u8(o + 2));
  if (type === 1) {
    const n = len - 3;
    if (n > 0 && c.has(o + 3, n, end)) f.addStr(F.password, o + 3, n, asciiText(c.b, o + 3, o + 3 + n));
  } else if (type >= 2 && type <= 5) {
    c.uint(F.seq, o + 4, 4, end);
    c.field(F.checksum, o + 8, type <= 3 ? 16 : 20, end);
  }
  f.pop();
}

function dissectBfdEcho(c: Ctx, off: number, end: number): void {
  c.colProtocol = 'BFD Echo';
  if (c.f.wanted === null) c.setInfo('Originator specific content');
  c.proto(F.echo, off, end);
  if (end > off) c.field(F.echoPacket, off, Math.min(end, c.b.length) - off, end);
  c.f.pop();
}

registerDissector('bfd', dissectBfd);
registerDissector('bfd_echo', dissectBfdEcho);
for (const port of [3784, 4784, 6784]) bind('udp.port', port, 'bfd');
bind('udp.port', 3785, 'bfd_echo');
