import { splitCaption } from '../../shared/credit';
import { CutlineError } from '../../shared/result';
import { parseCommandArgs, printJson } from '../cli-options';

/** `cutline caption split TEXT [--json]`: separates a caption from the credit it ends with. */
export async function runCaption(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  const [action, ...words] = positionals;
  if (action !== 'split') {
    throw new CutlineError('invalid-input', 'Use: cutline caption split TEXT [--json]');
  }
  const text = words.join(' ');
  if (!text) throw new CutlineError('invalid-input', 'Give the caption to split.');
  const { caption, credit } = splitCaption(text);
  if (values.json) printJson({ caption, credit });
  else process.stdout.write(`${caption}\n${credit ? `credit: ${credit}\n` : 'no credit\n'}`);
  return 0;
}
