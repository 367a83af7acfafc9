// An in-process stand-in for the worker: a CaptureApi over N synthetic packets whose load can be
// held half-way, so that the UI's stores can be tested without a browser or the engine.
import type { CaptureApi, FileReport, LoadProgress, OpenResult, PacketDetails, RowWindow, SortKey, TreeNode } from '../../workers/api.ts';
import type { Engine } from '../../src/lib/state/capture.svelte.ts';

export interface FakeOptions {
  packets: number;
  /** Reported as the file's damage. */
  error?: string | null;
  /** open() rejects with this. */
  throws?: string;
}

export class FakeApi implements CaptureApi {
  calls: string[] = [];
  indexed = 0;
  total = 0;
  order: number[] = [];
  private release: (() => void) | null = null;
  private progress: ((p: LoadProgress) => void) | undefined;

  constructor(private opts: FakeOptions) {}

  /** Make open() stop after `n` packets until `finish()`. */
  hold = -1;

  async open(files: Blob[], names: string[], _rules: unknown[], onProgress?: (p: LoadProgress) => void): Promise<OpenResult> {
    this.calls.push(`open ${names.join(',')}`);
    if (this.opts.throws) throw new Error(this.opts.throws);
    this.progress = onProgress;
    this.total = this.opts.packets;
    this.order = Array.from({ length: this.total }, (_, i) => i);
    if (this.hold >= 0) {
      this.indexed = this.hold;
      onProgress?.({ bytesDone: this.hold, bytesTotal: this.total, packets: this.hold, file: names[0] ?? '' });
      await new Promise<void>((r) => (this.release = r));
    }
    this.indexed = this.total;
    onProgress?.({ bytesDone: this.total, bytesTotal: this.total, packets: this.total, file: '' });
    const report: FileReport = { name: names[0] ?? '', size: files[0]?.size ?? 0, encoding: 'pcap LE ns', packets: this.total, linkTypes: ['ETHERNET'], error: this.opts.error ?? null };
    return { files: [report], packets: this.total, displayed: this.total, firstSec: 1000, firstNsec: 5, loadMs: 12, indexBytesPerPacket: 80, residentBytes: 0, suggestions: [] };
  }

  finish(): void {
    this.release?.();
  }

  async setDecodeAs(): Promise<OpenResult> {
    throw new Error('not used');
  }

  async getRows(start: number, count: number): Promise<RowWindow> {
    this.calls.push(`rows ${start}+${count}`);
    const n = Math.max(0, Math.min(count, this.indexed - start));
    const idx = Array.from({ length: n }, (_, k) => this.order[start + k] as number);
    return {
      start,
      count: n,
      frame: Uint32Array.from(idx, (r) => r + 1),
      sec: Float64Array.from(idx, (r) => 1000 + r),
      nsec: new Int32Array(n),
      delta: new Float64Array(n),
      length: Uint32Array.from(idx, (r) => 60 + (r % 7)),
      status: new Uint8Array(n),
      vni: new Int32Array(n).fill(-1),
      srcPort: new Uint16Array(n),
      dstPort: new Uint16Array(n),
      src: idx.map(() => '10.0.0.1'),
      dst: idx.map(() => '10.0.0.2'),
      outerSrc: idx.map(() => ''),
      outerDst: idx.map(() => ''),
      protocol: idx.map(() => 'UDP'),
      info: idx.map((r) => `packet ${r + 1}`),
      color: idx.map(() => 'udp'),
      custom: [],
    };
  }

  async getDetails(frame: number): Promise<PacketDetails> {
    this.calls.push(`details ${frame}`);
    const node = (label: string, field: string, offset: number, length: number, children: TreeNode[] = []): TreeNode => ({ label, field, value: '', source: 0, offset, length, generated: false, children });
    return {
      frame,
      tree: [
        node(`Frame ${frame}`, 'frame', 0, 60),
        node('Ethernet II', 'eth', 0, 14, [node('Destination: 02:00:00:00:00:01', 'eth.dst', 0, 6), node('Type: IPv4 (0x0800)', 'eth.type', 12, 2)]),
        node('Internet Protocol Version 4', 'ip', 14, 20, [node(`Source Address: 10.0.0.${frame % 250}`, 'ip.src', 26, 4)]),
      ],
      sources: [{ name: 'Frame', bytes: new Uint8Array(60) }],
      status: 0,
      comments: [],
    };
  }

  async positionOf(frame: number): Promise<number> {
    return this.order.indexOf(frame - 1);
  }

  async checkFilter(): Promise<{ ok: boolean }> {
    return { ok: true };
  }

  async applyFilter(expr: string) {
    this.calls.push(`filter ${expr}`);
    if (expr === 'bad ==') return { ok: false, error: 'expected a value', start: 6, end: 6, displayed: this.total, ms: 0 };
    return { ok: true, displayed: expr === '' ? this.total : 3, ms: 1 };
  }

  async sort(key: SortKey, descending: boolean): Promise<void> {
    this.calls.push(`sort ${key} ${descending}`);
    this.order = Array.from({ length: this.total }, (_, i) => i);
    if (descending) this.order.reverse();
  }

  async fieldNames() {
    return [];
  }

  async close(): Promise<void> {}

  async decodeAsTables() {
    return { protocols: ['geneve', 'vxlan'], defaults: [] };
  }

  async setColoringRules(rules: unknown[]): Promise<(string | null)[]> {
    return rules.map(() => null);
  }
}

export function fakeFactory(make: () => FakeApi): { factory: (onCrash: (m: string) => void) => Engine; made: FakeApi[]; terminated: number } {
  const state = { made: [] as FakeApi[], terminated: 0, factory: (_onCrash: (m: string) => void): Engine => null as unknown as Engine };
  state.factory = () => {
    const api = make();
    state.made.push(api);
    return {
      api,
      terminate: () => {
        state.terminated++;
      },
    };
  };
  return state;
}

/** Let pending promise callbacks run. */
export const settle = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

export function file(name: string, size = 100): File {
  return new File([new Uint8Array(size)], name);
}
