// `decapod fields FILE [-e FIELD]... [-d udp.port==N,PROTO]... [-Y FILTER] [-E header=y] [--profile FILE]`
// prints what `tshark -n -r FILE -T fields -E separator=/t -E occurrence=a -E aggregator=,` prints.
// Node-only glue: argument parsing, files, stdout. Everything else is the engine in workers/.

import { stat } from 'node:fs/promises';
import { parseArgs, type CliArgs } from './args.ts';
import { openFileBlob } from './file-blob.ts';
import { exportFields } from '../workers/export/fields.ts';
import { loadProfileRules } from './profile.ts';
import { compileFilterForCli } from './filter.ts';
import { RowThread, serveRowWriter } from './row-thread.ts';

// Started again as the row writer thread (row-thread.ts), this bundle serves that instead.
serveRowWriter();

const USAGE = `usage: decapod fields FILE [-e FIELD]... [-d TABLE==VALUE,PROTO]... [-Y FILTER] [-E header=y] [--profile FILE]`;

export async function main(argv: string[]): Promise<number> {
  // A closed pipe (`decapod fields … | head`) ends the output quietly, as tshark does.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
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
    const file = openFileBlob(args.file);
    const out = new StdoutWriter();
    const rows = RowThread.start(args.fields, info.size, () => process.exit(0));
    const result = await exportFields(file.blob, { fields: args.fields, rules, header: args.header, write: (t) => out.write(t), filter, batches: rows?.onBatch })
      .catch(async (e: unknown) => {
        await rows?.abort();
        throw e;
      })
      .finally(file.close);
    await rows?.end();
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

/** Stdout that respects back-pressure (a pipe to `head` or `diff` must not lose lines): while the
 *  pipe is full, text waits in a queue that drains on 'drain', with one listener at a time. */
class StdoutWriter {
  private queue: (string | Uint8Array)[] = [];
  private blocked = false;
  private idle: (() => void)[] = [];

  write(text: string | Uint8Array): void {
    if (this.blocked) this.queue.push(text);
    else if (!process.stdout.write(text)) this.block();
  }

  private block(): void {
    this.blocked = true;
    process.stdout.once('drain', () => {
      this.blocked = false;
      while (this.queue.length > 0) {
        if (!process.stdout.write(this.queue.shift() as string | Uint8Array)) {
          this.block();
          return;
        }
      }
      for (const f of this.idle.splice(0)) f();
    });
  }

  flush(): Promise<void> {
    return this.blocked ? new Promise((resolve) => this.idle.push(resolve)) : Promise.resolve();
  }
}
