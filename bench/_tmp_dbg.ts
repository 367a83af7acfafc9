import { indexCapture } from '../test/workers/filter/harness.ts';
import { fieldById } from '../workers/fields/registry.ts';
import { generateCapture } from '../test/workers/filter/fixtures.ts';
generateCapture('/tmp/filterwork/s.pcap', 30, 1);
const cap = await indexCapture('/tmp/filterwork/s.pcap');
const sh = cap.shapes.shapes[cap.shapes.rowShape[0] as number]!;
for (let i = 0; i < sh.ids.length; i++) console.log(i, fieldById(sh.ids[i]!).name, sh.parents[i], sh.cls[i], sh.layer[i]);
