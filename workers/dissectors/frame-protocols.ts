// frame.protocols, "[Protocols in frame: eth:ethertype:ip:udp:vxlan:eth:ethertype:ip:icmp:data]":
// the protocol layers of a frame in the order their dissectors ran. Wireshark appends a protocol to
// pinfo->layers each time it calls a dissector handle of that protocol, and packet-frame.c joins
// the list (without `frame`) once the frame is dissected.
//
// Here a layer is a protocol item of the tree, in tree order (each dissector adds its item as it
// starts, and nested items, such as the IP header an ICMP error quotes, are layers where their
// dissector ran), plus the layers noted with Ctx.layer() by dissectors that add no item (Wireshark's
// `ethertype` dispatcher). Items that are no layer: Wireshark's pseudo-protocols (`_ws.malformed`,
// `_ws.short`, `_ws.expert`) and `frame` itself.

import { allFields, fieldById, FT } from '../fields/registry.ts';
import type { Ctx } from './context.ts';
import type { FieldList } from '../fields/field-list.ts';

let isLayer: Uint8Array | undefined;

/** Per field id: 1 for a protocol item that is a layer (read once every dissector has registered). */
function layerIds(): Uint8Array {
  if (isLayer !== undefined) return isLayer;
  const fields = allFields();
  const m = new Uint8Array(fields.length);
  for (const def of fields) if (def.type === FT.PROTOCOL && def.name !== 'frame' && !def.name.startsWith('_ws.')) m[def.id] = 1;
  return (isLayer = m);
}

/** The layers of the entries from `from` on, with the noted ones in their places, joined with ':'. */
export function protocolsInFrame(c: Ctx, from: number): string {
  const f = c.f;
  const ids = f.id;
  const layer = layerIds();
  const skip = notLayers(c);
  const parts: string[] = [];
  let k = 0;
  for (let i = from; i < f.count; i++) {
    while (k < c.layerCount && (c.layerAt[k] as number) <= i) parts.push(c.layerNames[k++] as string);
    const id = ids[i] as number;
    if (layer[id] === 1 && (skip === null || !skip.includes(i))) parts.push(fieldById(id).name);
  }
  while (k < c.layerCount) parts.push(c.layerNames[k++] as string);
  // A dissector that failed before it added its item (an inner Ethernet header cut off: "[Malformed
  // Packet: Ethernet]") was called all the same: it is the last layer.
  if (c.failBit !== 0 && c.failProto >= 0 && layer[c.failProto] === 1) {
    const name = fieldById(c.failProto).name;
    if (parts[parts.length - 1] !== name) parts.push(name);
  }
  return parts.join(':');
}

/** The entries Ctx.notLayer() took off the list (null: none, the usual case). */
function notLayers(c: Ctx): Int32Array | null {
  return c.notLayerCount === 0 ? null : c.notLayerAt.subarray(0, c.notLayerCount);
}

/** The first protocol item that is a layer among entries `from` to the last (-1: none). */
export function firstLayerFrom(f: FieldList, from: number): number {
  const layer = layerIds();
  for (let i = from; i < f.count; i++) if (layer[f.id[i] as number] === 1) return i;
  return -1;
}
