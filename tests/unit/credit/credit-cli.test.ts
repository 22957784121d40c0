import { describe, expect, it } from 'vitest';
import { runCutline as cutline } from '../../helpers/run-cutline';

describe('cutline credit / caption', () => {
  it('parses a credit into exactly the documented JSON keys', async () => {
    const { code, stdout } = await cutline([
      'credit',
      'parse',
      '(Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP)',
      '--json',
    ]);
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(Object.keys(json)).toEqual([
      'creators',
      'agencies',
      'pool',
      'via',
      'file',
      'handout',
      'courtesy',
      'style',
      'confidence',
    ]);
    expect(json).toMatchObject({
      creators: ['Gavriil Grigorov'],
      agencies: ['Sputnik'],
      pool: 'Kremlin Pool',
      via: ['AP'],
      file: false,
      handout: false,
      courtesy: false,
      style: 'ap',
    });
    expect(json.confidence).toBeGreaterThan(0.8);
  });

  it('prints a readable line without --json', async () => {
    const { stdout } = await cutline(['credit', 'parse', 'AP Photo/Ahn Young-joon']);
    expect(stdout).toBe('ap (0.95): by Ahn Young-joon, agency AP, staff\n');
  });

  it('converts and formats in a house style', async () => {
    const converted = await cutline([
      'credit',
      'convert',
      'Sputnik/Gavriil Grigorov/Pool via REUTERS',
      '--style',
      'ap',
    ]);
    expect(converted.stdout).toBe('Gavriil Grigorov, Sputnik, Pool Photo via Reuters\n');
    const formatted = await cutline(
      ['credit', 'format', '--style', 'reuters', '--json-in'],
      JSON.stringify({ creators: ['Kim Hong-Ji'], agencies: ['Reuters'] }),
    );
    expect(formatted).toMatchObject({ code: 0, stdout: 'REUTERS/Kim Hong-Ji\n' });
  });

  it('exits 2 with a clear message for an unknown style or bad input', async () => {
    const unknown = await cutline([
      'credit',
      'convert',
      'AP Photo/Ahn Young-joon',
      '--style',
      'bbc',
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Unknown credit style "bbc"; use one of ap, reuters/);
    const badJson = await cutline(
      ['credit', 'format', '--style', 'ap', '--json-in'],
      '{"creators": "x"}',
    );
    expect(badJson.code).toBe(2);
    expect(badJson.stderr).toMatch(/"creators" must be a list of strings/);
  });

  it('splits a caption', async () => {
    const { stdout } = await cutline([
      'caption',
      'split',
      'Kim waves during the ceremony. REUTERS/Kim Hong-Ji',
      '--json',
    ]);
    expect(JSON.parse(stdout)).toEqual({
      caption: 'Kim waves during the ceremony.',
      credit: 'REUTERS/Kim Hong-Ji',
    });
  });

  it('--stdin reads one input a line and prints one JSON object a line, a bad line in its own', async () => {
    const credits = ['REUTERS/Kim Hong-Ji', '', 'AP Photo/Ahn Young-joon', 'not a credit at all'];
    const parsed = await cutline(['credit', 'parse', '--stdin'], `${credits.join('\n')}\n`);
    const parsedLines = parsed.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(parsedLines.map((line) => line.input)).toEqual(credits);
    expect(parsedLines[0]).toMatchObject({ creators: ['Kim Hong-Ji'], agencies: ['REUTERS'] });
    expect(parsedLines[1]).toEqual({ input: '', error: 'The line is empty.' });
    expect(parsedLines[2]).toMatchObject({ creators: ['Ahn Young-joon'], style: 'ap' });
    expect(parsed.code).toBe(1);
    expect(parsed.stderr).toMatch(/1 line of 4 could not be read/);

    const converted = await cutline(
      ['credit', 'convert', '--style', 'ap', '--stdin'],
      credits.join('\n'),
    );
    const convertedLines = converted.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(convertedLines).toHaveLength(4);
    expect(convertedLines[2]).toEqual({ input: credits[2], credit: 'AP Photo/Ahn Young-joon' });
    expect(convertedLines[3].error).toMatch(/Not a credit Cutline can read/);
    expect(converted.code).toBe(1);

    // A caption that starts with "-" is an input line, not an option.
    const noCredit = 'No credit here.';
    const captions = ['- June 18, 2022: Kim waves. REUTERS/Kim Hong-Ji', noCredit];
    const split = await cutline(['caption', 'split', '--stdin'], captions.join('\r\n'));
    expect(split.code).toBe(0);
    expect(
      split.stdout
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line)),
    ).toEqual([
      { input: captions[0], caption: '- June 18, 2022: Kim waves.', credit: 'REUTERS/Kim Hong-Ji' },
      {
        input: noCredit,
        ...JSON.parse((await cutline(['caption', 'split', noCredit, '--json'])).stdout),
      },
    ]);
  });

  it('reads text after -- as the input, even when it starts with "-"', async () => {
    const caption = '- June 18, 2022: Kim waves. REUTERS/Kim Hong-Ji';
    const split = await cutline(['caption', 'split', '--json', '--', caption]);
    expect(split.code).toBe(0);
    expect(JSON.parse(split.stdout)).toEqual({
      caption: '- June 18, 2022: Kim waves.',
      credit: 'REUTERS/Kim Hong-Ji',
    });
    // Without --, the same text is an unknown option, refused with a message naming it.
    const refused = await cutline(['caption', 'split', caption]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/Unknown option '-/);
    const parsed = await cutline(['credit', 'parse', '--json', '--', '- STR / AFP']);
    expect(parsed.code).toBe(0);
    expect(JSON.parse(parsed.stdout)).toMatchObject({ creators: ['STR'], agencies: ['AFP'] });
  });

  it('convert prints a credit it is unsure of, marked, and labels and scripts the way each style spells them', async () => {
    const labelled = await cutline([
      'credit',
      'convert',
      '--style',
      'reuters',
      '--',
      'Mandatory Credit: Photo by Jose Breton/NurPhoto/Shutterstock (16507315bs)',
    ]);
    expect(labelled).toMatchObject({ code: 0, stdout: 'NurPhoto/Jose Breton/Shutterstock\n' });
    const chinese = await cutline(['credit', 'convert', '--style', 'ap', '新华社记者 陈思汗 摄']);
    expect(chinese.stdout).toBe('陈思汗/Xinhua\n');
    const unsure = await cutline(['credit', 'convert', '--style', 'ap', 'Jane Doe/Frobnitz']);
    expect(unsure.code).toBe(0);
    expect(unsure.stdout).toBe('Jane Doe/Frobnitz\n');
    expect(unsure.stderr).toMatch(/Unsure, check it: Read by shape only: "Frobnitz"/);
    const lines = await cutline(
      ['credit', 'convert', '--style', 'ap', '--stdin'],
      'Jane Doe/Frobnitz\n',
    );
    expect(JSON.parse(lines.stdout)).toEqual({
      input: 'Jane Doe/Frobnitz',
      credit: 'Jane Doe/Frobnitz',
      doubt: 'Read by shape only: "Frobnitz".',
    });
  });
});
