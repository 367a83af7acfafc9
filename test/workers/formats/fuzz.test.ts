// Damaged files never make the reader throw or hand out bytes beyond the file: random byte flips
// in corpus captures, read with random chunk sizes.

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../workers/formats/open.ts';
import { blobOf, captureBytes } from './corpus.ts';

const SEEDS = ['ngtg_be_test202.pcapng', 'ngtg_le_test008.pcapng', 'modify-request.pcapng', 'timestamp_invalid_nano.pcap', 'pptp.pcap'];

describe('fuzz: flipped bytes', () => {
  it.each(SEEDS)('%s', async (name) => {
    const original = captureBytes(name);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: original.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(13, 256, 4096),
        async (flips, chunkSize) => {
          const bytes = original.slice();
          for (const [at, value] of flips) bytes[at] = value;
          let bad = 0;
          const res = await readCapture(blobOf(bytes), (rec) => {
            const inside = rec.fileOffset >= 0 && rec.fileOffset + rec.capLen <= bytes.length;
            if (!inside || rec.data.length !== rec.capLen) bad++;
          }, { chunkSize });
          expect(bad).toBe(0);
          expect(res.error === null || typeof res.error === 'string').toBe(true);
        },
      ),
      { numRuns: 100, seed: 7 },
    );
  }, 60_000);
});
