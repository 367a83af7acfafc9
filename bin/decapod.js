#!/usr/bin/env node
// Decapod's command line. The engine is TypeScript; tsx compiles it on the fly so that the CLI,
// the Web Worker and the tests run the very same source files.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
