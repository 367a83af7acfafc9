// What a link layer without addresses writes into the Source and Destination columns, for a packet
// whose payload sets none (column-address.ts): a point-to-point link names its ends after the
// packet's direction, "DTE" → "DCE" for one sent and "DCE" → "DTE" for one received, else "N/A"
// (packet-chdlc.c, packet-ppp.c); BSD loopback and raw IP write "N/A" (packet-null.c, packet-raw.c),
// in the Protocol column too, which a payload they find a dissector for writes over.

import { COLUMN_TEXT } from '../fields/column-address.ts';
import { P2P, type Ctx } from './context.ts';

export function pointToPointColumns(c: Ctx): void {
  const f = c.f;
  const d = c.p2pDir;
  f.colSrc.setText(f.count, d === P2P.SENT ? COLUMN_TEXT.DTE : d === P2P.RECV ? COLUMN_TEXT.DCE : COLUMN_TEXT.NA);
  f.colDst.setText(f.count, d === P2P.SENT ? COLUMN_TEXT.DCE : d === P2P.RECV ? COLUMN_TEXT.DTE : COLUMN_TEXT.NA);
}

export function noAddressColumns(c: Ctx): void {
  const f = c.f;
  c.colProtocol = 'N/A';
  f.colSrc.setText(f.count, COLUMN_TEXT.NA);
  f.colDst.setText(f.count, COLUMN_TEXT.NA);
}
