// SCTP (workers/dissectors/sctp.ts) against isup.pcap, with the values tshark 4.0 prints.

import { describe, expect, it } from 'vitest';
import { Status } from '../../../workers/dissectors/context.ts';
import { capture, truncations } from './helpers.ts';

// isup.pcap frame 1: one DATA chunk (M3UA payload) from 10.28.6.42.
const DATA_1 =
  '00a080005e460001af0c069608004500008496da00004084c28e0a1c062a0a1c062c0b590b5900000e50b0b01883000300646ca8b1cc0006002a00000003010001010000005400020049c583af405bd5000100a0010a02020705819084190f0a070317933393798008018003057c038890a61d038890a6310200643f06039300060010f4056476c328813902f49000000000';
const IP_END = 34;

describe('SCTP', () => {
  it('decodes the common header and the DATA chunk of isup.pcap frame 1', () => {
    const { out } = capture([DATA_1], ['sctp.srcport', 'sctp.dstport', 'sctp.port', 'sctp.verification_tag', 'sctp.checksum',
      'sctp.chunk_type', 'sctp.chunk_flags', 'sctp.data_b_bit', 'sctp.data_e_bit', 'sctp.chunk_length', 'sctp.data_tsn',
      'sctp.data_tsn_raw', 'sctp.data_sid', 'sctp.data_ssn', 'sctp.data_payload_proto_id', 'm3ua.message_length']);
    const f = out[0] as (typeof out)[0];
    expect(f['sctp.srcport']).toEqual(['2905']);
    expect(f['sctp.port']).toEqual(['2905', '2905']);
    expect(f['sctp.verification_tag']).toEqual(['0x00000e50']);
    expect(f['sctp.checksum']).toEqual(['0xb0b01883']);
    expect(f['sctp.chunk_type']).toEqual(['0']);
    expect(f['sctp.chunk_flags']).toEqual(['0x03']);
    expect(f['sctp.data_b_bit']).toEqual(['1']);
    expect(f['sctp.chunk_length']).toEqual(['100']);
    expect(f['sctp.data_tsn']).toEqual(['0']);
    expect(f['sctp.data_tsn_raw']).toEqual(['1822994892']);
    expect(f['sctp.data_sid']).toEqual(['0x0006']);
    expect(f['sctp.data_ssn']).toEqual(['42']);
    expect(f['sctp.data_payload_proto_id']).toEqual(['3']);
    // the payload is M3UA's (payload protocol identifier 3), its message 84 bytes long
    expect(f['m3ua.message_length']).toEqual(['84']);
    expect(f.status & (Status.TRUNCATED | Status.MALFORMED)).toBe(0);
  });

  it('keeps the fields before every cut of the 12-byte header, never throwing', () => {
    truncations(DATA_1, IP_END, 12, ['sctp.srcport', 'sctp.verification_tag', 'sctp.checksum']).forEach((f, k) => {
      expect(f['sctp.srcport']).toEqual(k >= 2 ? ['2905'] : []);
      expect(f['sctp.verification_tag']).toEqual(k >= 8 ? ['0x00000e50'] : []);
      expect(f['sctp.checksum']).toEqual([]);
      expect(f.status & Status.TRUNCATED).toBeTruthy();
    });
  });
});
