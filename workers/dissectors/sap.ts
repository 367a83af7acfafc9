// SAP and SDP (RFC 2974, RFC 4566; Wireshark 4.0's packet-sap.c and packet-sdp.c): the multicast
// session announcements of UDP 9875, each carrying a session description. SAP's flags, hash,
// originating source and payload type; SDP's lines ("Owner/Creator, Session Id (o): …") with the
// parts of the owner, connection, bandwidth, time, attribute and media lines. Protocol "SAP/SDP",
// Info "Announcement (v1)".

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { latin1Text } from './ascii.ts';
import type { Ctx } from './context.ts';
import { bind, registerDissector } from './tables.ts';

const str = (name: string, label: string) => ({ name, label, type: FT.STRING }) as const;

const F = registerFields({
  sap: { name: 'sap', label: 'Session Announcement Protocol', type: FT.PROTOCOL },
  flags: { name: 'sap.flags', label: 'Flags', type: FT.UINT, base: Base.HEX, bits: 8 },
  version: { name: 'sap.flags.v', label: 'Version Number', type: FT.UINT, bits: 8, mask: 0xe0, names: names([[0, 'SAPv0'], [1, 'SAPv1 or later']]) },
  addressType: { name: 'sap.flags.a', label: 'Address Type', type: FT.BOOLEAN, bits: 8, mask: 0x10, tf: ['IPv6', 'IPv4'] },
  reserved: { name: 'sap.flags.r', label: 'Reserved', type: FT.BOOLEAN, bits: 8, mask: 0x08, tf: ['Set', 'Not set'] },
  messageType: { name: 'sap.flags.t', label: 'Message Type', type: FT.BOOLEAN, bits: 8, mask: 0x04, tf: ['Deletion', 'Announcement'] },
  encrypted: { name: 'sap.flags.e', label: 'Encryption Bit', type: FT.BOOLEAN, bits: 8, mask: 0x02, tf: ['Payload encrypted', 'Payload not encrypted'] },
  compressed: { name: 'sap.flags.c', label: 'Compression Bit', type: FT.BOOLEAN, bits: 8, mask: 0x01, tf: ['Payload compressed', 'Payload not compressed'] },
  authLength: { name: 'sap.auth.len', label: 'Authentication Length', type: FT.UINT, bits: 8 },
  hash: { name: 'sap.message_identifier_hash', label: 'Message Identifier Hash', type: FT.UINT, base: Base.HEX, bits: 16 },
  source: { name: 'sap.originating_source', label: 'Originating Source', type: FT.IPV4 },
  source6: { name: 'sap.originating_source_ipv6', label: 'Originating Source', type: FT.IPV6 },
  payloadType: str('sap.payload_type', 'Payload type'),
  sdp: { name: 'sdp', label: 'Session Description Protocol', type: FT.PROTOCOL },
  sdpVersion: str('sdp.version', 'Session Description Protocol Version (v)'),
  owner: str('sdp.owner', 'Owner/Creator, Session Id (o)'),
  ownerUser: str('sdp.owner.username', 'Owner Username'),
  ownerSession: str('sdp.owner.sessionid', 'Session ID'),
  ownerVersion: str('sdp.owner.version', 'Session Version'),
  ownerNetwork: str('sdp.owner.network_type', 'Owner Network Type'),
  ownerAddressType: str('sdp.owner.address_type', 'Owner Address Type'),
  ownerAddress: str('sdp.owner.address', 'Owner Address'),
  sessionName: str('sdp.session_name', 'Session Name (s)'),
  sessionInfo: str('sdp.session_info', 'Session Information (i)'),
  mediaTitle: str('sdp.media_title', 'Media Title (i)'),
  uri: str('sdp.uri', 'URI of Description (u)'),
  email: str('sdp.email', 'E-mail Address (e)'),
  phone: str('sdp.phone', 'Phone Number (p)'),
  connection: str('sdp.connection_info', 'Connection Information (c)'),
  connNetwork: str('sdp.connection_info.network_type', 'Connection Network Type'),
  connAddressType: str('sdp.connection_info.address_type', 'Connection Address Type'),
  connAddress: str('sdp.connection_info.address', 'Connection Address'),
  connTtl: str('sdp.connection_info.ttl', 'Connection TTL'),
  connCount: str('sdp.connection_info.num_addr', 'Connection Number of Addresses'),
  bandwidth: str('sdp.bandwidth', 'Bandwidth Information (b)'),
  bwModifier: str('sdp.bandwidth.modifier', 'Bandwidth Modifier'),
  bwValue: str('sdp.bandwidth.value', 'Bandwidth Value'),
  time: str('sdp.time', 'Time Description, active time (t)'),
  timeStart: str('sdp.time.start', 'Session Start Time'),
  timeStop: str('sdp.time.stop', 'Session Stop Time'),
  repeat: str('sdp.repeat_time', 'Repeat Time (r)'),
  zone: str('sdp.timezone', 'Time Zone Adjustments (z)'),
  key: str('sdp.encryption_key', 'Encryption Key (k)'),
  sessionAttr: str('sdp.session_attr', 'Session Attribute (a)'),
  sessionAttrField: str('sdp.session_attr.field', 'Session Attribute Fieldname'),
  sessionAttrValue: str('sdp.session_attr.value', 'Session Attribute Value'),
  mediaAttr: str('sdp.media_attr', 'Media Attribute (a)'),
  mediaAttrField: str('sdp.media_attr.field', 'Media Attribute Fieldname'),
  mediaAttrValue: str('sdp.media_attr.value', 'Media Attribute Value'),
  media: str('sdp.media', 'Media Description, name and address (m)'),
  mediaType: str('sdp.media.media', 'Media Type'),
  mediaPort: str('sdp.media.port', 'Media Port'),
  mediaPortCount: str('sdp.media.portcount', 'Media Port Count'),
  mediaProto: str('sdp.media.proto', 'Media Protocol'),
  mediaFormat: str('sdp.media.format', 'Media Format'),
});

const BANDWIDTH_MODIFIERS: Record<string, string> = {
  CT: 'Conference Total(total bandwidth of all RTP sessions)',
  AS: 'Application Specific (RTP session bandwidth)',
  TIAS: 'Transport Independent Application Specific maximum',
};

function dissectSap(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.colProtocol = 'SAP';
  if (!c.has(off, 4, end)) return;
  const flags = c.u8(off);
  if (f.wanted === null) c.setInfo(`${flags & 0x04 ? 'Deletion' : 'Announcement'} (v${flags >> 5})`);
  c.proto(F.sap, off, end);
  f.push(f.add(F.flags, off, 1, flags));
  f.add(F.version, off, 1, flags >> 5);
  for (const [id, mask] of [[F.addressType, 0x10], [F.reserved, 0x08], [F.messageType, 0x04], [F.encrypted, 0x02], [F.compressed, 0x01]] as const) f.add(id, off, 1, flags & mask);
  f.pop();
  const authLen = c.u8(off + 1) * 4;
  f.add(F.authLength, off + 1, 1, authLen / 4);
  f.add(F.hash, off + 2, 2, c.u16(off + 2));
  const v6 = (flags & 0x10) !== 0;
  const size = v6 ? 16 : 4;
  if (!c.field(v6 ? F.source6 : F.source, off + 4, size, end)) return;
  let o = off + 4 + size + authLen;
  // "application/sdp\0" when there is a payload type (SAPv0 and some senders leave it out)
  const stop = Math.min(end, c.b.length);
  if (o < stop && c.b[o] !== 0x76 /* v */) {
    let z = o;
    while (z < stop && c.b[z] !== 0) z++;
    f.addStr(F.payloadType, o, z + 1 - o, latin1Text(c.b, o, z));
    o = z + 1;
  }
  f.pop();
  if (o < stop && !(flags & 0x02)) {
    c.colProtocol = 'SAP/SDP';
    c.call(dissectSdp, o, end);
  }
}

function dissectSdp(c: Ctx, off: number, end: number): void {
  const f = c.f;
  c.proto(F.sdp, off, end);
  const stop = Math.min(end, c.b.length);
  let o = off;
  let media = false;
  while (o < stop && !c.stop) {
    let e = o;
    while (e < stop && c.b[e] !== 0x0a) e++;
    const lineEnd = e > o && c.b[e - 1] === 0x0d ? e - 1 : e;
    if (lineEnd - o >= 2 && c.b[o + 1] === 0x3d /* = */) {
      const type = String.fromCharCode(c.b[o] as number);
      if (type === 'm') media = true;
      line(c, type, o + 2, lineEnd, media);
    }
    o = e + 1;
  }
  f.pop();
}

/** One "x=value" line of type `type` whose value is [v, e). */
function line(c: Ctx, type: string, v: number, e: number, media: boolean): void {
  const f = c.f;
  const value = latin1Text(c.b, v, e);
  const parts = value.split(' ');
  // a part's offset in the packet, for the parts of a line split at spaces
  let at = v;
  const sub = (id: number, text: string): void => {
    const i = value.indexOf(text, at - v);
    const o = i < 0 ? at : v + i;
    f.addStr(id, o, text.length, text);
    at = o + text.length;
  };
  const head = (id: number): void => {
    f.push(f.addStr(id, v - 2, e - v + 2, value));
  };
  switch (type) {
    case 'v': f.addStr(F.sdpVersion, v - 2, e - v + 2, value); return;
    case 's': f.addStr(F.sessionName, v - 2, e - v + 2, value); return;
    case 'i': f.addStr(media ? F.mediaTitle : F.sessionInfo, v - 2, e - v + 2, value); return;
    case 'u': f.addStr(F.uri, v - 2, e - v + 2, value); return;
    case 'e': f.addStr(F.email, v - 2, e - v + 2, value); return;
    case 'p': f.addStr(F.phone, v - 2, e - v + 2, value); return;
    case 'r': f.addStr(F.repeat, v - 2, e - v + 2, value); return;
    case 'z': f.addStr(F.zone, v - 2, e - v + 2, value); return;
    case 'k': f.addStr(F.key, v - 2, e - v + 2, value); return;
    case 'o':
      head(F.owner);
      [F.ownerUser, F.ownerSession, F.ownerVersion, F.ownerNetwork, F.ownerAddressType, F.ownerAddress].forEach((id, k) => {
        if (parts[k] !== undefined) sub(id, parts[k] as string);
      });
      break;
    case 'c': {
      head(F.connection);
      if (parts[0] !== undefined) sub(F.connNetwork, parts[0]);
      if (parts[1] !== undefined) sub(F.connAddressType, parts[1]);
      const [addr, ttl, count] = (parts[2] ?? '').split('/');
      if (addr !== undefined && addr !== '') sub(F.connAddress, addr);
      if (ttl !== undefined) sub(F.connTtl, ttl);
      if (count !== undefined) sub(F.connCount, count);
      break;
    }
    case 'b': {
      head(F.bandwidth);
      const colon = value.indexOf(':');
      const modifier = colon < 0 ? value : value.slice(0, colon);
      const i = f.addStr(F.bwModifier, v, modifier.length, modifier);
      const meaning = BANDWIDTH_MODIFIERS[modifier];
      if (meaning !== undefined && f.wanted === null) f.setText(i, `Bandwidth Modifier: ${modifier} [${meaning}]`);
      if (colon >= 0) {
        const bw = value.slice(colon + 1);
        const j = f.addStr(F.bwValue, v + colon + 1, bw.length, bw);
        if (f.wanted === null) f.setText(j, `Bandwidth Value: ${bw} kb/s`);
      }
      break;
    }
    case 't':
      head(F.time);
      if (parts[0] !== undefined) sub(F.timeStart, parts[0]);
      if (parts[1] !== undefined) sub(F.timeStop, parts[1]);
      break;
    case 'a': {
      head(media ? F.mediaAttr : F.sessionAttr);
      const colon = value.indexOf(':');
      const field = colon < 0 ? value : value.slice(0, colon);
      f.addStr(media ? F.mediaAttrField : F.sessionAttrField, v, field.length, field);
      if (colon >= 0) f.addStr(media ? F.mediaAttrValue : F.sessionAttrValue, v + colon + 1, value.length - colon - 1, value.slice(colon + 1));
      break;
    }
    case 'm': {
      head(F.media);
      if (parts[0] !== undefined) sub(F.mediaType, parts[0]);
      const [port, count] = (parts[1] ?? '').split('/');
      if (port !== undefined && port !== '') sub(F.mediaPort, port);
      if (count !== undefined) sub(F.mediaPortCount, count);
      if (parts[2] !== undefined) sub(F.mediaProto, parts[2]);
      for (const fmt of parts.slice(3)) sub(F.mediaFormat, fmt);
      break;
    }
    default:
      return;
  }
  f.pop();
}

registerDissector('sap', dissectSap);
bind('udp.port', 9875, 'sap');
