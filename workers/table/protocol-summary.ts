// What Wireshark appends to a protocol's line in the details tree ("Ethernet II, Src: …, Dst: …",
// "Transmission Control Protocol, Src Port: 80, Dst Port: 1234, Seq: 1, Ack: 1, Len: 0"), made from
// the values of the protocol's own items when the tree is built, so that the index pass and the
// `fields` export never format them. Checked against `tshark -V` on the corpus
// (test/workers/table/protocol-summary.test.ts).

import type { TreeNode } from '../api.ts';
import { fieldByName } from '../fields/registry.ts';

/** The value of the first item named `field` under `n` (depth-first), or undefined. */
function find(n: TreeNode, field: string): string | undefined {
  for (const c of n.children) {
    if (c.field === field) return c.value;
    const v = find(c, field);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** The value of a direct child named `field`, or undefined. */
function own(n: TreeNode, field: string): string | undefined {
  for (const c of n.children) if (c.field === field) return c.value;
  return undefined;
}

/** The name field `field` gives value `v` ("Discover"), or the value itself. */
function nameOf(field: string, v: string): string {
  return fieldByName(field)?.names?.get(Number(v)) ?? v;
}

/** NTP's modes as its protocol line names them ("Network Time Protocol (NTP Version 4, client)"),
 *  shorter than the Mode item's names ("reserved for NTP control message"). */
const NTP_MODES = ['reserved', 'symmetric active', 'symmetric passive', 'client', 'server', 'broadcast', 'control', 'private'];

/** The interface's name as its item shows it (`Interface name: en0`), or "unknown". */
function interfaceName(n: TreeNode): string {
  for (const c of n.children) if (c.field === 'frame.interface_name') return c.label.slice(c.label.indexOf(': ') + 2);
  return 'unknown';
}

/** The line of `n` (a protocol item, or the frame's interface item: `Interface id: 0 (en0)`) with
 *  Wireshark's summary, or its label unchanged. */
export function protocolLine(n: TreeNode): string {
  switch (n.field) {
    case 'frame.interface_id':
      return `${n.label} (${interfaceName(n)})`;
    case 'frame': {
      const num = own(n, 'frame.number');
      const len = own(n, 'frame.len');
      const cap = own(n, 'frame.cap_len');
      if (num === undefined || len === undefined || cap === undefined) return n.label;
      // a pcapng Custom Block (packet-frame.c's title for one)
      const pen = own(n, 'frame.cb_pen');
      if (pen !== undefined) {
        const copy = own(n, 'frame.cb_copy') === '1' ? 'copying allowed' : 'copying not allowed';
        return `PCAPNG Custom Block ${num}: ${len} bytes (${Number(len) * 8} bits) of custom data and options, PEN ${fieldByName('frame.cb_pen')?.names?.get(Number(pen)) ?? 'Unknown'} (${pen}), ${copy}`;
      }
      const line = `Frame ${num}: ${len} bytes on wire (${Number(len) * 8} bits), ${cap} bytes captured (${Number(cap) * 8} bits)`;
      // pcapng: the interface (packet-frame.c: "unknown" when it has no if_name)
      const id = own(n, 'frame.interface_id');
      const iface = n.children.find((c) => c.field === 'frame.interface_id');
      return id === undefined || iface === undefined ? line : `${line} on interface ${interfaceName(iface)}, id ${id}`;
    }
    case 'eth':
      // a frame with a length where Ethernet II has its type: packet-eth.c's "IEEE 802.3 Ethernet %s"
      // with an empty %s (its trailing space included)
      if (own(n, 'eth.len') !== undefined && own(n, 'eth.type') === undefined) return 'IEEE 802.3 Ethernet ';
      return pair(n, 'eth.src', 'eth.dst', 'Src', 'Dst');
    case 'ip': {
      // a source route: the header's destination is the Current Route, the final one (ip.dst)
      // is in the option, and packet-ip.c's line ends ", Via: <current route>"
      const via = own(n, 'ip.cur_rt');
      if (via === undefined) return pair(n, 'ip.src', 'ip.dst', 'Src', 'Dst');
      const src = own(n, 'ip.src');
      const dst = find(n, 'ip.dst');
      return src === undefined || dst === undefined ? n.label : `${n.label}, Src: ${src}, Dst: ${dst}, Via: ${via}`;
    }
    case 'mpls': {
      // packet-mpls.c: ", Label: 16106, Exp: 0, S: 1, TTL: 44" (a reserved label by its name)
      const label = own(n, 'mpls.label');
      const exp = own(n, 'mpls.exp');
      const s = own(n, 'mpls.bottom');
      const ttl = own(n, 'mpls.ttl');
      if (label === undefined || exp === undefined || s === undefined || ttl === undefined) return n.label;
      const v = Number(label);
      const shown = v <= 15 ? `${fieldByName('mpls.label')?.names?.get(v) ?? 'Reserved - Unknown'} (${v})` : label;
      return `${n.label}, Label: ${shown}, Exp: ${exp}, S: ${s}, TTL: ${ttl}`;
    }
    case 'vsock': {
      // "vSocket, Op: Connect, Transport: Virtio"
      const op = own(n, 'vsock.op');
      const trans = own(n, 'vsock.trans');
      if (op === undefined || trans === undefined) return n.label;
      return `${n.label}, Op: ${nameOf('vsock.op', op)}, Transport: ${nameOf('vsock.trans', trans)}`;
    }
    case 'ipv6.routing': {
      // "Routing Header for IPv6 (Source Route)"
      const t = own(n, 'ipv6.routing.type');
      return t === undefined ? n.label : `${n.label} (${fieldByName('ipv6.routing.type')?.names?.get(Number(t)) ?? `Unknown type ${t}`})`;
    }
    case 'ipv6':
      return pair(n, 'ipv6.src', 'ipv6.dst', 'Src', 'Dst');
    case 'udp':
      return pair(n, 'udp.srcport', 'udp.dstport', 'Src Port', 'Dst Port');
    case 'arp': {
      // "Address Resolution Protocol (request)", "(request/gratuitous ARP)", "(ARP Probe)",
      // "(ARP Announcement)", "(opcode 0x0030)" for an opcode it does not name (packet-arp.c)
      const op = own(n, 'arp.opcode');
      if (op === undefined) return n.label;
      const name = fieldByName('arp.opcode')?.names?.get(Number(op));
      if (name === undefined) return `${n.label} (opcode 0x${Number(op).toString(16).padStart(4, '0')})`;
      if (own(n, 'arp.isannouncement') === '1') return `${n.label} (ARP Announcement)`;
      if (own(n, 'arp.isprobe') === '1') return `${n.label} (ARP Probe)`;
      return `${n.label} (${name}${own(n, 'arp.isgratuitous') === '1' ? '/gratuitous ARP' : ''})`;
    }
    case 'sctp': {
      // "Src Port: 2905 (2905)": packet-sctp.c shows the port's name, which is its number without resolution
      const sp = own(n, 'sctp.srcport');
      const dp = own(n, 'sctp.dstport');
      return sp === undefined || dp === undefined ? n.label : `${n.label}, Src Port: ${sp} (${sp}), Dst Port: ${dp} (${dp})`;
    }
    case 'tcp': {
      const line = pair(n, 'tcp.srcport', 'tcp.dstport', 'Src Port', 'Dst Port');
      const seq = own(n, 'tcp.seq');
      if (line === n.label || seq === undefined) return line;
      // Ack only when the ACK flag is set, as packet-tcp.c appends it
      const ack = find(n, 'tcp.flags.ack') === '1' ? own(n, 'tcp.ack') : undefined;
      // Len once the header is read: not after a header length below 20 bytes (packet-tcp.c stops)
      const hdrLen = own(n, 'tcp.hdr_len');
      const len = hdrLen !== undefined && Number(hdrLen) < 20 ? undefined : own(n, 'tcp.len');
      return `${line}, Seq: ${seq}${ack !== undefined ? `, Ack: ${ack}` : ''}${len !== undefined ? `, Len: ${len}` : ''}`;
    }
    case 'vlan': {
      const id = own(n, 'vlan.id');
      if (id === undefined) return n.label;
      const pri = own(n, 'vlan.priority');
      const dei = own(n, 'vlan.dei');
      return pri !== undefined && dei !== undefined ? `${n.label}, PRI: ${pri}, DEI: ${dei}, ID: ${id}` : `${n.label}, ID: ${id}`;
    }
    case 'ieee8021ad': {
      const id = own(n, 'ieee8021ad.id');
      return id === undefined ? n.label : `${n.label}, ID: ${id}`;
    }
    case 'geneve': {
      const vni = own(n, 'geneve.vni');
      // ", OAM" for an OAM frame (NSX-T's BFD between tunnel endpoints), as packet-geneve.c appends it
      const oam = find(n, 'geneve.flags.oam') === '1' ? ', OAM' : '';
      return vni === undefined ? n.label : `${n.label}, VNI: 0x${Number(vni).toString(16).padStart(6, '0')}${oam}`;
    }
    case 'dns':
    case 'mdns':
    case 'llmnr': {
      const response = find(n, 'dns.flags.response');
      return response === undefined ? n.label : `${n.label} (${response === '1' ? 'response' : 'query'})`;
    }
    case 'data':
      return `${n.label} (${n.length} bytes)`;
    case 'dhcp': {
      // the DHCP Message Type option's name (packet-dhcp.c)
      const type = find(n, 'dhcp.option.dhcp');
      return type === undefined ? n.label : `${n.label} (${nameOf('dhcp.option.dhcp', type)})`;
    }
    case 'ntp': {
      const vn = find(n, 'ntp.flags.vn');
      const mode = find(n, 'ntp.flags.mode');
      return vn === undefined || mode === undefined ? n.label : `${n.label} (${nameOf('ntp.flags.vn', vn)}, ${NTP_MODES[Number(mode)]})`;
    }
    case 'tls': {
      // handshake messages without a record layer (QUIC's CRYPTO frames): titled as their record
      const hs = n.children[0];
      return hs !== undefined && hs.field === 'tls.handshake' ? `TLSv1.3 Record Layer: ${hs.label}` : n.label;
    }
    case 'dtp': {
      // each TLV's part, as packet-dtp.c appends them: ": domain", " (Operating/Administrative):
      // Trunk/On (0x81)", ": sender"
      let line = n.label;
      for (const t of n.children) {
        if (t.label === 'Domain') line += `: ${t.children.find((x) => x.field === 'dtp.domain')?.label.slice('Domain: '.length) ?? ''}`;
        else if (t.label === 'Sender ID') line += `: ${own(t, 'dtp.senderid') ?? ''}`;
        else {
          const v = t.children.find((x) => x.label.startsWith('Value: '));
          if (v !== undefined) line += ` (Operating/Administrative): ${v.label.slice(7)}`;
        }
      }
      return line;
    }
    // (packet-bfd.c titles its items itself)
    case 'bfd':
      return 'BFD Control message';
    case 'bfd_echo':
      return 'BFD Echo message';
    case 'bgp': {
      // "Border Gateway Protocol - OPEN Message" (a continuation has no type: the name alone)
      const type = own(n, 'bgp.type');
      if (type === undefined) return n.label;
      const name = fieldByName('bgp.type')?.names?.get(Number(type));
      return `${n.label} - ${name ?? `Unknown message type (0x${Number(type).toString(16).padStart(2, '0')})`}`;
    }
    default:
      return n.label;
  }
}

function pair(n: TreeNode, a: string, b: string, an: string, bn: string): string {
  const x = own(n, a);
  const y = own(n, b);
  return x === undefined || y === undefined ? n.label : `${n.label}, ${an}: ${x}, ${bn}: ${y}`;
}
