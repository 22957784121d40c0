import {
  CREDIT_STYLE_IDS,
  type CreditStyleId,
  CreditTemplateError,
  type CustomStyle,
  collapseSpaces,
  creditFromJson,
  formatCredit,
  hasCreditParts,
  isCreditStyleId,
  type ParsedCredit,
  parseCredit,
  SPLIT_CONFIDENCE,
} from '../../shared/credit';
import { CutlineError } from '../../shared/result';
import { parseCommandArgs, printJson } from '../cli-options';
import { eachStdinLine } from '../json-lines';

const USAGE =
  'Use: cutline credit parse TEXT [--json] | format --style STYLE --json-in | convert TEXT --style STYLE (parse and convert take --stdin: one credit a line; put -- before text that starts with "-")';

/** The style named by --style or --template; a clear message for an unknown one. */
function chooseStyle(
  style: string | undefined,
  template: string | undefined,
): CreditStyleId | CustomStyle {
  if (template !== undefined) return { name: 'template', template };
  if (!style)
    throw new CutlineError('invalid-input', `Name a style: --style ${CREDIT_STYLE_IDS.join('|')}`);
  if (!isCreditStyleId(style)) {
    throw new CutlineError(
      'invalid-input',
      `Unknown credit style "${style}"; use one of ${CREDIT_STYLE_IDS.join(', ')} (or --template TEXT)`,
    );
  }
  return style;
}

function format(
  credit: Parameters<typeof formatCredit>[0],
  style: CreditStyleId | CustomStyle,
): string {
  try {
    return formatCredit(credit, style);
  } catch (error) {
    if (error instanceof CreditTemplateError)
      throw new CutlineError('invalid-input', error.message);
    throw error;
  }
}

/** A converted credit; `passedThrough` when the text came back as it was, `doubt` why. */
interface Converted {
  credit: string;
  passedThrough?: true;
  doubt?: string;
}

/**
 * `text` read as a credit and printed in `style`. Text with no credit in it is refused with a
 * clear message; a credit the parser is unsure of is still printed, marked with its doubt,
 * and one it cannot place well enough to reprint comes back as it was, marked passed through.
 */
function convert(text: string, style: CreditStyleId | CustomStyle): Converted {
  const parsed = parseCredit(text);
  if (!hasCreditParts(parsed) || parsed.confidence < 0.3) {
    throw new CutlineError('invalid-input', `Not a credit Cutline can read: "${text}"`);
  }
  if (parsed.confidence < SPLIT_CONFIDENCE) {
    return {
      credit: collapseSpaces(text),
      passedThrough: true,
      doubt: parsed.doubt ?? 'Not sure enough to reprint it.',
    };
  }
  const credit = format(parsed, style);
  return parsed.doubt ? { credit, doubt: parsed.doubt } : { credit };
}

/** The JSON `credit parse` prints: exactly the keys the issue names. */
function parsedJson(parsed: ParsedCredit) {
  return {
    creators: parsed.creators,
    agencies: parsed.agencies,
    pool: parsed.pool,
    via: parsed.via,
    file: parsed.file,
    handout: parsed.handout,
    courtesy: parsed.courtesy,
    style: parsed.style,
    confidence: parsed.confidence,
    // Present only when they say something, so a plain credit keeps the documented keys.
    ...(parsed.publication ? { publication: parsed.publication } : {}),
    ...(parsed.illustration ? { illustration: true } : {}),
    ...(parsed.labels ? { labels: parsed.labels } : {}),
    ...(parsed.doubt ? { doubt: parsed.doubt } : {}),
  };
}

function describeCredit(parsed: ParsedCredit): string {
  const parts = [
    parsed.creators.length ? `by ${parsed.creators.join('; ')}` : '',
    parsed.agencies.length ? `agency ${parsed.agencies.join('; ')}` : '',
    parsed.pool ? `pool ${parsed.pool}` : '',
    parsed.via.length ? `via ${parsed.via.join(' → ')}` : '',
    parsed.publication ? `for ${parsed.publication}` : '',
    ...(['file', 'handout', 'courtesy', 'staff', 'illustration'] as const).filter(
      (flag) => parsed[flag],
    ),
  ].filter(Boolean);
  const doubt = parsed.doubt ? `\n  unsure: ${parsed.doubt}` : '';
  return `${parsed.style} (${parsed.confidence.toFixed(2)}): ${parts.join(', ') || 'no credit found'}${doubt}\n`;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `cutline credit parse|format|convert …`: read, print and convert credit lines. */
export async function runCredit(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {
    style: { type: 'string' },
    template: { type: 'string' },
    'json-in': { type: 'boolean', default: false },
    stdin: { type: 'boolean', default: false },
  });
  const [action, ...words] = positionals;
  const text = words.join(' ');
  switch (action) {
    case 'parse': {
      if (values.stdin)
        return eachStdinLine((line) => ({ input: line, ...parsedJson(parseCredit(line)) }));
      if (!text) throw new CutlineError('invalid-input', 'Give the credit to parse.');
      const parsed = parseCredit(text);
      if (values.json) printJson(parsedJson(parsed));
      else process.stdout.write(describeCredit(parsed));
      return 0;
    }
    case 'format': {
      const style = chooseStyle(values.style, values.template);
      if (!values['json-in']) {
        throw new CutlineError(
          'invalid-input',
          'credit format reads a credit as JSON on stdin: add --json-in.',
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(await readStdin());
      } catch (error) {
        throw new CutlineError('invalid-input', `stdin is not JSON: ${(error as Error).message}`);
      }
      const credit = creditFromJson(json);
      if (!credit.ok) throw new CutlineError('invalid-input', credit.error.message);
      process.stdout.write(`${format(credit.value, style)}\n`);
      return 0;
    }
    case 'convert': {
      const style = chooseStyle(values.style, values.template);
      if (values.stdin) {
        return eachStdinLine((line) => ({ input: line, ...convert(line, style) }));
      }
      if (!text) throw new CutlineError('invalid-input', 'Give the credit to convert.');
      const converted = convert(text, style);
      process.stdout.write(`${converted.credit}\n`);
      if (converted.passedThrough) {
        process.stderr.write(`Passed through unchanged: ${converted.doubt}\n`);
      } else if (converted.doubt) {
        process.stderr.write(`Unsure, check it: ${converted.doubt}\n`);
      }
      return 0;
    }
    default:
      throw new CutlineError(
        'invalid-input',
        action ? `Unknown credit action "${action}". ${USAGE}` : USAGE,
      );
  }
}
