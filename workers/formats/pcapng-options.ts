// pcapng options (draft-ietf-opsawg-pcapng §3.5): a list of TLVs after a block's fixed part,
// each value padded to 32 bits, ended by opt_endofopt or by the end of the block.
//
//                        1                   2                   3
//    0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1 2 3 4 5 6 7 8 9 0 1
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   |      Option Code              |         Option Length         |
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//   /                       Option Value  (Option Length bytes)     /
//   /                  padded to a multiple of 4 bytes              /
//   +-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+-+
//
// Like Wireshark (pcapng_process_options), a list that runs past its block is damage, not a
// shorter list: tshark refuses shb-option-too-long.pcapng for it.

export const OPT_ENDOFOPT = 0;
export const OPT_COMMENT = 1;
/** Custom options (§3.5.1) start with a 4-byte Private Enterprise Number. */
const CUSTOM_OPTIONS = new Set([2988, 2989, 19372, 19373]);
const PEN_LEN = 4;
const OPT_HEADER_LEN = 4;

/** Walks one option list without allocating: `while (c.next()) use c.code, c.at, c.length`. */
export class OptionCursor {
  code = 0;
  /** Offset of the value in the buffer the list was given in. */
  at = 0;
  length = 0;
  /** Set when next() stopped on damage rather than at the end of the list. */
  error: string | null = null;
  private v: DataView = new DataView(new ArrayBuffer(0));
  private le = true;
  private p = 0;
  private end = 0;
  private base = 0;

  /** Options in v[start, end); `base` is the file offset of v's byte 0, for messages. */
  reset(v: DataView, le: boolean, start: number, end: number, base: number): void {
    this.v = v;
    this.le = le;
    this.p = start;
    this.end = end;
    this.base = base;
    this.error = null;
  }

  next(): boolean {
    const p = this.p;
    const left = this.end - p;
    if (left <= 0) return false;
    if (left < OPT_HEADER_LEN) {
      this.error = `${left} bytes at offset ${this.base + p} are too short for an option header`;
      return false;
    }
    const code = this.v.getUint16(p, this.le);
    const length = this.v.getUint16(p + 2, this.le);
    const padded = (length + 3) & ~3;
    if (padded > left - OPT_HEADER_LEN) {
      this.error = `option ${code} at offset ${this.base + p} has length ${length}, longer than the ${left - OPT_HEADER_LEN} bytes left in the block`;
      return false;
    }
    if (code === OPT_ENDOFOPT) {
      this.p = this.end;
      return false;
    }
    if (CUSTOM_OPTIONS.has(code) && length < PEN_LEN) {
      this.error = `custom option ${code} at offset ${this.base + p} has length ${length}, shorter than its ${PEN_LEN}-byte Private Enterprise Number`;
      return false;
    }
    this.code = code;
    this.at = p + OPT_HEADER_LEN;
    this.length = length;
    this.p = this.at + padded;
    return true;
  }
}

/**
 * Lengths Wireshark insists on for packet-block options (epb_flags, epb_hash, epb_dropcount,
 * epb_packetid, epb_queue, epb_verdict; §4.3.1): [code, exact length or -minimum].
 */
const PACKET_OPTION_LENGTHS: ReadonlyMap<number, number> = new Map([
  [2, 4], [3, -1], [4, 8], [5, 8], [6, 4], [7, -1],
]);
const PACKET_OPTION_NAMES: ReadonlyMap<number, string> = new Map([
  [2, 'epb_flags'], [3, 'epb_hash'], [4, 'epb_dropcount'], [5, 'epb_packetid'], [6, 'epb_queue'], [7, 'epb_verdict'],
]);

/** Why a packet block's option has an impossible length, or null. */
export function checkPacketOption(code: number, length: number): string | null {
  const want = PACKET_OPTION_LENGTHS.get(code);
  if (want === undefined) return null;
  if (want >= 0 ? length === want : length >= -want) return null;
  const rule = want >= 0 ? `not ${want}` : `shorter than ${-want}`;
  return `option ${PACKET_OPTION_NAMES.get(code) ?? code} has length ${length}, ${rule}`;
}

const utf8 = new TextDecoder('utf-8');

/** A UTF-8 string option, without the NUL padding some writers include in the length. */
export function optionString(buf: Uint8Array, at: number, length: number): string {
  let end = at + length;
  while (end > at && buf[end - 1] === 0) end--;
  return utf8.decode(buf.subarray(at, end));
}
