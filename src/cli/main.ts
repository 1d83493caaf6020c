#!/usr/bin/env node
// Entry point of the `leadscore` bin (dist/src/cli/main.js after `npm run build`;
// `npx tsx src/cli/main.ts` in development).

import { buildProgram } from './program';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`leadscore: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
