// HTTP (workers/dissectors/http.ts) against tshark 4.0.17 on test/fixtures/http/http.pcap
// (scripts/make-http-fixture.sh plays scripts/http-exchange.py over loopback): requests and
// responses with bodies by length, headers and bodies split over segments (reassembled by TCP), a
// HEAD response, chunked transfer coding, a POST, bytes that are no HTTP message inside an HTTP
// stream and in streams joined mid-way, and port 8080. Every occurrence of 34 fields in every
// frame (one pass, as `decapod fields` reads a file), the Protocol and Info columns (tshark -2),
// and whole HTTP subtrees against tshark -2 -V.

import { spawnSync } from 'node:child_process';
import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../../golden/corpus.ts';
import { CaptureSession } from '../../../workers/session.ts';
import { dropRecord, treeLines } from './helpers.ts';

const DIR = join(REPO, 'test/fixtures/http');
const CAPTURE = join(DIR, 'http.pcap');
const FRAMES = 85;

async function open(): Promise<CaptureSession> {
  const s = new CaptureSession();
  await s.open([await openAsBlob(CAPTURE)], ['http.pcap'], []);
  return s;
}

describe('HTTP', () => {
  it("prints tshark's values of 34 fields, every occurrence, in every frame", () => {
    const [header, ...rows] = readFileSync(join(DIR, 'http.tsv'), 'utf8').replace(/\n$/, '').split('\n');
    const fields = (header as string).split('\t');
    expect(fields).toHaveLength(34);
    expect(rows).toHaveLength(FRAMES);
    const r = spawnSync('node', [join(REPO, 'bin/decapod.js'), 'fields', CAPTURE, '-E', 'occurrence=a', ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.replace(/\n$/, '').split('\n')).toEqual(rows);
    // what the fixture holds (header lines are printed as tshark escapes them)
    const column = (name: string): string[] => rows.map((row) => row.split('\t')[fields.indexOf(name)] as string).filter((v) => v !== '');
    expect(column('http.response.code')).toEqual(['200', '200', '404', '200', '200', '201', '301']);
    expect(column('http.request.uri.query.parameter')).toEqual(['q=1,r=two']);
    expect(column('http.chunk_size')).toEqual(['5,8,0']);
    expect(column('http.request.line')[0]).toBe('Host: decapod.test\\r\\n,User-Agent: fixture/1.0\\r\\n,Accept: */*\\r\\n');
  });

  it('fills the Protocol and Info columns as tshark -2 does', async () => {
    const want = readFileSync(join(DIR, 'http-columns.tsv'), 'utf8').replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    const w = await (await open()).getRows(0, FRAMES);
    const got = Array.from({ length: FRAMES }, (_, k) => [w.protocol[k], w.info[k]]);
    expect(got).toEqual(want);
    // frame 36: a form posted as application/x-www-form-urlencoded, its media type in Info
    expect(got[35]).toEqual(['HTTP', 'POST /submit HTTP/1.1  (application/x-www-form-urlencoded)']);
    // spot checks: a body over three segments, headers over two, a HEAD response, the chunks
    expect(got[15]).toEqual(['HTTP', 'HTTP/1.1 200 OK  (text/plain)']);
    expect((got[13] as string[])[1]).toMatch(/Len=1000 .*\[TCP segment of a reassembled PDU\]$/);
    expect(got[19]).toEqual(['HTTP', 'GET /missing HTTP/1.1 ']);
    expect(got[25]).toEqual(['HTTP', 'HTTP/1.1 200 OK ']);
    expect(got[39]).toEqual(['HTTP', 'Continuation']);
    // a response with a text body is an HTTP row like its request (colour family, and its Protocol
    // sort key: the body's "Line-based text data" does not take the row)
    expect([w.color[3], w.color[5]]).toEqual(['tcp', 'tcp']);
  });

  it('draws the HTTP subtrees as tshark -2 -V does', async () => {
    const s = await open();
    expect(treeLines((await s.getDetails(20)).tree, 'http')).toEqual([
      'Hypertext Transfer Protocol',
      '    GET /missing HTTP/1.1\\r\\n',
      '        [Expert Info (Chat/Sequence): GET /missing HTTP/1.1\\r\\n]',
      '            [GET /missing HTTP/1.1\\r\\n]',
      '            [Severity level: Chat]',
      '            [Group: Sequence]',
      '        Request Method: GET',
      '        Request URI: /missing',
      '        Request Version: HTTP/1.1',
      '    Host: decapod.test\\r\\n',
      '    Accept-Language: en\\r\\n',
      '    Cookie: a=1; b=2\\r\\n',
      '        Cookie pair: a=1',
      '        Cookie pair: b=2',
      '    \\r\\n',
      '    [Full request URI: http://decapod.test/missing]',
      '    [HTTP request 3/6]',
      '    [Prev request in frame: 8]',
      '    [Response in frame: 22]',
      '    [Next request in frame: 24]',
    ]);
    const chunked = treeLines((await s.getDetails(34)).tree, 'http');
    expect(chunked.slice(13, 34)).toEqual([
      '    [HTTP response 5/6]',
      '    [Time since request: 0.150908000 seconds]',
      '    [Prev request in frame: 24]',
      '    [Prev response in frame: 26]',
      '    [Request in frame: 28]',
      '    [Next request in frame: 36]',
      '    [Next response in frame: 38]',
      '    [Request URI: http://decapod.test/chunked]',
      '    HTTP chunked response',
      '        Data chunk (5 octets)',
      '            Chunk size: 5 octets',
      '            Chunk data: 68656c6c6f',
      '            Chunk boundary: 0d0a',
      '        Data chunk (8 octets)',
      '            Chunk size: 8 octets',
      '            Chunk data: 20776f726c64210a',
      '            Chunk boundary: 0d0a',
      '        End of chunked encoding',
      '            Chunk size: 0 octets',
      '        \\r\\n',
      '    File Data: 13 bytes',
    ]);
    expect(treeLines((await s.getDetails(34)).tree, 'data-text-lines')).toEqual(['Line-based text data: text/plain (1 lines)', '    hello world!\\n']);
    // a query's path and parameters
    const query = treeLines((await s.getDetails(49)).tree, 'http');
    expect(query.slice(6, 13)).toEqual([
      '        Request Method: GET',
      '        Request URI: /search?q=1&r=two',
      '            Request URI Path: /search',
      '            Request URI Query: q=1&r=two',
      '                Request URI Query Parameter: q=1',
      '                Request URI Query Parameter: r=two',
      '        Request Version: HTTP/1.0',
    ]);
    // bytes that are no message, in a stream that carried HTTP: data inside the HTTP item
    expect(treeLines((await s.getDetails(40)).tree, 'http')).toEqual([
      'Hypertext Transfer Protocol',
      '    Data (23 bytes)',
      '        Data: 00016e6f7420616e2068747470206d6573736167650d0a',
      '        [Length: 23]',
    ]);
  });

  it('shows nothing for bytes on port 80 of a stream that carried no HTTP, as tshark', async () => {
    const s = await open();
    const w = await s.getRows(0, FRAMES);
    const want = readFileSync(join(DIR, 'http-columns.tsv'), 'utf8').replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    // the mid-stream segments (the last three connections): TCP rows, one waiting for its line's end
    const tail = want.map((row, k) => [k, row] as const).filter(([k, row]) => k >= 56 && (row[1] as string).includes('Len=') && !(row[1] as string).includes('Len=0'));
    expect(tail.length).toBe(4);
    for (const [k, row] of tail) {
      expect(w.protocol[k]).toBe('TCP');
      expect(w.info[k]).toBe(row[1]);
      expect((await s.getDetails(k + 1)).tree.some((n) => n.field === 'http' || n.field === 'data')).toBe(false);
    }
  });

  it("filters as tshark -2 -Y does (frame counts taken from tshark)", async () => {
    const s = await open();
    const cases: [string, number][] = [
      ['http.host == "decapod.test"', 6], ['http.response.code == 404', 1], ['http.request.method == "POST"', 1],
      ['http.file_data contains "hello"', 2], ['http.request.line contains "Cookie"', 1], ['http.request', 7],
      ['http.time > 0.1', 2], ['data-text-lines', 4],
    ];
    for (const [expr, frames] of cases) {
      const r = await s.applyFilter(expr);
      expect(r.ok, expr).toBe(true);
      expect(r.displayed, expr).toBe(frames);
    }
  });

  it('dissects JSON bodies as tshark does: fields, columns and the value tree (json.pcap)', async () => {
    const json = join(DIR, 'json.pcap');
    const [header, ...rows] = readFileSync(join(DIR, 'json.tsv'), 'utf8').replace(/\n$/, '').split('\n');
    const fields = (header as string).split('\t');
    const r = spawnSync('node', [join(REPO, 'bin/decapod.js'), 'fields', json, '-E', 'occurrence=a', ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.replace(/\n$/, '').split('\n')).toEqual(rows);
    // keys in tree order (a member's key after its value's subtree), and a \u escape of a
    // non-ASCII character dropped as 4.0 drops it
    const vtep = (rows.find((row) => row.includes('vtep-1')) as string).split('\t');
    expect(vtep[fields.indexOf('json.key')]).toBe('name,vni,up,peers,tags,rx,tx,drops,stats,note');
    expect(vtep[fields.indexOf('json.value.string')]).toBe('vtep-1,10.0.0.1,10.0.0.2,a "quoted" ');
    const s = new CaptureSession();
    const opened = await s.open([await openAsBlob(json)], ['json.pcap'], []);
    const w = await s.getRows(0, opened.packets);
    const want = readFileSync(join(DIR, 'json-columns.tsv'), 'utf8').replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    expect(Array.from({ length: opened.packets }, (_, k) => [w.protocol[k], w.info[k]])).toEqual(want);
    const frame = w.info.findIndex((t) => t.startsWith('HTTP/1.1 200 OK , JavaScript')) + 1;
    expect(treeLines((await s.getDetails(frame)).tree, 'json').slice(0, 13)).toEqual([
      'JavaScript Object Notation: application/json',
      '    Object',
      '        Member: name',
      '            [Path with value: /name:vtep-1]',
      '            [Member with value: name:vtep-1]',
      '            String value: vtep-1',
      '            Key: name',
      '            [Path: /name]',
      '        Member: vni',
      '            [Path with value: /vni:5001]',
      '            [Member with value: vni:5001]',
      '            Number value: 5001',
      '            Key: vni',
    ]);
    expect((await s.applyFilter('json.value.number == "5001"')).displayed).toBe(1);
  });

  it("fills the columns as tshark -2 does with frame 6 lost (a lost response: the pairing and the HEAD response's length follow the stream's latest request, as packet-http.c)", async () => {
    const bytes = dropRecord(new Uint8Array(readFileSync(CAPTURE)), 6);
    const s = new CaptureSession();
    const opened = await s.open([new Blob([bytes])], ['http-drop6.pcap'], []);
    expect(opened.packets).toBe(84);
    const w = await s.getRows(0, 84);
    const want = readFileSync(join(DIR, 'http-drop6-columns.tsv'), 'utf8').replace(/\n$/, '').split('\n').map((l) => l.split('\t'));
    const got = Array.from({ length: 84 }, (_, k) => [w.protocol[k], w.info[k]]);
    // the form post, its media type in Info as in the whole capture
    const post = want.findIndex((row) => (row[1] as string).startsWith('POST'));
    expect(got[post]).toEqual(['HTTP', 'POST /submit HTTP/1.1  (application/x-www-form-urlencoded)']);
    expect(got).toEqual(want);
  });
});
