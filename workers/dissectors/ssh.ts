// SSH on TCP 22 and 29418 (Wireshark 4.0's packet-ssh.c, without decryption): the version banners,
// the binary packets of the key exchange (message codes, named for the negotiated key exchange
// method, and the algorithm lists of KEXINIT), then "Encrypted packet" for everything after a
// side's New Keys. The Info column and the Protocol column ("SSH", or "SSHv2" once the client's
// banner said so) come from what this leaves in the tree (table/info/ssh.ts).
//
// State per TCP stream (ssh-state.ts): made only when a banner is seen, so that the many port-22
// segments of a capture joined mid-connection (no banner: "Encrypted packet", the common case of a
// long capture) cost a Map lookup and no memory.
//
// The key-exchange-specific messages (group sizes, mpints, host keys, signatures) and the packets'
// sequence numbers are in ssh-kex.ts; KEXINIT shows the hassh fingerprints (MD5 of the side's
// algorithm lists, md5.ts).
//
// Not done: TCP reassembly of a message longer than its segment (Wireshark asks TCP for more and
// shows "[TCP segment of a reassembled PDU]"; here the message is read as far as the segment
// goes), SSHv1 packets (the version is recognised, the packets shown as encrypted).

import { EF } from '../fields/field-list.ts';
import { FT, names, registerFields } from '../fields/registry.ts';
import { Group, Severity, expertInfo } from './expert.ts';
import { Status, type Ctx } from './context.ts';
import { bind, registerDissector } from './tables.ts';
import { KexKind, SshVersion, chooseAlgorithms, firstCommon, kexKind, newFlow, sshFlows, type SshFlow, type SshPeer } from './ssh-state.ts';
import { K, kexSpecific, sequenceNumber } from './ssh-kex.ts';
import { md5Hex } from './md5.ts';

/** RFC 4250's message numbers (Wireshark's ssh2_msg_vals). */
export const SSH2_MESSAGES = names([
  [1, 'Disconnect'], [2, 'Ignore'], [3, 'Unimplemented'], [4, 'Debug'], [5, 'Service Request'], [6, 'Service Accept'],
  [7, 'Extension Information'], [20, 'Key Exchange Init'], [21, 'New Keys'],
  [50, 'User Authentication Request'], [51, 'User Authentication Failure'], [52, 'User Authentication Success'],
  [53, 'User Authentication Banner'], [60, 'Public Key algorithm accepted'],
  [80, 'Global Request'], [81, 'Request Success'], [82, 'Request Failure'],
  [90, 'Channel Open'], [91, 'Channel Open Confirmation'], [92, 'Channel Open Failure'], [93, 'Window Adjust'],
  [94, 'Channel Data'], [95, 'Channel Extended Data'], [96, 'Channel EOF'], [97, 'Channel Close'],
  [98, 'Channel Request'], [99, 'Channel Success'], [100, 'Channel Failure'],
]);

/** The names of the key-exchange-specific codes (30-39) under each method. */
export const KEX_MESSAGES: Record<KexKind, ReadonlyMap<number, string>> = {
  [KexKind.DH]: names([[30, 'Diffie-Hellman Key Exchange Init'], [31, 'Diffie-Hellman Key Exchange Reply']]),
  [KexKind.DH_GEX]: names([
    [30, 'Diffie-Hellman Group Exchange Request (Old)'], [31, 'Diffie-Hellman Group Exchange Group'],
    [32, 'Diffie-Hellman Group Exchange Init'], [33, 'Diffie-Hellman Group Exchange Reply'],
    [34, 'Diffie-Hellman Group Exchange Request'],
  ]),
  [KexKind.ECDH]: names([[30, 'Elliptic Curve Diffie-Hellman Key Exchange Init'], [31, 'Elliptic Curve Diffie-Hellman Key Exchange Reply']]),
};

const DIRECTION: readonly [string, string] = ['server-to-client', 'client-to-server'];

export const F = registerFields({
  ssh: { name: 'ssh', label: 'SSH Protocol', type: FT.PROTOCOL },
  protocol: { name: 'ssh.protocol', label: 'Protocol', type: FT.STRING },
  packetLength: { name: 'ssh.packet_length', label: 'Packet Length', type: FT.UINT },
  packetLengthEncrypted: { name: 'ssh.packet_length_encrypted', label: 'Packet Length (encrypted)', type: FT.BYTES },
  paddingLength: { name: 'ssh.padding_length', label: 'Padding Length', type: FT.UINT, bits: 8 },
  messageCode: { name: 'ssh.message_code', label: 'Message Code', type: FT.UINT, bits: 8, names: SSH2_MESSAGES },
  cookie: { name: 'ssh.cookie', label: 'Cookie', type: FT.BYTES },
  firstKexFollows: { name: 'ssh.first_kex_packet_follows', label: 'First KEX Packet Follows', type: FT.UINT, bits: 8 },
  kexReserved: { name: 'ssh.kex.reserved', label: 'Reserved', type: FT.BYTES },
  payload: { name: 'ssh.payload', label: 'Payload', type: FT.BYTES },
  paddingString: { name: 'ssh.padding_string', label: 'Padding String', type: FT.BYTES },
  encryptedPacket: { name: 'ssh.encrypted_packet', label: 'Encrypted Packet', type: FT.BYTES },
  mac: { name: 'ssh.mac', label: 'MAC', type: FT.BYTES, blurb: 'Message authentication code' },
  lengthError: { name: 'ssh.packet_length.error', label: 'Invalid packet length', type: FT.NONE },
  direction: { name: 'ssh.direction', label: 'Direction', type: FT.BOOLEAN, tf: DIRECTION, blurb: 'Message direction' },
  hasshAlgorithms: { name: 'ssh.kex.hassh_algorithms', label: 'hasshAlgorithms', type: FT.STRING },
  hassh: { name: 'ssh.kex.hassh', label: 'hassh', type: FT.STRING },
  hasshServerAlgorithms: { name: 'ssh.kex.hasshserver_algorithms', label: 'hasshServerAlgorithms', type: FT.STRING },
  hasshServer: { name: 'ssh.kex.hasshserver', label: 'hasshServer', type: FT.STRING },
});

/** KEXINIT's ten name-lists in order: [length field, string field] (Wireshark's labels). */
const LISTS = [
  'kex_algorithms', 'server_host_key_algorithms',
  'encryption_algorithms_client_to_server', 'encryption_algorithms_server_to_client',
  'mac_algorithms_client_to_server', 'mac_algorithms_server_to_client',
  'compression_algorithms_client_to_server', 'compression_algorithms_server_to_client',
  'languages_client_to_server', 'languages_server_to_client',
].map((n) => {
  const L = registerFields({
    len: { name: `ssh.${n}_length`, label: `${n} length`, type: FT.UINT },
    str: { name: `ssh.${n}`, label: `${n} string`, type: FT.STRING },
  });
  return [L.len, L.str] as const;
});

/** Wireshark's ei_ssh_packet_length. */
const OVERLY_LARGE = 0xffff;

/** The client's or the server's side: Wireshark's is_response (the server sends from the port the
 *  dissector was found by). */
function isResponse(c: Ctx): number {
  return c.dstPort !== c.matchPort ? 1 : 0;
}

/** Whether the bytes at `o` start with "SSH-" in any case (tvb_strncaseeql). */
function startsWith(b: Uint8Array, o: number, end: number, s: string): boolean {
  if (o + s.length > end) return false;
  for (let k = 0; k < s.length; k++) {
    const ch = b[o + k] as number;
    const lower = ch >= 0x41 && ch <= 0x5a ? ch + 0x20 : ch;
    const want = s.charCodeAt(k);
    if (lower !== (want >= 0x41 && want <= 0x5a ? want + 0x20 : want)) return false;
  }
  return true;
}

export function dissectSsh(c: Ctx, off: number, end: number): void {
  const f = c.f;
  const stop = Math.min(end, c.b.length);
  const resp = isResponse(c);
  const flows = sshFlows(c);
  let flow = flows.get(c.tcpStream);
  if (flow === undefined && c.firstPass && c.tcpStream >= 0 && startsWith(c.b, off, stop, 'SSH-')) {
    flow = newFlow();
    flows.set(c.tcpStream, flow);
  }
  const sshEntry = c.proto(F.ssh, off, end);
  const version = flow?.version ?? SshVersion.UNKNOWN;
  c.colProtocol = version === SshVersion.V2 ? 'SSHv2' : version === SshVersion.V1 ? 'SSHv1' : 'SSH';
  let o = off;
  while (o < stop && !c.stop) {
    const peer = flow?.peers[resp];
    const last = o;
    const afterStart = peer === undefined || peer.versionStart === 0 || c.frameNo >= peer.versionStart;
    const beforeEnd = peer === undefined || peer.versionEnd === 0 || c.frameNo <= peer.versionEnd;
    if (flow !== undefined && peer !== undefined && afterStart && beforeEnd && startsWith(c.b, o, stop, 'SSH-')) {
      if (c.firstPass && peer.versionStart === 0) peer.versionStart = c.frameNo;
      const v = banner(c, o, stop, resp);
      o = v.next;
      if (c.firstPass) {
        peer.versionEnd = c.frameNo;
        if (v.version !== SshVersion.UNKNOWN) flow.version = v.version;
      }
    } else if (flow !== undefined && version === SshVersion.V2) o = ssh2(c, flow, o, stop, end, resp);
    else o = encrypted(c, peer, o, end);
    if (o <= last) break;
  }
  f.add(F.direction, off, 0, resp, EF.GENERATED);
  f.len[sshEntry] = Math.max(0, Math.min(o, end) - off);
  f.pop();
}

/** A version banner up to its line end (ssh_dissect_protocol); the client's sets the version. */
function banner(c: Ctx, o: number, stop: number, resp: number): { next: number; version: SshVersion } {
  const b = c.b;
  let version = SshVersion.UNKNOWN;
  if (resp === 0) {
    if (startsWith(b, o, stop, 'SSH-2.') || startsWith(b, o, stop, 'SSH-1.99-')) version = SshVersion.V2;
    else if (startsWith(b, o, stop, 'SSH-1.')) version = SshVersion.V1;
  }
  let nl = o;
  while (nl < stop && b[nl] !== 0x0a) nl++;
  let lineLen: number;
  let protoLen: number;
  if (nl >= stop) {
    lineLen = stop - o;
    protoLen = lineLen;
  } else {
    lineLen = nl - o + 1;
    protoLen = lineLen > 1 && b[nl - 1] === 0x0d ? lineLen - 2 : lineLen - 1;
  }
  let text = '';
  if (c.wants(F.protocol)) for (let k = o; k < o + protoLen; k++) text += String.fromCharCode(b[k] as number);
  c.f.addStr(F.protocol, o, protoLen, text);
  return { next: o + lineLen, version };
}

/** SSHv2's binary packets (ssh_dissect_ssh2): the key exchange until this side's New Keys, then
 *  encrypted packets. */
function ssh2(c: Ctx, flow: SshFlow, o: number, stop: number, end: number, resp: number): number {
  const f = c.f;
  const peer = flow.peers[resp] as SshPeer;
  while (o < stop && !c.stop) {
    const last = o;
    const sub = f.text(o, 0, f.wanted === null ? versionTitle(peer) : '');
    f.push(sub);
    const n = c.frameNo;
    if (peer.keyStart === 0 || (peer.keyStart <= n && (peer.keyEnd === 0 || n < peer.keyEnd || (n === peer.keyEnd && o < peer.keyEndOffset)))) {
      o = keyExchange(c, flow, peer, o, stop, end, resp);
    } else o = encrypted(c, peer, o, end);
    f.pop();
    f.len[sub] = Math.max(0, o - last);
    if (o <= last) break;
  }
  return o;
}

/** "SSH Version 2", with this side's cipher, MAC and compression once chosen (full trees only:
 *  the index pass builds no label). */
function versionTitle(peer: SshPeer): string {
  const parts: string[] = [];
  if (peer.enc !== null) parts.push(`encryption:${peer.enc}`);
  if (peer.mac !== null) parts.push(`mac:${peer.mac}`);
  if (peer.comp !== null) parts.push(`compression:${peer.comp}`);
  return parts.length === 0 ? 'SSH Version 2' : `SSH Version 2 (${parts.join(' ')})`;
}

/** One binary packet of the key exchange (ssh_dissect_key_exchange). */
function keyExchange(c: Ctx, flow: SshFlow, peer: SshPeer, o: number, stop: number, end: number, resp: number): number {
  const f = c.f;
  const start = o;
  if (!c.has(o, 4, end)) return stop;
  let plen = c.u32(o);
  const lenItem = f.add(F.packetLength, o, 4, plen);
  if (plen >= OVERLY_LARGE) {
    f.push(lenItem);
    expertInfo(c, F.lengthError, `Overly large number ${plen}`, Severity.WARN, Group.PROTOCOL);
    f.pop();
    c.status |= Status.WARNING;
    plen = stop - o - 4;
  }
  o += 4;
  if (!c.has(o, 1, end)) return stop;
  const padding = c.u8(o);
  f.add(F.paddingLength, o, 1, padding);
  o += 1;
  const kex = f.text(o, Math.max(0, plen - 1), flow.kex === null || f.wanted !== null ? 'Key Exchange' : `Key Exchange (method:${flow.kex})`);
  f.push(kex);
  if (!c.has(o, 1, end)) {
    f.pop();
    return stop;
  }
  const code = c.u8(o);
  const codeItem = f.add(F.messageCode, o, 1, code);
  o += 1;
  let seq = 0;
  if (code >= 30 && code < 40) {
    const name = KEX_MESSAGES[flow.kexKind].get(code);
    // the code is the key exchange method's (Wireshark registers a field per method)
    if (f.wanted === null) f.setText(codeItem, `Message Code: ${name ?? `Unknown (${code})`} (${code})`);
    // the DH and ECDH replies choose the ciphers (ssh_choose_enc_mac); 4.0's group exchange
    // reply does so only in code it never compiles (SSH_DECRYPTION_SUPPORTED is not defined)
    if (c.firstPass && code === 31 && flow.kexKind !== KexKind.DH_GEX) chooseAlgorithms(flow);
    o = kexSpecific(c, flow, code, o, end, seqOut);
    seq = seqOut.seq;
  } else if (code === 20) {
    o = keyInit(c, flow, resp, o, end);
    const first = peer.keyStart === 0 || peer.keyStart === c.frameNo;
    if (c.firstPass && first) peer.keyStart = c.frameNo;
    seq = first ? sequenceNumber(c, peer, 'kex_init', false) : (peer.seqSlots.get('kex_init') ?? 0);
  } else if (code === 21) {
    if (c.firstPass && peer.keyEnd === 0) {
      peer.keyEnd = c.frameNo;
      peer.keyEndOffset = o;
      sequenceNumber(c, peer, 'new_key', false);
    }
    seq = peer.seqSlots.get('new_key') ?? 0;
  }
  const len = plen + 4 - padding - (o - start);
  if (len > 0) {
    c.field(F.payload, o, len, end);
    o += len;
  }
  f.pop();
  if (padding > 0) c.field(F.paddingString, o, padding, end);
  o += padding;
  if (!c.stop) f.add(K.seqNum, o, 0, seq);
  return o;
}

const seqOut = { seq: 0 };

/** KEXINIT's cookie, name-lists and flags (ssh_dissect_key_init); the first pass keeps the lists
 *  that decide the key exchange method and, at the reply, the ciphers. */
function keyInit(c: Ctx, flow: SshFlow, resp: number, o: number, end: number): number {
  const f = c.f;
  const start = o;
  const sub = f.text(o, 0, 'Algorithms');
  f.push(sub);
  c.field(F.cookie, o, 16, end);
  o += 16;
  const lists: string[] = [];
  for (const [lenId, strId] of LISTS) {
    if (!c.has(o, 4, end)) break;
    const n = c.u32(o);
    f.add(lenId, o, 4, n);
    o += 4;
    if (!c.has(o, n, end)) break;
    let s = '';
    for (let k = o; k < o + n; k++) s += String.fromCharCode(c.b[k] as number);
    f.addStr(strId, o, n, s);
    lists.push(s);
    o += n;
  }
  if (!c.stop) c.uint(F.firstKexFollows, o, 1, end);
  o += 1;
  c.field(F.kexReserved, o, 4, end);
  o += 4;
  if (lists.length === LISTS.length && !c.stop) hassh(c, resp, lists, o);
  f.pop();
  f.len[sub] = o - start;
  if (c.firstPass && lists.length === LISTS.length) {
    const p = flow.peers[resp] as SshPeer;
    p.kexProposal = lists[0] as string;
    p.encProposals = [lists[2] as string, lists[3] as string];
    p.macProposals = [lists[4] as string, lists[5] as string];
    p.compProposals = [lists[6] as string, lists[7] as string];
    const client = flow.peers[0] as SshPeer;
    const server = flow.peers[1] as SshPeer;
    if (client.kexProposal !== null && server.kexProposal !== null && flow.kex === null) {
      flow.kex = firstCommon(client.kexProposal, server.kexProposal);
      flow.kexKind = kexKind(flow.kex, flow.kexKind);
    }
  }
  return o;
}

/** The hassh fingerprint of this side's KEXINIT: the MD5 of its key exchange, cipher, MAC and
 *  compression lists for its own direction, joined with ';' (ssh_dissect_key_init). */
function hassh(c: Ctx, resp: number, lists: string[], o: number): void {
  const [algoId, hashId] = resp ? [F.hasshServerAlgorithms, F.hasshServer] : [F.hasshAlgorithms, F.hassh];
  if (!c.wants(algoId) && !c.wants(hashId)) return;
  const d = resp;
  const algo = `${lists[0]};${lists[2 + d]};${lists[4 + d]};${lists[6 + d]}`;
  c.f.addStr(algoId, o, 0, algo, EF.GENERATED);
  c.f.addStr(hashId, o, 0, md5Hex(utf8.encode(algo)), EF.GENERATED);
}

const utf8 = new TextEncoder();

/** The rest of the segment as one encrypted packet (ssh_dissect_encrypted_packet). */
function encrypted(c: Ctx, peer: SshPeer | undefined, o: number, end: number): number {
  const f = c.f;
  const len = end - o;
  let enc = len;
  if (len > 4) {
    if (peer?.lengthIsPlaintext) f.add(F.packetLength, o, 4, c.u32(o));
    else c.field(F.packetLengthEncrypted, o, 4, end);
    enc -= 4;
  }
  const mac = peer !== undefined && peer.macLength > 0 ? peer.macLength : 0;
  enc -= mac;
  if (enc >= 0) c.field(F.encryptedPacket, o + 4, enc, end);
  if (mac > 0) c.field(F.mac, o + 4 + enc, mac, end);
  return end;
}

registerDissector('ssh', dissectSsh);
bind('tcp.port', 22, 'ssh');
bind('tcp.port', 29418, 'ssh');
