// Cells where we knowingly differ from tshark 4.0, each with the reason. Keep this list nearly empty:
// an entry is a claim that tshark is wrong (or that we follow a newer Wireshark on purpose).

export interface GoldenException {
  field: string;
  /** Frames concerned; all frames when omitted. */
  frames?: number[];
  reason: string;
}

export const EXCEPTIONS: Record<string, GoldenException[]> = {};
