// What the pcap and pcapng readers share: the one reused record object and the size limit.

import { RecordKind, type PacketRecord, type ReadSummary } from './record.ts';

/**
 * The largest record (pcap) or block (pcapng) we accept: anything bigger is damage, not a packet
 * (tshark's own limit is 256 KiB for most link types and 128 MiB for D-Bus; libpcap's MAX_BLOCK_SIZE
 * is 16 MiB). It also bounds the scratch buffer a record that crosses chunks is copied into.
 */
export const MAX_RECORD_BYTES = 256 << 20;

/** The record object a reader reuses for every packet (no allocation per packet). */
export function createRecord(): PacketRecord {
  return {
    kind: RecordKind.PACKET,
    fileOffset: 0,
    data: new Uint8Array(0),
    capLen: 0,
    origLen: 0,
    hasTime: true,
    tsSec: 0,
    tsNsec: 0,
    linkType: 0,
    interfaceId: 0,
    comments: null,
    ifName: null,
    // (every record has the same shape, pcapng's or not: the frame layer reads these per packet)
    ifDescription: '',
    section: 0,
    packetFlags: -1,
    dropCount: -1,
    customPen: -1,
    customCopy: false,
  };
}

/** The summary a reader fills in as it goes, so the records before any damage are still counted. */
export function createSummary(): ReadSummary {
  return { format: 'unknown', encoding: '', interfaces: [], records: 0, comments: [], error: null };
}
