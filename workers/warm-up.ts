// The engine's warm-up, run once when the worker starts (page load): a throw-away session opens a
// small capture made in memory (warm-up-capture.ts), asks for its rows and dissects a few packets
// in full. V8 compiles a function the first time it runs and optimises it after it has run a
// while, so without this the first screen of a real capture ran on cold code: its first chunk,
// its first rows (Info, columns) and its first details took several times longer than later ones.
// Opening a capture stops the warm-up at its next step (worker-api.ts waits for that step).

import { CaptureSession } from './session.ts';
import { WARM_UP_KINDS, warmUpCapture } from './warm-up-capture.ts';

/** Packets in the warm-up capture (each kind 40 times), and rows asked for as the list would. */
export const WARM_UP_PACKETS = WARM_UP_KINDS.length * 40;
const ROWS = 60;

/** Runs the engine over the warm-up capture; `stop()` true ends it between steps. */
export async function warmUp(stop: () => boolean): Promise<void> {
  const session = new CaptureSession();
  const steps: (() => Promise<unknown>)[] = [
    () => session.open([new Blob([warmUpCapture(WARM_UP_PACKETS) as BlobPart])], ['warm-up.pcap'], []),
    () => session.getRows(0, ROWS),
    () => session.getRows(WARM_UP_PACKETS - ROWS, ROWS),
    // a packet of each kind in full, as the details pane shows it
    ...WARM_UP_KINDS.map((_, i) => () => session.getDetails(i + 1)),
  ];
  for (const step of steps) {
    if (stop()) return;
    await step();
  }
  await session.close();
}
