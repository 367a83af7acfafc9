// A CaptureSession opening a file over the fake engine (fake-engine.ts), as the store specs of the
// `ui` project set it up (stores.spec.ts, head-rows.spec.ts). Imports a .svelte.ts store: for
// *.spec.ts files only.
import { CaptureSession } from '../../src/lib/state/capture.svelte.ts';
import { FakeApi, fakeFactory, file } from './fake-engine.ts';

/** An engine over `packets` packets whose load stops after `hold` of them until finish(). */
export function heldApi(packets: number, hold: number): FakeApi {
  const a = new FakeApi({ packets });
  a.hold = hold;
  return a;
}

/** A session over engines that `make` builds, opening `name`: the load runs on (`run` ends with
 *  it), `api` is the engine made for it. */
export function opening<A extends FakeApi>(make: () => A, name = 'big.pcap'): { s: CaptureSession; run: Promise<void>; api: A } {
  const f = fakeFactory(make);
  const s = new CaptureSession(f.factory);
  const run = s.open([file(name)]);
  return { s, run, api: f.made[0] as A };
}
