// Linux vsockmon (workers/dissectors/vsock.ts): vsock-1.pcapng frames 1 and 5.

import { describe, expect, it } from 'vitest';
import { checkCuts, frame, hex } from './helpers.ts';

// Frame 1: connect, virtio transport header, no payload.
const CONNECT = '0300000000000000020000000000000000040000d2040000010002002c0000000300000000000000020000000000000000040000d20400000000000001000100000000000000040000000000';
// Frame 5: payload "World\n".
const PAYLOAD = '0300000000000000020000000000000000040000d2040000040002002c0000000300000000000000020000000000000000040000d20400000600000001000500000000000000040000000000576f726c640a';

describe('vsock', () => {
  it('decodes vsock-1.pcapng frame 1 as tshark 4.0 does', () => {
    const f = frame(hex(CONNECT), 271);
    expect(f.protocols).toBe('frame:vsock');
    expect(f.v('vsock.src_cid')).toBe('3');
    expect(f.v('vsock.dst_cid')).toBe('2');
    expect(f.v('vsock.src_port')).toBe('1024');
    expect(f.v('vsock.dst_port')).toBe('1234');
    expect(f.v('vsock.op')).toBe('1');
    expect(f.v('vsock.trans')).toBe('2');
    expect(f.v('vsock.trans_len')).toBe('44');
    expect(f.v('vsock.reserved')).toBe('0000');
    expect(f.v('vsock.virtio.src_prot')).toBe('1024');
    expect(f.v('vsock.virtio.type')).toBe('1');
    expect(f.v('vsock.virtio.op')).toBe('1');
    expect(f.v('vsock.virtio.flags')).toBe('0x00000000');
    expect(f.v('vsock.virtio.buf_alloc')).toBe('262144');
    expect(f.v('vsock.payload')).toBe('');
    expect(f.parentOf('vsock.virtio.src_cid')).toBe('_ws.text');
  });

  it('decodes the payload of vsock-1.pcapng frame 5', () => {
    const f = frame(hex(PAYLOAD), 271);
    expect(f.v('vsock.op')).toBe('4');
    expect(f.v('vsock.virtio.len')).toBe('6');
    expect(f.v('vsock.payload')).toBe('576f726c640a');
  });

  it('declines frames shorter than the 32-byte header (data)', () => {
    expect(frame(hex(CONNECT).subarray(0, 31), 271).protocols).toBe('frame:data');
  });

  it('never throws at any cut (the virtio header shows only when all 44 bytes are there)', () => {
    checkCuts(hex(CONNECT), 271, 32, 76, ['vsock.src_cid', 'vsock.op', 'vsock.trans_len', 'vsock.virtio.src_cid', 'vsock.virtio.fwd_cnt']);
    expect(frame(hex(CONNECT).subarray(0, 40), 271, 76).v('vsock.virtio.src_cid')).toBe('');
  });
});
