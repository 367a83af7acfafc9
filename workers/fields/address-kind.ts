// The kinds of address the Source and Destination columns show (Wireshark's address types): the
// low byte is the address's length in bytes. table/addresses.ts interns them and writes their text.

export const enum AddrKind {
  IPV4 = 4,
  MAC = 6,
  IPV6 = 16,
  /** 802.11's receiver and transmitter addresses as the columns name them ("… (RA)", "… (TA)",
   *  Wireshark's wlan_ra / wlan_ta address types): a MAC address (the low byte is the length). */
  MAC_RA = 0x106,
  MAC_TA = 0x206,
  /** A vSocket context id (8 bytes, little-endian): "host" for 2, else its number (packet-vsock.c). */
  VSOCK = 0x308,
  /** ARCNET's one-byte station id: "0xbe" (Wireshark's AT_ARCNET). */
  ARCNET = 0x401,
  /** The text a link layer without addresses writes into the columns (CHDLC's and PPP's "N/A",
   *  "DTE", "DCE"): up to 4 ASCII bytes, NUL-padded. */
  TEXT = 0x504,
}
