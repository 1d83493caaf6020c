// npm run generate -- --leads N --events M --seed S [--out DIR --format csv|ndjson] [--now ISO]
// A deterministic data set into the database (DATABASE_URL or the embedded one) or into files.

import { Command } from 'commander';
import { runGenerate, withGenerateOptions, type GenerateOptions } from '../src/cli/generateCommand';

withGenerateOptions(new Command('generate'))
  .action(async (options: GenerateOptions) => {
    process.exitCode = await runGenerate(options);
  })
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.stderr.write(`generate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
