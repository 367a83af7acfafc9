// The fields of QUIC (Wireshark 4.0's packet-quic.c), with its names and labels, for quic.ts.

import { Base, FT, names, registerFields } from '../fields/registry.ts';
import { Group, Severity, registerExperts } from './expert.ts';

const varint = (name: string, label: string) => ({ name, label, type: FT.UINT, bits: 64 }) as const;

export const FRAME_TYPES = names([
  [0x00, 'PADDING'], [0x01, 'PING'], [0x02, 'ACK'], [0x03, 'ACK'], [0x04, 'RESET_STREAM'], [0x05, 'STOP_SENDING'],
  [0x06, 'CRYPTO'], [0x07, 'NEW_TOKEN'], [0x08, 'STREAM'], [0x18, 'NEW_CONNECTION_ID'], [0x19, 'RETIRE_CONNECTION_ID'],
  [0x1a, 'PATH_CHALLENGE'], [0x1b, 'PATH_RESPONSE'], [0x1c, 'CONNECTION_CLOSE'], [0x1d, 'CONNECTION_CLOSE'], [0x1e, 'HANDSHAKE_DONE'],
]);

export const F = registerFields({
  quic: { name: 'quic', label: 'QUIC IETF', type: FT.PROTOCOL },
  connectionNumber: { name: 'quic.connection.number', label: 'Connection Number', type: FT.UINT, bits: 32 },
  packetLength: { name: 'quic.packet_length', label: 'Packet Length', type: FT.UINT, bits: 32 },
  headerForm: { name: 'quic.header_form', label: 'Header Form', type: FT.UINT, bits: 8, mask: 0x80, names: names([[0, 'Short Header'], [1, 'Long Header']]) },
  fixedBit: { name: 'quic.fixed_bit', label: 'Fixed Bit', type: FT.BOOLEAN, bits: 8, mask: 0x40 },
  packetType: { name: 'quic.long.packet_type', label: 'Packet Type', type: FT.UINT, bits: 8, mask: 0x30, names: names([[0, 'Initial'], [1, '0-RTT'], [2, 'Handshake'], [3, 'Retry']]) },
  reserved: { name: 'quic.long.reserved', label: 'Reserved', type: FT.UINT, bits: 8, mask: 0x0c },
  pnLength: { name: 'quic.packet_number_length', label: 'Packet Number Length', type: FT.UINT, bits: 8, mask: 0x03, names: names([[0, '1 bytes'], [1, '2 bytes'], [2, '3 bytes'], [3, '4 bytes']]) },
  version: { name: 'quic.version', label: 'Version', type: FT.UINT, base: Base.HEX, bits: 32 },
  dcil: { name: 'quic.dcil', label: 'Destination Connection ID Length', type: FT.UINT, bits: 8 },
  dcid: { name: 'quic.dcid', label: 'Destination Connection ID', type: FT.BYTES },
  scil: { name: 'quic.scil', label: 'Source Connection ID Length', type: FT.UINT, bits: 8 },
  scid: { name: 'quic.scid', label: 'Source Connection ID', type: FT.BYTES },
  tokenLength: varint('quic.token_length', 'Token Length'),
  token: { name: 'quic.token', label: 'Token', type: FT.BYTES },
  length: varint('quic.length', 'Length'),
  packetNumber: varint('quic.packet_number', 'Packet Number'),
  payload: { name: 'quic.payload', label: 'Payload', type: FT.BYTES },
  remainingPayload: { name: 'quic.remaining_payload', label: 'Remaining Payload', type: FT.BYTES },
  short: { name: 'quic.short', label: 'QUIC Short Header', type: FT.NONE },
  spinBit: { name: 'quic.spin_bit', label: 'Spin Bit', type: FT.BOOLEAN, bits: 8, mask: 0x20 },
  frame: { name: 'quic.frame', label: 'Frame', type: FT.NONE },
  frameType: { name: 'quic.frame_type', label: 'Frame Type', type: FT.UINT, base: Base.HEX, bits: 64, names: FRAME_TYPES },
  paddingLength: { name: 'quic.padding_length', label: 'Padding Length', type: FT.UINT, bits: 32 },
  largestAcked: varint('quic.ack.largest_acknowledged', 'Largest Acknowledged'),
  ackDelay: varint('quic.ack.ack_delay', 'ACK Delay'),
  ackRangeCount: varint('quic.ack.ack_range_count', 'ACK Range Count'),
  firstAckRange: varint('quic.ack.first_ack_range', 'First ACK Range'),
  gap: varint('quic.ack.gap', 'Gap'),
  ackRange: varint('quic.ack.ack_range', 'ACK Range'),
  ect0: varint('quic.ack.ect0_count', 'ECT(0) Count'),
  ect1: varint('quic.ack.ect1_count', 'ECT(1) Count'),
  ecnCe: varint('quic.ack.ecn_ce_count', 'ECN-CE Count'),
  cryptoOffset: varint('quic.crypto.offset', 'Offset'),
  cryptoLength: varint('quic.crypto.length', 'Length'),
  cryptoData: { name: 'quic.crypto.crypto_data', label: 'Crypto Data', type: FT.NONE },
  closeError: varint('quic.cc.error_code', 'Error code'),
  closeFrameType: varint('quic.cc.frame_type', 'Frame Type'),
  closeReasonLength: varint('quic.cc.reason_phrase.length', 'Reason phrase Length'),
  closeReason: { name: 'quic.cc.reason_phrase', label: 'Reason phrase', type: FT.STRING },
});

export const X = registerExperts({
  decryptionFailed: { name: 'quic.decryption_failed', msg: 'Failed to decrypt handshake', severity: Severity.WARN, group: Group.DECRYPTION },
});
