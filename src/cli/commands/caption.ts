import { splitCaption } from '../../shared/credit';
import { CutlineError } from '../../shared/result';
import { parseCommandArgs, printJson } from '../cli-options';
import { eachStdinLine } from '../json-lines';

/**
 * `cutline caption split TEXT [--json]`: separates a caption from the credit it ends with;
 * `--stdin` splits one caption a line, printing JSON Lines.
 */
export async function runCaption(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    stdin: { type: 'boolean', default: false },
  });
  const [action, ...words] = positionals;
  if (action !== 'split') {
    throw new CutlineError(
      'invalid-input',
      'Use: cutline caption split [--json] [--] TEXT | --stdin (put -- before a caption that starts with "-")',
    );
  }
  if (values.stdin) return eachStdinLine((line) => ({ input: line, ...splitCaption(line) }));
  const text = words.join(' ');
  if (!text) throw new CutlineError('invalid-input', 'Give the caption to split.');
  const { caption, credit, note } = splitCaption(text);
  if (values.json) printJson(note ? { caption, credit, note } : { caption, credit });
  else {
    const noteLine = note ? `note: ${note}\n` : '';
    process.stdout.write(
      `${caption}\n${credit ? `credit: ${credit}\n` : 'no credit\n'}${noteLine}`,
    );
  }
  return 0;
}
