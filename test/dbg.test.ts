import { it } from 'vitest';
import { capture } from '/work/main/test/workers/dissectors/transport-helpers.ts';
it('x', () => {
  const b = new Uint8Array(54);
  const v = new DataView(b.buffer);
  v.setUint16(12, 0x0800); v.setUint8(14, 0x45); v.setUint16(16, 40); v.setUint8(23, 6);
  b.set([10,0,0,1,10,0,0,2], 26); v.setUint16(34,1); v.setUint16(36,2); v.setUint32(38,100); v.setUint16(46, 0x4018);
  const { out } = capture([b], ['ip.len', 'tcp.len', 'tcp.hdr_len', 'tcp.seq']);
  console.log(JSON.stringify(out));
});
