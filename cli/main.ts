// `decapod fields FILE [-e FIELD]... [-d udp.port==N,PROTO]... [-Y FILTER] [-E header=y] [--profile FILE]`
// prints what `tshark -n -r FILE -T fields -E separator=/t -E occurrence=a -E aggregator=,` prints.
// Node-only glue: argument parsing, files, stdout. Everything else is the engine in workers/.

import { openAsBlob } from 'node:fs';
import { stat } from 'node:fs/promises';
import { parseArgs, type CliArgs } from './args.ts';
import { exportFields } from '../workers/export/fields.ts';
import { loadProfileRules } from './profile.ts';
import { compileFilterForCli } from './filter.ts';

const USAGE = `usage: decapod fields FILE [-e FIELD]... [-d TABLE==VALUE,PROTO]... [-Y FILTER] [-E header=y] [--profile FILE]`;

export async function main(argv: string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`decapod: ${(e as Error).message}\n${USAGE}\n`);
    return 1;
  }
  if (args.command === 'help') {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  try {
    const info = await stat(args.file).catch(() => null);
    if (!info || !info.isFile()) throw new Error(`cannot open "${args.file}": no such file`);
    const rules = [...(args.profile ? await loadProfileRules(args.profile) : []), ...args.rules];
    const filter = args.filter !== undefined ? compileFilterForCli(args.filter, rules) : undefined;
    const blob = await openAsBlob(args.file);
    const out = new StdoutWriter();
    const result = await exportFields(blob, { fields: args.fields, rules, header: args.header, write: (t) => out.write(t), filter });
    await out.flush();
    if (result.error !== null) {
      process.stderr.write(`decapod: "${args.file}": ${result.error}\n`);
      return 2;
    }
    return 0;
  } catch (e) {
    process.stderr.write(`decapod: ${(e as Error).message}\n`);
    return 1;
  }
}

/** Buffered stdout that respects back-pressure (a pipe to `head` or `diff` must not lose lines). */
class StdoutWriter {
  private pending: Promise<void> = Promise.resolve();

  write(text: string): void {
    if (!process.stdout.write(text)) {
      this.pending = new Promise((resolve) => process.stdout.once('drain', () => resolve()));
    }
  }

  async flush(): Promise<void> {
    await this.pending;
  }
}
