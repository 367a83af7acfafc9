// The one record shape every capture reader produces (speedscope's "one profile model"), and the
// reader contract. Readers reuse one PacketRecord object for every packet: copy what you keep.

export interface CaptureInterface {
  /** LINKTYPE_* value, with the FCS bits of a pcap header's link-type field masked off. */
  linkType: number;
  snapLen: number;
  name: string;
  description: string;
  /** Units per second of the timestamps (1e6, 1e9, 2^k ...). */
  tsResolution: number;
  /** if_tsoffset in seconds. */
  tsOffset: number;
}

export const enum RecordKind {
  PACKET = 0,
  /** A pcapng Custom Block: tshark 4.0 lists it as a frame of `data` with no timestamp. */
  CUSTOM = 1,
}

export interface PacketRecord {
  kind: RecordKind;
  /** Byte offset of the packet data in the (decompressed) file: 64-bit safe (a double). */
  fileOffset: number;
  /** The captured bytes (a view valid only until the next record). */
  data: Uint8Array;
  capLen: number;
  origLen: number;
  /** Whether the record has a timestamp (pcapng Simple Packet Blocks have none). */
  hasTime: boolean;
  /** Seconds since the epoch (may be negative or beyond 2^32 in damaged files). */
  tsSec: number;
  /** Nanoseconds, not normalised: tshark prints 1000000000 as `.1000000000`. */
  tsNsec: number;
  linkType: number;
  /** Interface index within the whole file (pcapng: across sections), 0 for pcap. */
  interfaceId: number;
  /** pcapng: the interface's if_name ('' when it has none); null (or absent) for a format without
   *  interfaces (pcap), whose frames tshark shows no interface for. */
  ifName?: string | null;
  /** pcapng: the interface's if_description ('' or absent when it has none). */
  ifDescription?: string;
  /** pcapng opt_comment values of this packet. */
  comments: string[] | null;
  /** pcapng: the packet's epb_flags word (direction, reception type, FCS length, link-layer
   *  errors), or -1 (or absent) when it has none. */
  packetFlags?: number;
  /** pcapng: the packet's epb_dropcount (packets lost between this one and the one before), or -1
   *  (or absent) when it has none. */
  dropCount?: number;
  /** pcapng Custom Block: its Private Enterprise Number (-1 or absent for other records), and
   *  whether its block type lets a writer copy it (0x00000BAD; 0x40000BAD does not). */
  customPen?: number;
  customCopy?: boolean;
  /** pcapng: the section holding the record, counted from 1 (Wireshark's frame.section_number);
   *  0 or absent for a format without sections (pcap). */
  section?: number;
}

export interface ReadSummary {
  /** 'unknown' when the file is not a capture at all (then `error` says why). */
  format: 'pcap' | 'pcapng' | 'unknown';
  /** `pcap LE µs`-style description for the status bar and capinfos-like output. */
  encoding: string;
  interfaces: CaptureInterface[];
  records: number;
  /** Comments of section headers. */
  comments: string[];
  /** Set when the file is damaged: the records before the damage were delivered. */
  error: string | null;
}

/** A capture reader: calls `onRecord` for each record in file order. */
export type OnRecord = (rec: PacketRecord) => void;
