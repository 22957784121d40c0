/**
 * The `cutline` command: scripting, benchmarks and headless work over the same services the
 * app uses. `cutline help` lists the commands.
 */
import { failureMessage } from '../main/services/failure-message';
import { CutlineError } from '../shared/result';

const USAGE = `Usage: cutline <command> [options]

Commands:
  import DIR|FILE…   import folders (recursively) and files into the catalog
                     [--watch] keep watching the folders and import what arrives
                     [--thumbnails=later] store the photos without waiting for the
                     thumbnails that must be rendered (photos without an embedded one)
  thumbnails         render the thumbnails photos in the catalog lack (after
                     import --thumbnails=later), on every core
  list               list photos [--search QUERY]
  show FILE          show one photo's record
  serve              serve the app in a browser on http://127.0.0.1:PORT [--port N]; open
                     the address it prints (it carries this launch's key)
  credit parse TEXT  read a credit line into its parts and recognise its style
                     [--stdin] one credit a line, one JSON object a line out
  credit convert TEXT --style STYLE
                     print a credit in a house style (ap, reuters, getty, afp, epa,
                     newspaper, comma) or --template TEXT [--stdin]
  credit format --style STYLE --json-in
                     print the credit given as JSON on stdin in a house style
  caption split TEXT split a caption from the credit it ends with [--stdin]
  credits            the credit block for the photos [--search QUERY] [--import-run N |
                     --last-import], in the house style or --style STYLE; [--out FILE]
                     saves it to a file ([--force] to replace one that exists)
  set FILE… --FIELD VALUE …
                     change fields in the catalog, e.g. --caption TEXT --credit-line AP
                     --creators A --creators B (repeat for lists); files are written later
  apply-template NAME FILE…
                     fill the files' empty fields from a template [--overwrite] [--live]
  agree FILE…        make the copies (EXIF, IIM, XMP) of every field that disagrees agree,
                     or only [--field NAME]… (e.g. --field caption); the files get the
                     catalog's value at the next write
  history FILE       every recorded change of a photo's fields
  undo, redo         take back (or do again) the latest edit, batch or template
  settings           show the settings; set one with  settings set KEY VALUE
  export --format csv|xlsx|docx|pdf|txt|html --out FILE
                     a caption sheet of the photos [--search QUERY] [--import-run N |
                     --last-import] (the photos an import found; import prints its run)
                     [--fields LIST] [--pattern '{caption} ({credit:ap})']
                     [--sort shown|date|fileName|creator]
                     [--per-page 4|6|12|20|30] [--title TEXT] [--style STYLE]
                     [--force] replace FILE if it exists (never a photo, sidecar or catalog)
  import-sheet FILE  read captions back from a CSV/XLSX keyed by file name, as one
                     undo step [--dry-run]
  write [FILE…]      write the catalog's fields into the files (XMP, IIM, EXIF; RAW files
                     get an XMP sidecar) [--all-changed] every photo with unwritten changes
                     [--sidecar] XMP sidecars for every format; finishes an interrupted batch
  desk join URL --name NAME [--root DIR]
                     share edits with a desk (a PostgreSQL database, postgres://…); DIR is
                     the local folder that is the desk's root (default: this folder); a
                     password comes from ~/.pgpass or PGPASSWORD and is never stored
  desk status|sync|conflicts|leave
                     the desk's state [--json]; push and pull once; the open conflicts;
                     leave the desk
  desk settle ID --take desk|other | --value TEXT
                     settle a desk conflict for everyone

Options for every command:
  --db FILE          the catalog to use (default: $CUTLINE_DB, else the app's catalog)
  --json             print one JSON document on stdout
`;

type Command = (args: string[]) => Promise<number>;

/**
 * Each command's module is loaded only when it runs: `credit parse` needs none of the catalog,
 * export or image libraries, and loading them all took about a second before any work.
 */
const COMMANDS: Record<string, () => Promise<Command>> = {
  import: async () => (await import('./commands/import')).runImport,
  list: async () => (await import('./commands/list')).runList,
  thumbnails: async () => (await import('./commands/thumbnails')).runThumbnails,
  show: async () => (await import('./commands/show')).runShow,
  serve: async () => (await import('./commands/serve')).runServe,
  credit: async () => (await import('./commands/credit')).runCredit,
  caption: async () => (await import('./commands/caption')).runCaption,
  credits: async () => (await import('./commands/credits')).runCredits,
  set: async () => (await import('./commands/edit')).runSet,
  'apply-template': async () => (await import('./commands/edit')).runApplyTemplate,
  agree: async () => (await import('./commands/agree')).runAgree,
  history: async () => (await import('./commands/edit')).runHistory,
  undo: async () => (await import('./commands/edit')).runReplay('undo'),
  redo: async () => (await import('./commands/edit')).runReplay('redo'),
  settings: async () => (await import('./commands/settings')).runSettings,
  write: async () => (await import('./commands/write')).runWrite,
  export: async () => (await import('./commands/export')).runExport,
  'import-sheet': async () => (await import('./commands/import-sheet')).runImportSheet,
  desk: async () => (await import('./commands/desk')).runDesk,
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  const load = COMMANDS[command];
  if (!load) {
    process.stderr.write(`cutline: unknown command "${command}"\n\n${USAGE}`);
    return 2;
  }
  const run = await load();
  return run(rest);
}

/** Set once main() has settled; until then the command has not finished what it says. */
let finished = false;

// Node exits when nothing is left to wait for, even while main() awaits a promise that
// nothing will ever settle (a lost callback): that must not pass for success.
process.on('beforeExit', () => {
  if (finished) return;
  finished = true;
  process.stderr.write('cutline: stopped before finishing (an internal wait was never answered)\n');
  process.exitCode = 1;
});

main(process.argv.slice(2)).then(
  (code) => {
    finished = true;
    process.exitCode = code;
  },
  (error: unknown) => {
    finished = true;
    const message = error instanceof CutlineError ? error.message : failureMessage(error);
    process.stderr.write(`cutline: ${message}\n`);
    process.exitCode = error instanceof CutlineError && error.code === 'invalid-input' ? 2 : 1;
  },
);
