// Cells where we knowingly differ from tshark 4.0, each with the reason. Keep this list nearly empty:
// an entry is a claim that tshark is wrong (or that we follow a newer Wireshark on purpose).

export interface GoldenException {
  field: string;
  /** Frames concerned; all frames when omitted. */
  frames?: number[];
  reason: string;
}

export const EXCEPTIONS: Record<string, GoldenException[]> = {};

/**
 * Whole captures where tshark's answer is not a decode we should copy: for these the golden test
 * asserts instead that we report the file as damaged (with a message saying so).
 */
export const REFUSED: Record<string, { error: RegExp; reason: string }> = {
  'pcapng-truncated-shb.pcapng.tsv': {
    error: /^pcapng SHB at offset 0 is cut off by the end of the file/,
    reason:
      'A 16-byte pcapng section header block cut short. tshark 4.0 falls back to its other file ' +
      'formats and shows the bytes as one "MIME File Format" frame; the file is a damaged pcapng, and ' +
      'Decapod says so instead of inventing a frame.',
  },
};
