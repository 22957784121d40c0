/**
 * The `cutline` command: scripting, benchmarks and headless work over the same services the
 * app uses. `cutline help` lists the commands.
 */
import { CutlineError } from '../shared/result';
import { runImport } from './commands/import';
import { runList } from './commands/list';
import { runServe } from './commands/serve';
import { runShow } from './commands/show';

const USAGE = `Usage: cutline <command> [options]

Commands:
  import DIR|FILE…   import folders (recursively) and files into the catalog
                     [--watch] keep watching the folders and import what arrives
  list               list photos [--search QUERY]
  show FILE          show one photo's record
  serve              serve the app in a browser on http://127.0.0.1:PORT [--port N]

Options for every command:
  --db FILE          the catalog to use (default: $CUTLINE_DB, else the app's catalog)
  --json             print one JSON document on stdout
`;

const COMMANDS: Record<string, (args: string[]) => Promise<number>> = {
  import: runImport,
  list: runList,
  show: runShow,
  serve: runServe,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const run = COMMANDS[command];
  if (!run) {
    process.stderr.write(`cutline: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  return run(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const message =
      error instanceof CutlineError || error instanceof Error ? error.message : String(error);
    process.stderr.write(`cutline: ${message}\n`);
    process.exitCode = error instanceof CutlineError && error.code === 'invalid-input' ? 2 : 1;
  },
);
