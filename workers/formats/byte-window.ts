// A window of a file's bytes read ahead in one Blob read, for a pass that takes the file's records
// in order but interleaved with other files' (several files merged by time): a read per window,
// not per record.

/** Bytes read at once (a record longer than this is read whole). */
const WINDOW = 2 << 20;

export class ByteWindow {
  private start = 0;
  private buf = new Uint8Array(0);

  constructor(private readonly data: Blob) {}

  /** Whether [off, off + len) is in the window. */
  covers(off: number, len: number): boolean {
    return off >= this.start && off + len <= this.start + this.buf.length;
  }

  /** Read the window from `off` on (at least `len` bytes, fewer at the end of the file); returns
   *  the bytes read. */
  async load(off: number, len: number): Promise<number> {
    this.buf = new Uint8Array(await this.data.slice(off, off + Math.max(WINDOW, len)).arrayBuffer());
    this.start = off;
    return this.buf.length;
  }

  /** The bytes [off, off + len) (a view, valid until the next load). */
  bytes(off: number, len: number): Uint8Array {
    return this.buf.subarray(off - this.start, off - this.start + len);
  }
}
