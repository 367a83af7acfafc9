// The Info column iSCSI and SCSI write for one frame, as epan/column-utils.c keeps it: iSCSI appends
// each PDU's text (col_append_str), SCSI replaces what follows the fence (col_add_fstr) and sets a
// new one after its CDB, data or status (col_set_fence), so that a segment of a Data-In and a SCSI
// Response reads "SCSI: Data In LUN: 0x00 (Inquiry Response Data) SCSI: Response LUN: 0x00
// (Inquiry) (Good)". Written only for full dissections (the index pass builds no Info).

export const info = {
  /** Text before the fence, and after it. */
  fenced: '',
  open: '',
  clear(): void {
    this.fenced = '';
    this.open = '';
  },
  append(s: string): void {
    this.open += s;
  },
  replace(s: string): void {
    this.open = s;
  },
  fence(): void {
    this.fenced += this.open;
    this.open = '';
  },
  text(): string {
    return this.fenced + this.open;
  },
};
