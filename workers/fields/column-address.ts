// An address a dissector gives the Source or Destination column other than through an address
// field of its own layer (those summarize() finds by their role): Wireshark's pinfo->src and
// pinfo->dst set from elsewhere — an IPv6 routing header's final destination, a Home Address
// option's home address, ARCNET's one-byte station ids — and the column text a link layer without
// addresses writes (CHDLC's and PPP's "N/A", "DTE", "DCE"). As in Wireshark the last layer to set
// an address wins: one set here loses to an address field added after it (an inner layer's); a
// column text shows only when no layer set any address (col_fill_in writes pinfo->src over it).

import { AddrKind } from './address-kind.ts';

const NONE = new Uint8Array(4);

export class ColumnAddress {
  /** The packet's entry count when it was set (-1: not set this packet): address fields with an
   *  entry index at or past it were added later. */
  at = -1;
  /** Its kind (table/addresses.ts AddrKind) and where its bytes are. */
  kind = 0;
  bytes: Uint8Array = NONE;
  off = 0;

  set(at: number, kind: number, bytes: Uint8Array, off: number): void {
    this.at = at;
    this.kind = kind;
    this.bytes = bytes;
    this.off = off;
  }

  /** A column text (COLUMN_TEXT), unless an address was set already. */
  setText(at: number, text: Uint8Array): void {
    if (this.at < 0 || this.kind === AddrKind.TEXT) this.set(at, AddrKind.TEXT, text, 0);
  }

  /** Whether it holds the column rather than the address field at entry `field` (-1: none), for a
   *  packet whose columns read its first `n` entries. */
  wins(field: number, n: number): boolean {
    if (this.at < 0 || this.at > n) return false;
    return this.kind === AddrKind.TEXT ? field < 0 : field < this.at;
  }
}

/** The column texts as address bytes (AddrKind.TEXT). */
export const COLUMN_TEXT = {
  NA: new Uint8Array([0x4e, 0x2f, 0x41, 0]),
  DTE: new Uint8Array([0x44, 0x54, 0x45, 0]),
  DCE: new Uint8Array([0x44, 0x43, 0x45, 0]),
} as const;
