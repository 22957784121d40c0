/**
 * Start-up benchmark (`npm run bench:start`): how long a `cutline` command takes as a person
 * or a script meets it, from process start to exit, beside bare `node -e 0` in the same run.
 * Each command runs ROUNDS times, the commands taking turns so that this VM's drifting speed
 * touches them alike; the median is printed with its ratio to bare node (goal ≤ 3×). Also
 * times 10,000 credit lines through `credit parse --stdin` (goal ≤ 2 s).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const CLI = join(ROOT, 'bin', 'cutline.js');
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const GOAL_RATIO = 3;
const CREDIT_LINES = 10_000;
const CREDIT_GOAL_S = 2;

if (!existsSync(join(ROOT, 'out', 'main', 'cli.js'))) {
  console.error('bench:start: run "npm run build" first (the benchmark times the built command).');
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'cutline-bench-start-'));
const env = { ...process.env, CUTLINE_DB: join(work, 'empty.sqlite') };

const commands: { label: string; args: string[]; input?: string }[] = [
  { label: 'node -e 0 (reference)', args: ['-e', '0'] },
  { label: 'cutline --help', args: [CLI, '--help'] },
  { label: 'cutline credit parse …', args: [CLI, 'credit', 'parse', 'AP Photo/Ahn Young-joon'] },
  { label: 'cutline list (empty catalog)', args: [CLI, 'list'] },
];

/** Wall time of one run in ms; a failed run stops the benchmark (a timing of an error lies). */
function timeRun(args: string[], input?: string): number {
  const started = process.hrtime.bigint();
  const run = spawnSync(process.execPath, args, {
    env,
    input,
    encoding: 'utf8',
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (run.status !== 0) {
    console.error(
      `bench:start: node ${args.join(' ')} failed (exit ${run.status}):\n${run.stderr}`,
    );
    process.exit(1);
  }
  return ms;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
};

// One untimed run of each first: the page cache holds the files after it, as for a person
// who has used the command before.
for (const command of commands) timeRun(command.args);
const times = commands.map(() => [] as number[]);
for (let round = 0; round < ROUNDS; round++) {
  for (const [i, command] of commands.entries()) times[i]?.push(timeRun(command.args));
}
const reference = median(times[0] ?? []);
console.log(`Process start to exit, median of ${ROUNDS} runs each (alternating):`);
commands.forEach((command, i) => {
  const ms = median(times[i] ?? []);
  const ratio = ms / reference;
  const verdict =
    i === 0
      ? ''
      : `  ${ratio.toFixed(1)}× node  goal ≤ ${GOAL_RATIO}×: ${ratio <= GOAL_RATIO ? 'met' : 'NOT met'}`;
  console.log(`  ${command.label.padEnd(32)} ${ms.toFixed(0).padStart(5)} ms${verdict}`);
});

const samples = [
  'REUTERS/Kim Hong-Ji',
  'AP Photo/Ahn Young-joon',
  'Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP',
  'JUNG YEON-JE/AFP via Getty Images',
  'Photo by Chip Somodevilla/Getty Images',
  'EPA-EFE/JEON HEON-KYUN',
];
const lines = Array.from({ length: CREDIT_LINES }, (_, i) => samples[i % samples.length]).join(
  '\n',
);
const batch = median([0, 1, 2].map(() => timeRun([CLI, 'credit', 'parse', '--stdin'], lines)));
console.log(
  `  credit parse --stdin, ${CREDIT_LINES.toLocaleString('en-US')} lines ${(batch / 1000).toFixed(2).padStart(9)} s  goal ≤ ${CREDIT_GOAL_S} s: ${batch / 1000 <= CREDIT_GOAL_S ? 'met' : 'NOT met'}`,
);
rmSync(work, { recursive: true, force: true });
