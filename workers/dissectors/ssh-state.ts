// SSH's state per TCP stream (Wireshark's ssh_flow_data and ssh_peer_data): the version the
// client's banner announced, the key exchange method both sides agreed on, and per side the frames
// of its banner and of its key exchange, which decide how a later pass reads each frame. Written
// by the first pass only; a later pass reads the final state, as tshark's second pass does (so a
// server banner sent before the client's shows "SSHv2" in the Protocol column).

import { perCapture } from '../analysis/per-capture.ts';

export const enum SshVersion {
  UNKNOWN = 0,
  V1 = 1,
  V2 = 2,
}

/** Which names the key-exchange-specific message codes (30-39) take. */
export const enum KexKind {
  DH,
  DH_GEX,
  ECDH,
}

export interface SshPeer {
  versionStart: number;
  versionEnd: number;
  keyStart: number;
  keyEnd: number;
  /** Where in frame keyEnd the New Keys message's code ended: what follows is encrypted. */
  keyEndOffset: number;
  kexProposal: string | null;
  /** [client to server, server to client], as this side proposed them. */
  encProposals: [string, string] | null;
  macProposals: [string, string] | null;
  compProposals: [string, string] | null;
  /** What this side's packets use, once the key exchange reply chose it. */
  enc: string | null;
  mac: string | null;
  comp: string | null;
  macLength: number;
  lengthIsPlaintext: boolean;
  /** The side's packet counter and the sequence number each message kind took (ssh-kex.ts). */
  seq: number;
  seqSlots: Map<string, number>;
}

export interface SshFlow {
  version: SshVersion;
  kex: string | null;
  kexKind: KexKind;
  /** [client, server]. */
  peers: [SshPeer, SshPeer];
}

function newPeer(): SshPeer {
  return {
    versionStart: 0, versionEnd: 0, keyStart: 0, keyEnd: 0, keyEndOffset: 0,
    kexProposal: null, encProposals: null, macProposals: null, compProposals: null,
    enc: null, mac: null, comp: null, macLength: -1, lengthIsPlaintext: false, seq: 0, seqSlots: new Map(),
  };
}

export function newFlow(): SshFlow {
  return { version: SshVersion.UNKNOWN, kex: null, kexKind: KexKind.DH, peers: [newPeer(), newPeer()] };
}

/** The flows of a capture by TCP stream. */
export const sshFlows = perCapture(() => new Map<number, SshFlow>());

/** ssh_set_kex_specific_dissector: the method's kind, or `was` for a method it does not know. */
export function kexKind(kex: string | null, was: KexKind): KexKind {
  if (kex === null) return was;
  if (kex === 'diffie-hellman-group-exchange-sha1' || kex === 'diffie-hellman-group-exchange-sha256') return KexKind.DH_GEX;
  if (kex.startsWith('ecdh-sha2-') || kex === 'curve25519-sha256@libssh.org' || kex === 'curve25519-sha256' || kex === 'curve448-sha512') return KexKind.ECDH;
  if (['diffie-hellman-group14-sha256', 'diffie-hellman-group16-sha512', 'diffie-hellman-group18-sha512', 'diffie-hellman-group1-sha1', 'diffie-hellman-group14-sha1'].includes(kex)) return KexKind.DH;
  return was;
}

/** The first of the client's names that the server also offers (ssh_choose_algo). */
export function firstCommon(client: string, server: string): string | null {
  const offered = new Set(server.split(','));
  for (const a of client.split(',')) if (offered.has(a)) return a;
  return null;
}

/** ssh_choose_enc_mac: each direction's cipher, MAC and compression from the two sides' lists. */
export function chooseAlgorithms(flow: SshFlow): void {
  const [client, server] = flow.peers;
  for (let d = 0; d < 2; d++) {
    const p = flow.peers[d] as SshPeer;
    if (p.enc === null) p.enc = choose(client.encProposals?.[d], server.encProposals?.[d]);
    if (p.enc === 'aes128-gcm@openssh.com' || p.enc === 'aes256-gcm@openssh.com') {
      p.mac = '<implicit>';
      p.macLength = 16;
      p.lengthIsPlaintext = true;
    } else if (p.enc === 'chacha20-poly1305@openssh.com') {
      p.mac = '<implicit>';
      p.macLength = 16;
    } else {
      if (p.mac === null) p.mac = choose(client.macProposals?.[d], server.macProposals?.[d]);
      setMacLength(p);
    }
    if (p.comp === null) p.comp = choose(client.compProposals?.[d], server.compProposals?.[d]);
  }
}

function choose(client: string | undefined, server: string | undefined): string | null {
  return client === undefined || server === undefined ? null : firstCommon(client, server);
}

/** ssh_set_mac_length: the MAC's bytes from its name ("hmac-sha2-256" 32, "hmac-md5" 16 …). */
function setMacLength(p: SshPeer): void {
  if (p.mac === null) return;
  let name = p.mac;
  const etm = name.indexOf('-etm@openssh.com');
  if (etm >= 0) {
    p.lengthIsPlaintext = true;
    name = name.slice(0, etm);
  } else {
    const at = name.indexOf('@openssh.com');
    if (at >= 0) name = name.slice(0, at);
  }
  const dash = name.lastIndexOf('-');
  const size = dash >= 0 ? Number(name.slice(dash + 1)) : NaN;
  if (/^\d+$/.test(name.slice(dash + 1)) && size > 0 && size % 8 === 0) p.macLength = size / 8;
  else if (name === 'hmac-sha1' || name === 'hmac-ripemd160') p.macLength = 20;
  else if (name === 'hmac-md5') p.macLength = 16;
  else if (name === 'none') p.macLength = 0;
}
