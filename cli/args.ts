// Command-line arguments, tshark-style: `-e FIELD` repeated, `-d` repeated, `-E header=y`.

import { parseDecodeAs } from '../workers/dissectors/decode-as.ts';
import type { DecodeAsRule } from '../workers/dissectors/tables.ts';

export interface CliArgs {
  command: 'fields' | 'help';
  file: string;
  fields: string[];
  rules: DecodeAsRule[];
  header: boolean;
  filter?: string;
  profile?: string;
}

export function parseArgs(argv: string[]): CliArgs {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '--help' || command === '-h') {
    return { command: 'help', file: '', fields: [], rules: [], header: false };
  }
  if (command !== 'fields') throw new Error(`unknown command "${command}"`);
  const args: CliArgs = { command, file: '', fields: [], rules: [], header: false };
  const value = (i: number, flag: string): string => {
    const v = rest[i + 1];
    if (v === undefined) throw new Error(`${flag} needs a value`);
    return v;
  };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] as string;
    switch (a) {
      case '-e':
        args.fields.push(value(i++, a));
        break;
      case '-d':
        args.rules.push(...parseDecodeAs(value(i++, a)));
        break;
      case '-Y':
        args.filter = value(i++, a);
        break;
      case '-r':
        args.file = value(i++, a);
        break;
      case '--profile':
        args.profile = value(i++, a);
        break;
      case '-E': {
        const opt = value(i++, a);
        const [k, v] = opt.split('=', 2);
        if (k === 'header') args.header = v === 'y';
        else if (k === 'separator' && (v === '/t' || v === '\t')) break;
        else if (k === 'occurrence' && v === 'a') break;
        else if (k === 'aggregator' && v === ',') break;
        else throw new Error(`unsupported -E option "${opt}" (only header=y|n and the defaults separator=/t occurrence=a aggregator=, are supported)`);
        break;
      }
      case '-n':
      case '-T':
        if (a === '-T' && value(i++, a) !== 'fields') throw new Error('only -T fields is supported');
        break;
      default:
        if (a.startsWith('-')) throw new Error(`unknown option "${a}"`);
        if (args.file !== '') throw new Error(`more than one capture file given ("${args.file}", "${a}")`);
        args.file = a;
    }
  }
  if (args.file === '') throw new Error('no capture file given');
  if (args.fields.length === 0) throw new Error('no fields given (use -e FIELD)');
  return args;
}
