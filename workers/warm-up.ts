// The engine's warm-up, run once when the worker starts (page load): a throw-away session opens a
// small capture made in memory (warm-up-capture.ts), asks for its rows and dissects a few packets
// in full. V8 compiles a function the first time it runs and optimises it after it has run a
// while, so without this the first screen of a real capture ran on cold code: its first chunk,
// its first rows (Info, columns) and its first details took several times longer than later ones.
// Opening a capture stops the warm-up (worker-api.ts aborts it and waits for it to end): between
// steps, or inside an open at its next chunk, so that a capture dropped during the warm-up waits
// for at most one chunk of the warm-up capture instead of a whole round.
//
// Then rounds of the index pass alone over the packets after those, a thousand at a time (20,000
// in all), so that V8 has optimised the pass before a real capture comes: it compiles its hottest
// functions (the dissectors, the conversation and address tables, the summary) only after
// thousands of packets, and again each time they meet values they had not seen (replies,
// conversations found again, sequence numbers past 2^31, tables that grow), each compilation of
// 50-330 ms of CPU on the 2-core benchmark machine, while the pass runs on slower code. Measured in
// Chromium (the index pass of the 1M mix, alternating runs): 8.2-8.8 s after the first screen's
// steps alone, 7.0-8.6 s after the rounds too (an earlier set, 8 rounds of 2,500 packets of a
// first version of this capture: 6.2-8.0 s and 5.1-5.6 s); rounds of 60,000 packets in all
// gained nothing more. A round takes 17-225 ms in a Chromium worker (the
// first ones slowest; 26-103 ms in Node once the first has run): an open waited for all of it
// before a round could stop at its next chunk.
//
// The last round is longer (4,608 packets, with a new UDP conversation and ARP sender in each of
// its packets of those kinds; 135-199 ms in Chromium): it reaches what a thousand packets never
// do, the packet estimate after 4,096 (session.ts) and the first growth of the shape index's rows
// and of the conversation tables. Code that V8 optimised without ever running a branch is
// thrown away when a capture first takes it, together with everything optimised around it (the
// whole per-packet pass is inlined into a few functions), and compiled again while the pass runs
// on slower code. With field constness fixed (fields/typed-arrays.ts) and this round, V8 compiled
// 93 functions during the 1M mix's index pass instead of 177 (1.3 s of compile time instead of
// 2.3 s, by --trace-opt's count, one traced run each), and the pass took 5.18-5.38 s against
// 5.72-5.92 s before (a Chromium worker, four alternating runs each).
//
// Later, DNS over TCP (a query, and zeros that are no DNS message), TCP between ports no
// dissector takes, and an address table that starts small (so that the warm-up grows it) took
// the deoptimisations during that load from 14 to 4 (--trace-deopt-verbose names the source line of each); V8 still compiled 68
// functions during it, "hot and stable", and the pass took as long (4.31-4.66 s against
// 4.36-4.68 s, four alternating runs each).

import { CaptureSession } from './session.ts';
import { WARM_UP_KINDS, warmUpCapture } from './warm-up-capture.ts';

/** Packets in the warm-up capture (each kind 40 times), and rows asked for as the list would. */
export const WARM_UP_PACKETS = WARM_UP_KINDS.length * 40;
const ROWS = 60;
/** Index-pass rounds after the first screen's steps, and the packets of each. */
export const WARM_UP_ROUNDS = 20;
const ROUND_PACKETS = 1000;
const LAST_ROUND_PACKETS = 4608;

/**
 * Runs the engine over the warm-up capture until `signal` aborts it: then it ends at the current
 * step's next chunk (an open) or after the step (the others), and resolves. `onStep` is told
 * before each step starts (tests count them).
 */
export async function warmUp(signal: AbortSignal, onStep?: () => void): Promise<void> {
  const session = new CaptureSession();
  const steps: (() => Promise<unknown>)[] = [
    () => session.open([new Blob([warmUpCapture(WARM_UP_PACKETS) as BlobPart])], ['warm-up.pcap'], [], undefined, signal),
    () => session.getRows(0, ROWS),
    () => session.getRows(WARM_UP_PACKETS - ROWS, ROWS),
    // a packet of each kind in full, as the details pane shows it
    ...WARM_UP_KINDS.map((_, i) => () => session.getDetails(i + 1)),
    () => session.close(),
    ...Array.from({ length: WARM_UP_ROUNDS }, (_, k) => () => indexRound(WARM_UP_PACKETS + k * ROUND_PACKETS, k === WARM_UP_ROUNDS - 1 ? LAST_ROUND_PACKETS : ROUND_PACKETS, signal)),
  ];
  try {
    for (const step of steps) {
      if (signal.aborted) break;
      onStep?.();
      await step();
    }
  } catch (e) {
    if (!signal.aborted) throw e; // an open stopped at its next chunk ends the warm-up; anything else is a fault
  } finally {
    await session.close();
  }
}

/** The index pass over `packets` packets of the warm-up capture from packet `first` on. */
async function indexRound(first: number, packets: number, signal: AbortSignal): Promise<void> {
  const session = new CaptureSession();
  try {
    await session.open([new Blob([warmUpCapture(packets, first) as BlobPart])], ['warm-up.pcap'], [], undefined, signal);
  } finally {
    await session.close();
  }
}
