// MySQL (workers/dissectors/mysql.ts) against tshark 4.0.17 on test/fixtures/mysql/mysql.pcap
// (scripts/make-mysql-fixture.sh: MariaDB's client and server over loopback): greetings, logins
// with and without a schema and with connection attributes, queries answered by OK (with session
// state changes), ERR and result sets (one row of 70,000 bytes reassembled from three segments),
// Use Database, Ping, Statistics, Quit, and a refused login. Every occurrence of 47 fields in every
// frame (one pass, as `decapod fields` reads a file), the Protocol and Info columns (tshark -2),
// every MySQL subtree against tshark -2 -V, display filters; and zeros.pcap, the segments of zeros
// the benchmark's generated mix sends to port 3306 (hundreds of empty, malformed requests each).

import { spawnSync } from 'node:child_process';
import { openAsBlob, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TreeNode } from '../../../workers/api.ts';
import { REPO } from '../../golden/corpus.ts';
import { CaptureSession } from '../../../workers/session.ts';

const DIR = join(REPO, 'test/fixtures/mysql');
const CAPTURE = join(DIR, 'mysql.pcap');
const FRAMES = 73;

async function open(file = CAPTURE): Promise<CaptureSession> {
  const s = new CaptureSession();
  await s.open([await openAsBlob(file)], [file], []);
  return s;
}

function lines(path: string): string[] {
  return readFileSync(path, 'utf8').replace(/\n$/, '').split('\n');
}

/** Every MySQL section of a packet's tree, as tshark -V indents them. */
function mysqlLines(tree: readonly TreeNode[]): string[] {
  const out: string[] = [];
  const walk = (n: TreeNode, ind: string): void => {
    out.push(ind + n.label);
    for (const c of n.children) walk(c, ind + '    ');
  };
  for (const n of tree) if (n.field === 'mysql') walk(n, '');
  return out;
}

describe('MySQL', () => {
  it("prints tshark's values of 47 fields, every occurrence, in every frame", () => {
    const [header, ...rows] = lines(join(DIR, 'mysql.tsv'));
    const fields = (header as string).split('\t');
    expect(fields).toHaveLength(47);
    expect(rows).toHaveLength(FRAMES);
    const r = spawnSync('node', [join(REPO, 'bin/decapod.js'), 'fields', CAPTURE, '-E', 'occurrence=a', ...fields.flatMap((f) => ['-e', f])], { encoding: 'utf8', maxBuffer: 1 << 26 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.replace(/\n$/, '').split('\n')).toEqual(rows);
    // what the fixture holds
    const column = (name: string): string[] => rows.map((row) => row.split('\t')[fields.indexOf(name)] as string).filter((v) => v !== '');
    expect(column('mysql.error_code')).toEqual(['1054', '1045']);
    expect(column('mysql.user')).toEqual(['deca', 'deca', 'deca', 'deca']);
    expect(column('mysql.field.name')).toEqual(['id,name,price', 'DATABASE()', 'big', '1']);
    expect(column('mysql.row.text')[0]).toBe('1,cable,3.50,2,switch,129.00,3,NULL,0.50');
    expect(column('mysql.row.text')[2]).toBe('x'.repeat(70000));
  });

  it('fills the Protocol and Info columns as tshark -2 does', async () => {
    const want = lines(join(DIR, 'mysql-columns.tsv')).map((l) => l.split('\t'));
    const w = await (await open()).getRows(0, FRAMES);
    const got = Array.from({ length: FRAMES }, (_, k) => [w.protocol[k], w.info[k]]);
    expect(got).toEqual(want);
    const infos = new Set(got.filter(([p]) => p === 'MySQL').map(([, i]) => i));
    for (const info of ['Server Greeting  proto=10 version=10.11.19-MariaDB-0+deb12u1 ', 'Login Request user=deca db=shop ', 'Request Query',
      'Response  OK ', 'Response  Error 1054 ', 'Response TABULAR Response ', 'Request Statistics', 'Request Use Database', 'Response  Error 1045 ']) {
      expect(infos.has(info), info).toBe(true);
    }
  });

  it('draws every MySQL subtree as tshark -2 -V does', async () => {
    const s = await open();
    const want = new Map<number, string[]>();
    let frame = 0;
    for (const line of lines(join(DIR, 'mysql-trees.txt'))) {
      const m = /^Frame (\d+)$/.exec(line);
      if (m) {
        frame = Number(m[1]);
        if (!want.has(frame)) want.set(frame, []);
      }
      else want.get(frame)?.push(line);
    }
    expect(want.size).toBe(39);
    for (const [n, tree] of want) expect(mysqlLines((await s.getDetails(n)).tree), `frame ${n}`).toEqual(tree);
    // a row of 70,000 bytes: its line cut as Wireshark cuts a label of 240 characters or more
    const big = [...want.values()].flat().find((l) => l.includes('[truncated]')) as string;
    expect(big.trim()).toMatch(/^text \[truncated\]: x+$/);
    expect(big.trim()).toHaveLength(238);
  });

  it('filters as tshark -2 -Y does (frame counts taken from tshark)', async () => {
    const s = await open();
    const cases: [string, number][] = [
      ['mysql', 39], ['mysql.command == 3', 8], ['mysql.query contains "items"', 5], ['mysql.error_code == 1054', 1],
      ['mysql.response_code == 0xff', 2], ['mysql.user == "deca"', 4], ['mysql.schema == "shop"', 1],
      ['mysql.field.name == "price"', 1], ['mysql.row.text == "cable"', 1], ['mysql.caps.sc == 1', 8],
      ['mariadb.extcaps.client', 4], ['mysql.num_fields >= 1', 4], ['mysql.eof', 5],
      ['mysql.session_track.schema == "mysql"', 1], ['mysql.server_status & 0x4000', 2], ['mysql.message contains "Uptime"', 1],
    ];
    for (const [expr, frames] of cases) {
      const r = await s.applyFilter(expr);
      expect(r.ok, expr).toBe(true);
      expect(r.displayed, expr).toBe(frames);
    }
  });

  it("shows the mix's segments of zeros as tshark does: one malformed request per 4 bytes", async () => {
    const zeros = join(DIR, 'zeros.pcap');
    const want = lines(join(DIR, 'zeros-columns.tsv')).map((l) => l.split('\t'));
    const s = await open(zeros);
    const w = await s.getRows(0, want.length);
    expect(Array.from({ length: want.length }, (_, k) => [w.protocol[k], w.info[k]])).toEqual(want.map(([p, i]) => [p, i]));
    // each frame: as many MySQL items as its payload has 4-byte PDUs (the index pass adds them in
    // one loop, the details view one PDU at a time: the same items)
    for (let k = 0; k < want.length; k++) {
      const tree = (await s.getDetails(k + 1)).tree;
      expect(tree.filter((n) => n.field === 'mysql')).toHaveLength(Number((want[k] as string[])[2]) / 4);
    }
    expect((await s.applyFilter('mysql && _ws.malformed')).displayed).toBe(want.length);
  });
});
