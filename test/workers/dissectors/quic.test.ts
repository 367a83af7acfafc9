// QUIC on the corpus's quic_handshake.pcap (a client and server on ::1 port 443): the Initial
// packets decrypted from the client's first Destination Connection ID as Wireshark decrypts them
// (their CRYPTO frames' Client and Server Hello, ACK and PADDING), Handshake and 1-RTT packets
// without secrets. Their QUIC layers equal `tshark -2 -V` line for line (tree-agreement.test.ts's
// whole layers); here, the Protocol and Info columns and display filters on the decrypted fields,
// each with the frames `tshark -n -2 -r quic_handshake.pcap -Y FILTER` keeps.
import { openAsBlob } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaptureSession } from '../../../workers/session.ts';
import { CAPTURES } from '../../golden/corpus.ts';

const FILTERS: [string, number[]][] = [
  ['tls.handshake.extensions_server_name == "localhost"', [1]],
  ['quic.long.packet_type == 0', [1, 2, 5]],
  ['quic.packet_number == 1', [5]],
  ['quic.frame_type == 2', [2, 5]],
  ['quic.decryption_failed', [3, 4, 6, 7, 8, 9]],
  ['tls.quic.parameter.initial_max_data == 2097152', [1]],
  ['tls.handshake.ja3 == "9a78264e64e221797705e75a3c55df01"', [1]],
  ['quic.dcid == 51:d1:e4:4d:c5:7a:57:9e', [5, 6, 7, 11, 12, 14, 17, 18]],
  ['quic.padding_length > 1000', [5]],
  ['quic.crypto.length == 90', [2]],
];

async function open(): Promise<CaptureSession> {
  const s = new CaptureSession();
  await s.open([await openAsBlob(join(CAPTURES, 'quic_handshake.pcap'))], ['quic_handshake.pcap'], []);
  return s;
}

describe('QUIC', () => {
  it('fills Protocol and Info as tshark -2 does', async () => {
    const s = await open();
    const rows = await s.getRows(0, 18);
    expect(rows.protocol.every((p) => p === 'QUIC')).toBe(true);
    expect(rows.info.slice(0, 9)).toEqual([
      'Initial, DCID=84acac06b42ed863, PKN: 0, CRYPTO, PADDING',
      'Initial, SCID=51d1e44dc57a579e, PKN: 0, CRYPTO, ACK',
      'Handshake, SCID=51d1e44dc57a579e',
      'Handshake, SCID=51d1e44dc57a579e',
      'Initial, DCID=51d1e44dc57a579e, PKN: 1, ACK, PADDING',
      'Handshake, DCID=51d1e44dc57a579e',
      'Handshake, DCID=51d1e44dc57a579e',
      'Handshake, SCID=51d1e44dc57a579e',
      'Protected Payload (KP0)',
    ]);
    expect(rows.info[10]).toBe('Protected Payload (KP0), DCID=51d1e44dc57a579e');
  });

  it('decrypts the Initial packets into a data source of their own', async () => {
    const s = await open();
    const d = await s.getDetails(1);
    expect(d.sources.map((x) => x.name)).toEqual(['Frame', 'Decrypted QUIC (1165 bytes)']);
  });

  it("keeps the frames tshark's filters keep", async () => {
    const s = await open();
    for (const [expr, frames] of FILTERS) {
      const r = await s.applyFilter(expr);
      expect(r.ok, expr).toBe(true);
      expect(Array.from((await s.getRows(0, r.displayed)).frame), expr).toEqual(frames);
    }
  });
});
