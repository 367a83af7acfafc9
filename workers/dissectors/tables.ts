// Dissector tables as data (Wireshark's dissector tables, gopacket's port arrays): protocols register
// a dissector by name and their default bindings (`udp.port` 4789 → vxlan); a DissectorTables is
// built from those defaults plus the user's Decode As rules, and a user rule overrides a default.

import type { Ctx, Dissector } from './context.ts';
import { WIRESHARK_TCP_PORTS, WIRESHARK_UDP_PORTS } from './wireshark-ports.ts';

export type TableName = 'ethertype' | 'ip.proto' | 'udp.port' | 'tcp.port' | 'wtap_encap' | 'gre.proto' | 'sll.ltype' | 'null.type' | 'ppp.protocol' | 'llc.dsap' | 'llc.cisco_pid' | 'sctp.ppi';

/** A heuristic sub-dissector: returns true when it recognised and dissected the payload. */
export type Heuristic = (c: Ctx, off: number, end: number) => boolean;

export interface Binding {
  table: TableName;
  value: number;
  proto: string;
}

/** A Decode As rule: the same shape as a binding; `proto: 'none'` removes the default binding. */
export type DecodeAsRule = Binding;

const dissectors = new Map<string, Dissector>();
const defaults: Binding[] = [];
const heuristics = new Map<string, { name: string; h: Heuristic }[]>();

/** Register a dissector under its short name (`vxlan`, `dns`); names are Wireshark's filter names. */
export function registerDissector(name: string, d: Dissector): Dissector {
  if (dissectors.has(name)) throw new Error(`dissector ${name} is registered twice`);
  dissectors.set(name, d);
  return d;
}

export function dissectorByName(name: string): Dissector | undefined {
  return dissectors.get(name);
}

export function dissectorNames(): string[] {
  return [...dissectors.keys()].sort();
}

/** Declare a default binding, e.g. `bind('udp.port', 4789, 'vxlan')`. */
export function bind(table: TableName, value: number, proto: string): void {
  defaults.push({ table, value, proto });
}

export function defaultBindings(): readonly Binding[] {
  return defaults;
}

/** Register a heuristic dissector on a table (`udp`, `tcp`), tried when no port matches. */
export function registerHeuristic(table: string, name: string, h: Heuristic): void {
  const list = heuristics.get(table) ?? [];
  list.push({ name, h });
  heuristics.set(table, list);
}

export class DissectorTables {
  readonly ethertype = new Map<number, Dissector>();
  readonly ipProto: (Dissector | undefined)[] = new Array<Dissector | undefined>(256);
  /** Read through udpAt / tcpAt, which look at the bitsets below first. */
  private readonly udpPort: (Dissector | undefined)[] = new Array<Dissector | undefined>(65536);
  private readonly tcpPort: (Dissector | undefined)[] = new Array<Dissector | undefined>(65536);
  readonly other = new Map<TableName, Map<number, Dissector>>();
  /** One bit per port bound to a dissector, read before the port arrays: these 8 KiB stay in the
   *  cache, where a random port's slot in a 65,536-entry array is a cache miss (a capture of
   *  random ports pays one or more a packet). Read the ports through udpAt / tcpAt. */
  private readonly udpBound = new Uint32Array(2048);
  private readonly tcpBound = new Uint32Array(2048);
  /** One bit per port whose default Wireshark dissector takes any payload (wireshark-ports.ts),
   *  ours or one this build does not have, unless a Decode As rule set it to none: see udpFor. */
  private readonly udpWireshark = portBits(WIRESHARK_UDP_PORTS);
  private readonly tcpWireshark = portBits(WIRESHARK_TCP_PORTS);
  /** Where a port whose Wireshark dissector this build lacks sends the payload (udpFor). */
  private readonly data = dissectors.get('data');
  readonly udpHeuristics: Heuristic[];
  readonly tcpHeuristics: Heuristic[];
  /** The last link type looked up and its dissector (every frame asks, nearly always the same). */
  private lastEncap = -1;
  private lastEncapDissector: Dissector | undefined = undefined;

  constructor(rules: readonly DecodeAsRule[] = []) {
    for (const b of defaults) this.set(b);
    for (const r of rules) this.set(r);
    this.udpHeuristics = (heuristics.get('udp') ?? []).map((x) => x.h);
    this.tcpHeuristics = (heuristics.get('tcp') ?? []).map((x) => x.h);
  }

  private set(b: Binding): void {
    const d = b.proto === 'none' ? undefined : dissectors.get(b.proto);
    if (b.proto !== 'none' && d === undefined) throw new Error(`unknown protocol "${b.proto}" in ${b.table} rule`);
    switch (b.table) {
      case 'ethertype':
        if (d) this.ethertype.set(b.value, d);
        else this.ethertype.delete(b.value);
        return;
      case 'ip.proto':
        this.ipProto[b.value & 0xff] = d;
        return;
      case 'udp.port':
        this.udpPort[b.value & 0xffff] = d;
        mark(this.udpBound, b.value & 0xffff, d !== undefined);
        if (d === undefined) mark(this.udpWireshark, b.value & 0xffff, false);
        return;
      case 'tcp.port':
        this.tcpPort[b.value & 0xffff] = d;
        mark(this.tcpBound, b.value & 0xffff, d !== undefined);
        if (d === undefined) mark(this.tcpWireshark, b.value & 0xffff, false);
        return;
      default: {
        const m = this.other.get(b.table) ?? new Map<number, Dissector>();
        if (d) m.set(b.value, d);
        else m.delete(b.value);
        this.other.set(b.table, m);
      }
    }
  }

  /** The dissector bound to UDP port `port` (0–65535), if any. */
  udpAt(port: number): Dissector | undefined {
    return has(this.udpBound, port) ? this.udpPort[port] : undefined;
  }

  /** The dissector bound to TCP port `port` (0–65535), if any. */
  tcpAt(port: number): Dissector | undefined {
    return has(this.tcpBound, port) ? this.tcpPort[port] : undefined;
  }

  /**
   * What UDP port `port` (0: none) gives in Wireshark's search over a packet's ports: its
   * dissector here, or undefined to try the next port. Wireshark stops at the first port whose
   * dissector takes the packet, so a port whose Wireshark dissector this build lacks but which
   * takes any payload (TLS on TCP 443, TFTP on UDP 69, …) stops the search here too, its payload
   * shown as data: TCP 5353 → 443 is TLS in Wireshark (443 is tried first), not mDNS over TCP. A
   * port whose dissector may decline (SNMP on UDP 161) is not in the list.
   */
  udpFor(port: number): Dissector | undefined {
    if (port === 0) return undefined;
    return this.udpAt(port) ?? (has(this.udpWireshark, port) ? this.data : undefined);
  }

  /** The same for TCP port `port`. */
  tcpFor(port: number): Dissector | undefined {
    if (port === 0) return undefined;
    return this.tcpAt(port) ?? (has(this.tcpWireshark, port) ? this.data : undefined);
  }

  lookup(table: TableName, value: number): Dissector | undefined {
    switch (table) {
      case 'ethertype':
        return this.ethertype.get(value);
      case 'wtap_encap':
        if (value !== this.lastEncap) {
          this.lastEncap = value;
          this.lastEncapDissector = this.other.get('wtap_encap')?.get(value);
        }
        return this.lastEncapDissector;
      case 'ip.proto':
        return this.ipProto[value & 0xff];
      case 'udp.port':
        return this.udpAt(value & 0xffff);
      case 'tcp.port':
        return this.tcpAt(value & 0xffff);
      default:
        return this.other.get(table)?.get(value);
    }
  }
}

function portBits(ports: readonly number[]): Uint32Array {
  const bits = new Uint32Array(2048);
  for (const p of ports) mark(bits, p, true);
  return bits;
}

function has(bits: Uint32Array, port: number): boolean {
  return ((bits[port >>> 5] as number) & (1 << (port & 31))) !== 0;
}

function mark(bits: Uint32Array, port: number, on: boolean): void {
  if (on) bits[port >>> 5] = (bits[port >>> 5] as number) | (1 << (port & 31));
  else bits[port >>> 5] = (bits[port >>> 5] as number) & ~(1 << (port & 31));
}
