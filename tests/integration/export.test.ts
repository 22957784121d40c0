/**
 * Caption sheets end to end through the contract: every format written from a catalog of
 * captions in many scripts and opened by an independent reader (csv-parse, exceljs,
 * unzip + the DOCX XML, poppler's pdftotext and pdftoppm), the formula-injection cases, bad
 * input (emoji, a 5,000-character caption, missing and broken thumbnails, empty fields), an
 * unwritable path refused before any work, the credit block, and a sheet read back.
 */
import { execFileSync } from 'node:child_process';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api';
import { addRunPhotos, finishRun, startRun } from '../../src/main/catalog/import-runs-repo';
import { PhotosRepo } from '../../src/main/catalog/photos-repo';
import { streamsDocxParts } from '../../src/main/export/docx-package';
import { fontCoverage } from '../../src/main/export/font-coverage';
import { sheetFonts } from '../../src/main/export/sheet-fonts';
import type { Handlers } from '../../src/shared/contract';
import type { CaptionFields } from '../../src/shared/model';
import { photoWrite } from '../helpers/photo-write';
import { setUpServicesShoot } from '../helpers/services-shoot';

const shoot = setUpServicesShoot('export');

let handlers: Handlers;
let ids: number[] = [];
const progress: { done: number; total: number; finished: boolean }[] = [];

const LONG_CAPTION = `Long caption start ${'word '.repeat(1000)}`.slice(0, 5000);

/** The photos, in the order shown; `thumb` says what thumbnail each has. */
const PHOTOS: { name: string; fields: Partial<CaptionFields>; thumb: 'ok' | 'none' | 'broken' }[] =
  [
    {
      name: 'PUTIN_001.jpg',
      thumb: 'ok',
      fields: {
        headline: 'Putin visits Pyongyang',
        caption:
          'North Korea’s leader Kim Jong Un drives a Russian Aurus limousine in Pyongyang. (Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP)',
        creators: ['Gavriil Grigorov'],
        creditLine: 'AP',
        source: 'Sputnik Kremlin Pool',
        dateCreated: '2024-06-19T10:00:00',
      },
    },
    {
      name: 'RU_002.jpg',
      thumb: 'ok',
      fields: {
        caption: 'Президент России Владимир Путин прибыл в Пхеньян.',
        creators: ['Кристина Кормилицына'],
        creditLine: 'Sputnik',
        dateCreated: '2024-06-18T22:00:00',
      },
    },
    {
      name: 'KO_003.jpg',
      thumb: 'ok',
      fields: {
        caption: '김정은 국무위원장이 평양에서 푸틴 대통령을 맞이했다.',
        creators: ['Ahn Young-joon'],
        creditLine: 'AP',
      },
    },
    {
      name: 'ZH_004.jpg',
      thumb: 'ok',
      fields: { caption: '俄罗斯总统普京抵达平壤。', creditLine: 'Xinhua' },
    },
    {
      name: 'AR_005.jpg',
      thumb: 'ok',
      fields: { caption: 'وصل الرئيس الروسي إلى بيونغ يانغ', creditLine: 'Reuters' },
    },
    {
      name: 'FR_006.jpg',
      thumb: 'ok',
      fields: { caption: 'Café à Besançon, Zürich, Øresund, São Paulo, Łódź.', creditLine: 'AFP' },
    },
    { name: 'EMOJI_007.jpg', thumb: 'ok', fields: { caption: 'Fans cheer 🎉🇰🇷 at the stadium.' } },
    { name: 'LONG_008.jpg', thumb: 'ok', fields: { caption: LONG_CAPTION, creditLine: 'EPA' } },
    { name: 'NOTHUMB_009.jpg', thumb: 'none', fields: { caption: 'No thumbnail here.' } },
    { name: 'BROKEN_010.jpg', thumb: 'broken', fields: {} },
    {
      name: 'INJECT_011.jpg',
      thumb: 'ok',
      fields: { caption: '=HYPERLINK("http://x.test","click")' },
    },
    { name: 'INJECT_012.jpg', thumb: 'ok', fields: { caption: '+1 555 0100' } },
    { name: 'INJECT_013.jpg', thumb: 'ok', fields: { caption: '-2 degrees in Seoul' } },
    { name: 'INJECT_014.jpg', thumb: 'ok', fields: { caption: '@SUM(A1:A2)' } },
    { name: 'INJECT_015.jpg', thumb: 'ok', fields: { caption: '\tTabbed start' } },
  ];

// biome-ignore lint/suspicious/noExplicitAny: the test reads answers of every shape.
async function call(name: string, input: unknown = {}): Promise<any> {
  return dispatch(handlers, name, input);
}
async function value(name: string, input: unknown = {}) {
  const result = await call(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
  return result.value;
}
/** Exports to sheet.<format>, replacing the one an earlier test wrote (as if confirmed). */
const exportTo = (format: string, extra: Record<string, unknown> = {}) =>
  value('export:sheet', {
    ids,
    format,
    out: join(shoot.root, `sheet.${format}`),
    overwrite: true,
    ...extra,
  });
/** Text with every space and line break taken out, as PDF extraction breaks lines anywhere. */
const squeeze = (text: string) => text.replace(/\s+/g, '');

beforeAll(async () => {
  handlers = createHandlers(shoot.services);
  shoot.services.events.subscribe((event, payload) => {
    if (event === 'export:progress') progress.push(payload as (typeof progress)[number]);
  });
  const jpeg = await sharp({
    create: { width: 160, height: 107, channels: 3, background: { r: 40, g: 90, b: 160 } },
  })
    .jpeg()
    .toBuffer();
  const repo = new PhotosRepo(shoot.services.db);
  ids = shoot.services.db.transaction(() =>
    PHOTOS.map(({ name, fields, thumb }) => {
      const photo = photoWrite(`/shoot/${name}`, fields);
      if (thumb !== 'none') {
        photo.thumbnail = {
          jpeg: thumb === 'ok' ? jpeg : Buffer.from('not a jpeg at all'),
          width: 160,
          height: 107,
          origin: 'embedded',
        };
      }
      return repo.save(photo, null);
    }),
  )();
});

describe('caption sheet export', () => {
  it('writes CSV with a BOM, CRLF and RFC 4180 quoting, formulas made inert', async () => {
    const summary = await exportTo('csv', {
      columns: ['fileName', 'caption', 'credit', 'captionWithCredit'],
      pattern: '{caption} ({credit:ap})',
    });
    expect(summary).toMatchObject({ format: 'csv', photoCount: PHOTOS.length });
    const bytes = await readFile(summary.path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n');
    const rows = parse(bytes, { bom: true }) as string[][];
    expect(rows[0]).toEqual([
      'File name',
      'Caption',
      'Credit (house style)',
      'Caption with credit',
    ]);
    const byName = new Map(rows.slice(1).map((row) => [row[0], row]));
    for (const photo of PHOTOS) {
      const row = byName.get(photo.name);
      expect(row, photo.name).toBeDefined();
      const caption = photo.fields.caption ?? '';
      if (/^[=+\-@\t]/.test(caption)) expect(row?.[1]).toBe(`'${caption}`);
      else expect(row?.[1]).toBe(caption);
    }
    expect(byName.get('PUTIN_001.jpg')?.[2]).toBe(
      'Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP',
    );
    // The caption's own signoff is not printed twice beside the pattern's credit.
    expect(byName.get('PUTIN_001.jpg')?.[3]).toBe(
      'North Korea’s leader Kim Jong Un drives a Russian Aurus limousine in Pyongyang. (Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP)',
    );
    expect(byName.get('KO_003.jpg')?.[3]).toBe(
      '김정은 국무위원장이 평양에서 푸틴 대통령을 맞이했다. (AP Photo/Ahn Young-joon)',
    );
    // A photo with no credit prints no empty "()".
    expect(byName.get('EMOJI_007.jpg')?.[3]).toBe('Fans cheer 🎉🇰🇷 at the stadium.');
    expect(byName.get('BROKEN_010.jpg')?.slice(1)).toEqual(['', '', '']);
    expect(progress.at(-1)).toMatchObject({ done: PHOTOS.length, finished: true });
  });

  it('writes XLSX with a bold frozen header, a wrapped caption column and every caption', async () => {
    const summary = await exportTo('xlsx');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(summary.path);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    const header = sheet.getRow(1);
    expect(header.getCell(1).value).toBe('File name');
    expect(header.getCell(1).font?.bold).toBe(true);
    const captionColumn = (header.values as string[]).indexOf('Caption');
    expect(sheet.getRow(2).getCell(captionColumn).alignment?.wrapText).toBe(true);
    PHOTOS.forEach((photo, i) => {
      const row = sheet.getRow(i + 2);
      expect(row.getCell(1).value).toBe(photo.name);
      // Caption cells are strings, never formulas, whatever they start with.
      expect(row.getCell(captionColumn).text).toBe(photo.fields.caption ?? '');
      expect(row.getCell(captionColumn).type).not.toBe(ExcelJS.ValueType.Formula);
    });
    expect(
      sheet.getRow(2).getCell((header.values as string[]).indexOf('Credit (house style)')).text,
    ).toBe('Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP');
  });

  it('writes DOCX whose document XML holds every file name, caption and credit, thumbnails embedded', async () => {
    const summary = await exportTo('docx', { title: 'Putin in Pyongyang' });
    // Written part by part (docx-package.ts), not zipped whole in memory by docx's Packer;
    // the zip's checksums hold and the thumbnails are stored as they are.
    expect(streamsDocxParts()).toBe(true);
    expect(execFileSync('unzip', ['-t', summary.path], { encoding: 'utf8' })).toContain(
      'No errors detected',
    );
    const listing = execFileSync('unzip', ['-v', summary.path], { encoding: 'utf8' });
    expect(listing).toMatch(/\bStored\b.*word\/media\/\w+\.jpg/);
    expect(listing).toMatch(/\bDefl:\w\b.*word\/document\.xml/);
    const xml = execFileSync('unzip', ['-p', summary.path, 'word/document.xml'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const text = xml
      .replace(/<[^>]+>/g, '')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    for (const photo of PHOTOS) {
      expect(text).toContain(photo.name);
      const caption = (photo.fields.caption ?? '').trim();
      if (caption && !caption.startsWith('North Korea'))
        expect(text).toContain(caption.slice(0, 40));
    }
    expect(text).toContain('North Korea’s leader Kim Jong Un drives a Russian Aurus limousine');
    expect(text).toContain('(Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP)');
    expect(text).toContain('(AP Photo/Ahn Young-joon)');
    expect(text).toContain('(no thumbnail)');
    expect(xml).toContain('w:bidi');
    // Every photo with a readable thumbnail shows one (docx stores identical images once).
    expect(xml.match(/<pic:pic\b/g)?.length).toBe(PHOTOS.length - 2);
    expect(summary.notes.join(' ')).toContain('2 photos have no thumbnail');
  });

  it('writes a PDF contact sheet whose text (every script) can be extracted, with page numbers', async () => {
    const summary = await exportTo('pdf', { perPage: 12, title: 'Putin in Pyongyang 평양 방문' });
    expect(summary.notes.join(' ')).toContain('2 photos have no thumbnail');
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', summary.path, '-'], {
      encoding: 'utf8',
    });
    // The title keeps its Korean (the same font fallback as the captions), on every page.
    expect(text.split('Putin in Pyongyang 평양 방문').length - 1).toBe(2);
    expect(text).toContain(new Date().toISOString().slice(0, 10));
    expect(text).toContain('Page 1 of 2');
    expect(text).toContain('Page 2 of 2');
    const flat = squeeze(text);
    for (const photo of PHOTOS) expect(flat, photo.name).toContain(photo.name);
    for (const script of [
      'Президент России Владимир Путин',
      '김정은 국무위원장이',
      '俄罗斯总统普京抵达平壤',
      'Café à Besançon, Zürich, Øresund, São Paulo, Łódź',
      'Long caption start word',
      'Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP',
      '(AP Photo/Ahn Young-joon)',
    ]) {
      expect(flat).toContain(squeeze(script));
    }
    // Arabic comes back as its words (the order pdftotext gives right-to-left text).
    for (const word of ['وصل', 'الرئيس', 'الروسي', 'بيونغ']) expect(text).toContain(word);
    // Emoji DejaVu lacks (the flag's letters) are set in the system's symbol font, when there
    // is one (CI installs fonts-symbola); else the sheet says so instead of failing.
    if (sheetFonts().symbol) {
      expect(flat).toContain(squeeze('Fans cheer 🎉🇰🇷 at the stadium.'));
      expect(execFileSync('pdffonts', [summary.path], { encoding: 'utf8' })).toMatch(
        /Symbola|NotoEmoji|SegoeUISymbol|AppleSymbols/i,
      );
      expect(summary.notes.join(' ')).not.toContain('no font here can draw');
    } else {
      expect(summary.notes.join(' ')).toContain('1 photo has emoji no font here can draw');
    }
    const png = join(shoot.root, 'page');
    execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '1', summary.path, png]);
    const rendered = await sharp(`${png}-1.png`).metadata();
    expect(rendered.width).toBeGreaterThan(400);
    if (process.env.CUTLINE_KEEP_PAGE)
      await writeFile(process.env.CUTLINE_KEEP_PAGE, await readFile(`${png}-1.png`));
  });

  it('draws emoji a font here has, leaves out (and names) those none has; DOCX keeps them all', async () => {
    const captions: Record<string, string> = {
      'EMOJI_101.jpg': 'Fans wave 👋🏽 and cheer 🎉 in Seoul 🇰🇷.',
      // Newer than Unicode 9 (Debian's Symbola): melting face, hot face, heart hands.
      'EMOJI_102.jpg': 'Heat melts the crowd 🫠 at noon 🥵.',
      'EMOJI_103.jpg': '👨‍👩‍👧 A family waits 🫶🏻',
    };
    const repo = new PhotosRepo(shoot.services.db);
    const emojiIds = Object.entries(captions).map(([name, caption]) =>
      repo.save(photoWrite(`/emoji/${name}`, { caption, creditLine: 'AP' }), null),
    );
    const pdf = await value('export:sheet', {
      ids: emojiIds,
      format: 'pdf',
      perPage: 4,
      out: join(shoot.root, 'emoji.pdf'),
    });
    const flat = squeeze(
      execFileSync('pdftotext', ['-enc', 'UTF-8', pdf.path, '-'], { encoding: 'utf8' }),
    );
    for (const words of [
      'Fans wave',
      'and cheer',
      'Heat melts the crowd',
      'at noon.',
      'A family waits',
    ]) {
      expect(flat).toContain(squeeze(words));
    }
    const coverage = fontCoverage(sheetFonts());
    const drawable = (emoji: string) => [...emoji].every(coverage.canDraw);
    const notes = pdf.notes.join(' ');
    for (const emoji of ['🎉', '🇰🇷', '👋', '🫠', '🥵', '🫶🏻']) {
      if (drawable(emoji)) expect(flat, emoji).toContain(emoji);
      else {
        // Left out whole, and named, rather than drawn as a box that copies as nothing.
        expect(flat, emoji).not.toContain([...emoji][0]);
        expect(notes, emoji).toContain(emoji);
      }
    }
    // A monochrome font shows no skin tone: the modifier is not drawn as a swatch beside it.
    expect(flat).not.toContain('🏽');
    if (!drawable('🫠')) expect(notes).toContain('2 photos have emoji no font here can draw (');
    const png = join(shoot.root, 'emoji-page');
    execFileSync('pdftoppm', ['-png', '-r', '80', '-f', '1', '-l', '1', pdf.path, png]);
    if (process.env.CUTLINE_KEEP_EMOJI_PAGE)
      await writeFile(process.env.CUTLINE_KEEP_EMOJI_PAGE, await readFile(`${png}-1.png`));

    const docx = await value('export:sheet', {
      ids: emojiIds,
      format: 'docx',
      out: join(shoot.root, 'emoji.docx'),
    });
    expect(docx.notes).toEqual(['3 photos have no thumbnail; a placeholder stands in.']);
    const xml = execFileSync('unzip', ['-p', docx.path, 'word/document.xml'], {
      encoding: 'utf8',
    });
    // Word and LibreOffice fall back to the system's emoji font: every emoji stays, whole.
    for (const caption of Object.values(captions)) expect(xml).toContain(caption);
  });

  it('writes plain text and HTML with every caption, HTML escaped', async () => {
    const txt = await readFile((await exportTo('txt')).path, 'utf8');
    const html = await readFile((await exportTo('html', { title: 'A & B' })).path, 'utf8');
    for (const photo of PHOTOS) {
      expect(txt).toContain(photo.name);
      expect(html).toContain(photo.name);
      const caption = photo.fields.caption ?? '';
      if (caption && !caption.startsWith('North Korea')) expect(txt).toContain(caption.trim());
    }
    expect(html).toContain('<title>A &amp; B</title>');
    expect(html).toContain('=HYPERLINK(&quot;http://x.test&quot;,&quot;click&quot;)');
    expect(html).toContain('<meta charset="utf-8">');
  });

  it('sorts by file name or date when asked', async () => {
    const summary = await exportTo('csv', { columns: ['fileName'], sort: 'fileName' });
    const names = (parse(await readFile(summary.path), { bom: true }) as string[][])
      .slice(1)
      .flat();
    expect(names).toEqual(PHOTOS.map((p) => p.name).sort());
    const byDate = await exportTo('csv', { columns: ['fileName'], sort: 'date' });
    const dated = (parse(await readFile(byDate.path), { bom: true }) as string[][]).slice(1).flat();
    expect(dated.slice(0, 2)).toEqual(['RU_002.jpg', 'PUTIN_001.jpg']);
  });

  it('refuses an unwritable output path and a bad pattern before any work', async () => {
    const before = progress.length;
    const missing = await call('export:sheet', {
      ids,
      format: 'pdf',
      out: join(shoot.root, 'no', 'such', 'x.pdf'),
    });
    expect(missing).toMatchObject({ ok: false, error: { code: 'io' } });
    expect(missing.error.message).toContain('does not exist');
    await mkdir(join(shoot.root, 'a-folder'));
    const folder = await call('export:sheet', {
      ids,
      format: 'csv',
      out: join(shoot.root, 'a-folder'),
    });
    expect(folder).toMatchObject({ ok: false, error: { code: 'io' } });
    const pattern = await call('export:sheet', {
      ids,
      format: 'csv',
      out: join(shoot.root, 'p.csv'),
      pattern: '{caption} {town}',
    });
    expect(pattern).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(pattern.error.message).toContain('{town}');
    expect(progress.length).toBe(before);
    await expect(stat(join(shoot.root, 'p.csv'))).rejects.toThrow();
  });

  it('exports a search, and remembers choices and presets in the settings', async () => {
    const summary = await value('export:sheet', {
      query: 'Pyongyang',
      format: 'txt',
      out: join(shoot.root, 's.txt'),
    });
    expect(summary.photoCount).toBeGreaterThanOrEqual(1);
    const choices = {
      format: 'docx',
      columns: ['fileName', 'caption'],
      pattern: '{caption} ({credit:reuters})',
      sort: 'date',
      perPage: 6,
      title: 'Desk',
    };
    await value('settings:set', {
      lastExport: choices,
      exportPresets: [{ name: 'Copy desk', ...choices }],
    });
    const settings = await value('settings:get');
    expect(settings.lastExport).toEqual(choices);
    expect(settings.exportPresets[0].name).toBe('Copy desk');
  });

  it('exports the photos an import run found, the latest by default, and their credit block', async () => {
    const out = join(shoot.root, 'run.txt');
    expect(await call('export:sheet', { importRun: 'last', format: 'txt', out })).toMatchObject({
      ok: false,
      error: { code: 'not-found', message: 'Nothing has been imported yet.' },
    });
    const db = shoot.services.db;
    const earlier = startRun(db, ['/shoot']);
    addRunPhotos(db, earlier, ids);
    finishRun(db, earlier, 'done', { imported: ids.length, updated: 0, unchanged: 0, failed: 0 });
    const run = startRun(db, ['/shoot/RU_002.jpg', '/shoot/KO_003.jpg']);
    addRunPhotos(db, run, [ids[1] as number, ids[2] as number]);
    finishRun(db, run, 'done', { imported: 0, updated: 0, unchanged: 2, failed: 0 });
    try {
      const latest = await value('export:sheet', { importRun: 'last', format: 'txt', out });
      expect(latest.photoCount).toBe(2);
      const text = await readFile(out, 'utf8');
      expect(text).toContain('Президент России Владимир Путин прибыл в Пхеньян.');
      expect(text).toContain('김정은 국무위원장이 평양에서 푸틴 대통령을 맞이했다.');
      expect(text).not.toContain('Putin visits Pyongyang');
      // A run by its number, narrowed by a search.
      const narrowed = await value('export:sheet', {
        importRun: earlier,
        query: 'creator:ahn',
        format: 'csv',
        out: join(shoot.root, 'run.csv'),
      });
      expect(narrowed.photoCount).toBe(1);
      const block = await value('credits:block', { importRun: run });
      expect(block.photoCount).toBe(2);
      expect(block.text).toContain('Ahn Young-joon');
      const again = { format: 'txt', out, overwrite: true };
      expect(await call('export:sheet', { importRun: 999, ...again })).toMatchObject({
        ok: false,
        error: { code: 'not-found', message: 'There is no import run 999.' },
      });
      expect(await call('export:sheet', { importRun: 0, ...again })).toMatchObject({
        ok: false,
        error: { code: 'invalid-input' },
      });
    } finally {
      db.prepare('DELETE FROM import_runs').run();
    }
  });
});

describe('credit block', () => {
  it('prints the block for a mixed selection and saves it to a file', async () => {
    const mixed = [ids[0], ids[2], ids[3], ids[6]];
    const block = await value('credits:block', { ids: mixed });
    expect(block.text).toContain('Gavriil Grigorov, Sputnik, Kremlin Pool Photo via AP');
    expect(block.text).toContain('Ahn Young-joon');
    expect(block.text).toContain('Xinhua');
    expect(block.uncredited).toBe(1);
    const saved = await value('credits:save', { ids: mixed, out: join(shoot.root, 'credits.txt') });
    expect(await readFile(saved.path, 'utf8')).toBe(`${block.text}\n`);
  });
});

describe('caption sheet import', () => {
  it('previews, applies as one undo step, and lists unmatched rows (CSV)', async () => {
    const exported = await exportTo('csv', {
      columns: ['fileName', 'headline', 'caption', 'credit', 'creators'],
    });
    const rows = parse(await readFile(exported.path), { bom: true }) as string[][];
    const edited = rows.map((row) => [...row]);
    edited[1]![2] = 'A new caption for Putin.';
    edited[3]![4] = 'Ahn Young-joon; Lee Jin-man';
    edited.push(['GHOST_999.jpg', '', 'Nobody', '', '']);
    edited.push(['ru_002', 'Headline matched without extension', '', '', '']);
    const csv = edited
      .map((row) => row.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(','))
      .join('\r\n');
    const sheet = join(shoot.root, 'from-stringer.csv');
    await writeFile(sheet, `\uFEFF${csv}`);
    const plan = await value('sheet:preview', { path: sheet });
    expect(plan.mapping).toEqual(['fileName', 'headline', 'caption', 'ignore', 'creators']);
    expect(plan.unmatched).toEqual([{ row: edited.length - 1, fileName: 'GHOST_999.jpg' }]);
    expect(plan.changes).toHaveLength(3);
    expect(plan.changes).toContainEqual(
      expect.objectContaining({
        fileName: 'PUTIN_001.jpg',
        field: 'caption',
        after: 'A new caption for Putin.',
      }),
    );
    // Injection-guarded cells read back as typed: nothing changes for them.
    expect(plan.changes.map((c: { fileName: string }) => c.fileName)).not.toContain(
      'INJECT_011.jpg',
    );
    const before = (await value('photos:get', { id: ids[0] })).record.caption;
    const outcome = await value('sheet:apply', { path: sheet });
    expect(outcome.applied.photos).toBe(3);
    expect((await value('photos:get', { id: ids[0] })).record.caption).toBe(
      'A new caption for Putin.',
    );
    expect((await value('photos:get', { id: ids[2] })).record.creators).toEqual([
      'Ahn Young-joon',
      'Lee Jin-man',
    ]);
    expect((await value('photos:get', { id: ids[1] })).record.headline).toBe(
      'Headline matched without extension',
    );
    const history = await value('edits:history', { id: ids[0] });
    expect(history[0].label).toBe('Caption sheet from-stringer.csv');
    await value('edits:undo');
    expect((await value('photos:get', { id: ids[0] })).record.caption).toBe(before);
    expect((await value('photos:get', { id: ids[2] })).record.creators).toEqual(['Ahn Young-joon']);
    expect((await value('photos:get', { id: ids[1] })).record.headline).toBe('');
  });

  it('reads XLSX with columns the user maps', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Stringer');
    sheet.addRow(['Image', 'Text', 'Who']);
    sheet.addRow(['FR_006.JPG', 'Un café à Besançon.', 'Jean Dupont']);
    const file = join(shoot.root, 'stringer.xlsx');
    await workbook.xlsx.writeFile(file);
    const plan = await value('sheet:preview', {
      path: file,
      mapping: { Text: 'caption', Who: 'creators' },
    });
    expect(plan.mapping).toEqual(['fileName', 'caption', 'creators']);
    expect(plan.changes).toHaveLength(2);
    const data = (await readFile(file)).toString('base64');
    const outcome = await value('sheet:apply', {
      data,
      name: 'stringer.xlsx',
      mapping: { Text: 'caption', Who: 'creators' },
    });
    expect(outcome.applied.photos).toBe(1);
    expect((await value('photos:get', { id: ids[5] })).record.caption).toBe('Un café à Besançon.');
  });

  it('says plainly when no column names the file', async () => {
    const file = join(shoot.root, 'nokey.csv');
    await writeFile(file, 'Caption,Headline\r\nx,y\r\n');
    const result = await call('sheet:preview', { path: file });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(result.error.message).toContain('File name');
  });
});
