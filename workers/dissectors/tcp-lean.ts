// When the `fields` export may leave a TCP segment out of its stream's state. Tracking streams
// (tcp.stream, relative sequence numbers, window scaling, AccECN, reassembly) costs a hash lookup
// with a cache miss a segment, and a capture of many short connections opens one nearly every
// packet. In the export's single pass nothing reads that state later, so a segment may skip it
// when no field the export keeps depends on it and its payload cannot be reassembled: neither port
// leads to a dissector (none of ours for TCP then asks for more segments, and data does not) and
// no heuristic dissector is registered for TCP. A stream's segments all carry the same ports, so a
// stream is skipped whole or tracked whole.

import { FieldGroup } from '../fields/field-list.ts';
import { allFields } from '../fields/registry.ts';
import type { Ctx } from './context.ts';

/**
 * TCP fields whose values come from the segment alone. Any other tcp.* field (tcp.stream, tcp.seq,
 * tcp.ack, tcp.nxtseq, tcp.window_size, the scale factor, the flags that AccECN renames, SACK
 * edges relative to the stream, reassembly) needs the stream: a new field is stateful until it is
 * listed here.
 */
const STATELESS = new Set([
  'tcp', 'tcp.srcport', 'tcp.dstport', 'tcp.port', 'tcp.len', 'tcp.seq_raw', 'tcp.ack_raw', 'tcp.hdr_len',
  'tcp.window_size_value', 'tcp.checksum', 'tcp.checksum.status', 'tcp.urgent_pointer', 'tcp.payload',
  'tcp.flags', 'tcp.flags.res', 'tcp.flags.urg', 'tcp.flags.ack', 'tcp.flags.push', 'tcp.flags.reset', 'tcp.flags.syn', 'tcp.flags.fin',
  'tcp.option_kind', 'tcp.option_len',
]);
/** Options are read from the segment, but for the SACK edges (relative to the reverse direction's first sequence number). */
const STATEFUL_OPTIONS = new Set(['tcp.options.sack_le', 'tcp.options.sack_re']);

function stateless(name: string): boolean {
  return STATELESS.has(name) || (name.startsWith('tcp.options') && !STATEFUL_OPTIONS.has(name));
}

/** The TCP fields that need the stream; made on first use, once every tcp.* field is registered. */
let stateful: FieldGroup | null = null;

/** Whether a segment between these ports may skip its stream's state (see above). */
export function streamless(c: Ctx, sport: number, dport: number): boolean {
  if (!c.singlePass) return false;
  stateful ??= new FieldGroup(allFields().filter((d) => (d.name === 'tcp' || d.name.startsWith('tcp.')) && !stateless(d.name)).map((d) => d.id));
  // (kept also answers true for a full dissection, which keeps every field)
  if (stateful.kept(c.f)) return false;
  const t = c.tables;
  return t.tcpAt(sport) === undefined && t.tcpAt(dport) === undefined && t.tcpHeuristics.length === 0;
}
