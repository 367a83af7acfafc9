// The helper's side of the resident-pages pool (page-source.ts): makes the zeroed buffers the
// index pass ordered, writes a zero into every 4 KiB page of each (a write, not a read: a read maps
// the kernel's shared zero page and the index pass's first write would still fault), and sends
// them back as transfers. The smallest order is made first: the conversation tables' chunks are
// needed every few thousand packets, the columns of the reservation only once.

/** An order for `count` buffers of `bytes` bytes; a new generation cancels every older order. */
export interface PageOrder {
  generation: number;
  bytes: number;
  count: number;
}

export interface PageDelivery {
  generation: number;
  buffers: ArrayBuffer[];
}

/** What the maker needs of a worker's global scope or a MessagePort. */
export interface MakerPort {
  postMessage(message: PageDelivery, transfer: Transferable[]): void;
  addEventListener(type: 'message', listener: (e: MessageEvent<PageOrder>) => void): void;
}

const PAGE = 4096;
/** Bytes made between two looks at the port: ~20 ms of faults on the VM, so that setTimeout's
 *  4 ms clamp costs little and a new order or a cancel waits little. */
const BATCH = 4 << 20;

export function servePages(port: MakerPort): void {
  let generation = 0;
  let queue: PageOrder[] = [];
  let pumping = false;

  port.addEventListener('message', (e) => {
    const o = e.data;
    if (o.generation !== generation) {
      generation = o.generation;
      queue = [];
    }
    if (o.count > 0 && o.bytes > 0) {
      queue.push({ ...o });
      queue.sort((a, b) => a.bytes - b.bytes);
    }
    if (!pumping && queue.length > 0) {
      pumping = true;
      setTimeout(pump, 0);
    }
  });

  function pump(): void {
    const buffers: ArrayBuffer[] = [];
    let made = 0;
    while (made < BATCH && queue.length > 0) {
      const o = queue[0] as PageOrder;
      const b = new ArrayBuffer(o.bytes);
      const u = new Uint8Array(b);
      for (let i = 0; i < o.bytes; i += PAGE) u[i] = 0;
      buffers.push(b);
      made += o.bytes;
      if (--o.count === 0) queue.shift();
    }
    if (buffers.length > 0) port.postMessage({ generation, buffers }, buffers);
    pumping = queue.length > 0;
    // a macrotask between batches, so that the orders and cancels that came meanwhile are read
    if (pumping) setTimeout(pump, 0);
  }
}
