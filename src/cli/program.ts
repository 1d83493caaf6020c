// The `leadscore` command line: subcommands and their options. Each action
// sets process.exitCode; main.ts runs it. Kept apart from main.ts so tests can
// build the program without running it.

import { Argument, Command, Option } from 'commander';
import { DEFAULT_WORKSPACE_ID } from '../db/defaultWorkspace';
import { runGenerate, withGenerateOptions, type GenerateOptions } from './generateCommand';
import { runImport, type ImportCommandOptions } from './importCommand';
import { runKeys } from './keysCommand';
import { integer, positive } from './options';
import { runRescore } from './rescoreCommand';
import { validateFile } from './validateCommand';

export function buildProgram(): Command {
  const program = new Command('leadscore')
    .description('Lead scoring from the command line: import, validate rules, rescore, API keys, generate data.\nConnects to DATABASE_URL, else to the embedded PostgreSQL of `npm start` (started for the command when not running).')
    .showHelpAfterError();

  program
    .command('import')
    .description('import a CSV or NDJSON file of leads or events, validated row by row, in transactional batches')
    .addArgument(new Argument('<kind>', 'leads or events').choices(['leads', 'events']))
    .argument('<file>', 'the file (.csv with a header line, or .ndjson)')
    .addOption(new Option('--format <format>', 'csv or ndjson (default: from the file name)').choices(['csv', 'ndjson']))
    .option('--batch-size <n>', 'records per transaction', positive, 5000)
    .option('--from-line <n>', 'skip records that start before this line', positive)
    .option('--resume', 'continue the import named in the progress file after its last committed batch (as the database records it)', false)
    .option('--progress-file <path>', 'the file naming the import for --resume (default: FILE.progress.json)')
    .option('--report <path>', 'write every refused record as a JSON line {line, reason}')
    .option('--no-rescore', 'do not rescore the imported leads (run `leadscore rescore MODEL` later)')
    .option('--show <n>', 'refused records to print', integer, 20)
    .option('--quiet', 'no progress bar', false)
    .option('--workspace <id>', 'workspace to import into', DEFAULT_WORKSPACE_ID)
    .action(async (kind: 'leads' | 'events', file: string, options: ImportCommandOptions) => {
      process.exitCode = await runImport(kind, file, options);
    });

  program
    .command('validate')
    .description('check a rule source; prints each problem under its line with a caret; exit 1 on errors')
    .argument('<rulesFile>', 'a file in the rule language')
    .option('--stages <names>', 'comma-separated stages the model has (checks `qualify "X"`)')
    .option('--warnings-as-errors', 'exit 1 on warnings too', false)
    .action(async (file: string, options: { stages?: string; warningsAsErrors: boolean }) => {
      const stages = options.stages?.split(',').map((s) => s.trim()).filter(Boolean);
      const outcome = await validateFile(file, { stages, warningsAsErrors: options.warningsAsErrors });
      (outcome.exitCode ? process.stderr : process.stdout).write(outcome.output);
      process.exitCode = outcome.exitCode;
    });

  program
    .command('rescore')
    .description("rescore every lead under a model's published version, recording stage crossings")
    .argument('<model>', 'model id or name')
    .option('--as-of <iso>', 'the instant scored (default: now)')
    .option('--workspace <id>', 'workspace of the model', DEFAULT_WORKSPACE_ID)
    .action(async (model: string, options: { workspace: string; asOf?: string }) => {
      process.exitCode = await runRescore(model, options);
    });

  program
    .command('keys')
    .description('create, list or revoke API keys; `keys create --role admin` prints a new key once')
    .addArgument(new Argument('<action>', 'create, list or revoke').choices(['create', 'list', 'revoke']))
    .addOption(new Option('--role <role>', 'role of a new key').choices(['admin', 'writer', 'reader']).default('reader'))
    .option('--name <name>', 'name of a new key', 'cli')
    .option('--id <id>', 'the key to revoke')
    .option('--workspace <id>', 'workspace of the keys', DEFAULT_WORKSPACE_ID)
    .action(async (action: 'create' | 'list' | 'revoke', options: { workspace: string; name?: string; role?: string; id?: string }) => {
      process.exitCode = await runKeys(action, options);
    });

  withGenerateOptions(program.command('generate').description('generate a deterministic data set into the database or files')).action(
    async (options: GenerateOptions) => {
      process.exitCode = await runGenerate(options);
    },
  );
  return program;
}
