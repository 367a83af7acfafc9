// The index worker's side of the resident-pages helper (page-source.ts): orders go to the helper
// through its port, the zeroed buffers it made come back (moved, not copied) and wait here, by
// size, until the pass takes them.

import type { PageSource } from './page-source.ts';
import type { PageOrder, PageDelivery } from './page-maker.ts';

/** What the pool needs of a Worker or MessagePort. */
export interface PagePort {
  postMessage(message: PageOrder): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<PageDelivery>) => void): void;
}

export class PagePool implements PageSource {
  private readonly bySize = new Map<number, ArrayBuffer[]>();
  /** Orders since the last release(): a delivery made for an older one is dropped. */
  private generation = 0;
  /** Buffers handed out by take() (for the benchmark and the tests). */
  taken = 0;
  /** Bytes of those buffers. */
  takenBytes = 0;

  constructor(private readonly port: PagePort) {
    port.addEventListener('message', (e) => {
      const d = e.data;
      if (d.generation !== this.generation) return;
      for (const b of d.buffers) {
        const list = this.bySize.get(b.byteLength);
        if (list) list.push(b);
        else this.bySize.set(b.byteLength, [b]);
      }
    });
  }

  take(bytes: number): ArrayBuffer | null {
    const b = this.bySize.get(bytes)?.pop();
    if (b === undefined) return null;
    this.taken++;
    this.takenBytes += bytes;
    return b;
  }

  order(bytes: number, count: number): void {
    if (bytes > 0 && count > 0) this.port.postMessage({ generation: this.generation, bytes, count });
  }

  ready(bytes: number): number {
    return this.bySize.get(bytes)?.length ?? 0;
  }

  release(): void {
    this.bySize.clear();
    this.generation++;
    this.port.postMessage({ generation: this.generation, bytes: 0, count: 0 });
  }
}
