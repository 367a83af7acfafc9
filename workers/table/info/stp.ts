// The Info column of Spanning Tree BPDUs, as packet-bpdu.c writes it.

import type { FieldList } from '../../fields/field-list.ts';
import { hex4, num, text } from './fields.ts';

/** "Conf. Root = 32768/1/aa:bb:cc:00:03:00  Cost = 0  Port = 0x8002" (two spaces between the
 *  parts; "TC + " before Root when the Topology Change flag is set); RST, MST and SPT BPDUs start
 *  "RST.", "MST.", "SPT."; "Topology Change Notification"; nothing when the BPDU was cut before
 *  the port identifier, which Wireshark reads first. */
export function stpInfo(fl: FieldList): string {
  const type = num(fl, 'stp.type');
  if (Number.isNaN(type)) return '';
  if (type === 0x80) return 'Topology Change Notification';
  if (type !== 0 && type !== 2) return `Unknown BPDU type (${type})`;
  const port = num(fl, 'stp.port');
  if (Number.isNaN(port)) return '';
  const version = num(fl, 'stp.version');
  const kind = type === 0 ? 'Conf' : version === 3 ? 'MST' : version === 4 ? 'SPT' : 'RST';
  const tc = num(fl, 'stp.flags') & 1 ? 'TC + ' : '';
  const root = `${num(fl, 'stp.root.prio')}/${num(fl, 'stp.root.ext')}/${text(fl, 'stp.root.hw')}`;
  return `${kind}. ${tc}Root = ${root}  Cost = ${num(fl, 'stp.root.cost')}  Port = 0x${hex4(port)}`;
}
