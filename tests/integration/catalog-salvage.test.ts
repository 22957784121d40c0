/**
 * Damage loses no edit: a real catalog (photos imported from files, captions edited and not
 * yet written, history, templates, settings, code replacements) is damaged on disk one page
 * at a time — a page of each table in turn, and of the search index — and opened. Every row
 * SQLite can still read is salvaged into a new catalog, the search index is rebuilt, the
 * damaged file is kept beside it, and the rows saved and lost are counted per table. An
 * empty catalog file is damage, not a new catalog. A salvage killed with SIGKILL mid-way is
 * finished by the next start.
 */
import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCheckedCatalog } from '../../src/main/services/catalog-health';
import { setCodeReplacement } from '../../src/main/services/code-replacements';
import { startServices } from '../../src/main/services/cutline-services';
import { updateSettings } from '../../src/main/services/settings';
import { createExifTool, makeJpeg, wireTags } from '../helpers/make-photos';

const ROOT = join(import.meta.dirname, '..', '..');
const PHOTOS = 300;
let root: string;
/** The healthy catalog every case starts from (checkpointed, closed). */
let pristine: string;
/** Rows per table in the healthy catalog. */
let original: Map<string, number>;
/** The unwritten edits of the healthy catalog, as `photo/field`. */
let unwritten: string[];

/** The catalog's own tables (not the search index's shadow tables), as the salvage sees them. */
const TABLES = [
  'photos',
  'captions',
  'thumbnails',
  'import_runs',
  'import_problems',
  'watched_folders',
  'settings',
  'unwritten_fields',
  'edit_steps',
  'field_history',
  'templates',
  'live_fields',
  'code_replacements',
  'write_queue',
  'write_conflicts',
  'write_failures',
  'import_run_photos',
];

function counts(file: string): Map<string, number> {
  const db = new Database(file, { readonly: true });
  try {
    return new Map(
      TABLES.map((table) => [
        table,
        (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n,
      ]),
    );
  } finally {
    db.close();
  }
}

function unwrittenOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  try {
    return (
      db.prepare('SELECT photo_id, field FROM unwritten_fields ORDER BY 1, 2').all() as {
        photo_id: number;
        field: string;
      }[]
    ).map((row) => `${row.photo_id}/${row.field}`);
  } finally {
    db.close();
  }
}

/** Tables whose rows hang on `table` by a foreign key, itself included, transitively. */
function dependentsOf(file: string, table: string): Set<string> {
  const db = new Database(file, { readonly: true });
  try {
    const found = new Set([table]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const other of TABLES) {
        const parents = db.pragma(`foreign_key_list(${other})`) as { table: string }[];
        if (!found.has(other) && parents.some((parent) => found.has(parent.table))) {
          found.add(other);
          grew = true;
        }
      }
    }
    return found;
  } finally {
    db.close();
  }
}

/** A copy of the healthy catalog in a folder of its own. */
function copyOfPristine(name: string): string {
  const folder = join(root, name);
  mkdirSync(folder, { recursive: true });
  const file = join(folder, 'catalog.sqlite');
  copyFileSync(pristine, file);
  return file;
}

/**
 * Overwrites one leaf page of `table` (found with SQLite's dbstat table) with bytes no page
 * has; the middle one when the table has several. Answers the page number.
 */
async function damagePageOf(file: string, table: string): Promise<number> {
  const db = new Database(file, { readonly: true });
  let page: number;
  let size: number;
  try {
    const leaves = (
      db
        .prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
        .all(table) as { pageno: number }[]
    ).map((row) => row.pageno);
    page = leaves[Math.floor(leaves.length / 2)] ?? 0;
    size = db.pragma('page_size', { simple: true }) as number;
  } finally {
    db.close();
  }
  expect(page, `a leaf page of ${table}`).toBeGreaterThan(1);
  const handle = await open(file, 'r+');
  await handle.write(Buffer.alloc(size, 0xa5), 0, size, (page - 1) * size);
  await handle.close();
  return page;
}

function asideFiles(file: string): string[] {
  return readdirSync(join(file, '..')).filter(
    (name) => name.startsWith('catalog.sqlite.damaged-') && !/-(wal|shm)$/.test(name),
  );
}

function integrityOf(file: string): { integrity: unknown; indexed: number; matching: number } {
  const db = new Database(file, { readonly: true });
  try {
    return {
      integrity: db.pragma('integrity_check', { simple: true }),
      indexed: (db.prepare('SELECT count(*) AS n FROM captions_fts_docsize').get() as { n: number })
        .n,
      matching: (
        db
          .prepare("SELECT count(*) AS n FROM captions_fts WHERE captions_fts MATCH 'salvageable'")
          .get() as { n: number }
      ).n,
    };
  } finally {
    db.close();
  }
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'cutline-salvage-'));
  const photos = join(root, 'photos');
  const exiftool = createExifTool();
  try {
    const first = await makeJpeg(exiftool, join(photos, 'p000.jpg'), {
      tags: wireTags({ caption: 'Crowds at the harbour.', credit: 'AP', creators: ['Ann Lee'] }),
    });
    for (let i = 1; i < PHOTOS; i++) {
      copyFileSync(first, join(photos, `p${String(i).padStart(3, '0')}.jpg`));
    }
  } finally {
    await exiftool.end();
  }
  pristine = join(root, 'pristine', 'catalog.sqlite');
  const services = startServices(pristine, { workers: 0 });
  try {
    const { done } = await services.importer.start([photos]);
    await done;
    const ids = (
      services.db.prepare('SELECT id FROM photos ORDER BY id').all() as { id: number }[]
    ).map((row) => row.id);
    // One edit step per photo, each unwritten: the edits a damaged catalog must not lose.
    for (const id of ids) {
      services.editor.setFields([id], {
        caption: `Salvageable caption ${id}: fishermen unload the morning catch at the harbour.`,
      });
    }
    for (let i = 0; i < 40; i++) {
      services.templates.save(`Template ${i}`, { creditLine: `Agency ${i}`, city: 'Busan' });
    }
    for (let i = 0; i < 200; i++) {
      setCodeReplacement(services.db, {
        code: `code${i}`,
        replacements: [`Person number ${i} of the desk's long list`],
      });
    }
    updateSettings(services.db, { userName: 'Night desk', keepBackups: true });
  } finally {
    await services.close();
  }
  original = counts(pristine);
  unwritten = unwrittenOf(pristine);
  expect(unwritten).toHaveLength(PHOTOS);
}, 180_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('salvage of a damaged catalog', () => {
  it.each([
    'photos',
    'captions',
    'thumbnails',
    'unwritten_fields',
    'edit_steps',
    'field_history',
    'templates',
    'code_replacements',
    'settings',
    'import_runs',
    'import_run_photos',
  ])(
    'one damaged page of %s loses only the rows on it (and those that hang on them)',
    async (table) => {
      const file = copyOfPristine(`damaged-${table}`);
      await damagePageOf(file, table);
      const damagedBytes = readFileSync(file);

      const { db, damaged } = openCheckedCatalog(file);
      db.close();
      expect(damaged).not.toBeNull();
      const report = new Map(damaged!.report.tables.map((entry) => [entry.table, entry]));
      const hit = dependentsOf(pristine, table);
      const now = counts(file);
      for (const name of TABLES) {
        const entry = report.get(name);
        expect(entry?.saved, name).toBe(now.get(name));
        if (hit.has(name)) {
          if (entry?.lost !== null)
            expect(entry!.saved + entry!.lost, name).toBe(original.get(name));
        } else {
          expect(entry, name).toMatchObject({ saved: original.get(name), lost: 0 });
        }
      }
      expect(report.get(table)!.saved).toBeLessThan(original.get(table)!);
      if (!hit.has('unwritten_fields')) expect(unwrittenOf(file)).toEqual(unwritten);

      // The new catalog is whole and its search index rebuilt from the salvaged captions.
      expect(integrityOf(file)).toEqual({
        integrity: 'ok',
        indexed: now.get('captions'),
        matching: now.get('captions'),
      });
      // The damaged file is kept beside it, byte for byte.
      expect(asideFiles(file)).toHaveLength(1);
      expect(readFileSync(damaged!.movedTo).equals(damagedBytes)).toBe(true);
      expect(damaged!.message).toContain(damaged!.movedTo);
      expect(damaged!.message).toMatch(/rows saved/);
      // The loss is named with its table (how many rows a damaged page held is not known).
      expect(damaged!.message).toMatch(/Lost: (an unknown number|[\d,]+ rows?) of /);
    },
    60_000,
  );

  it('one damaged page of the search index loses nothing: the index is rebuilt', async () => {
    const file = copyOfPristine('damaged-search-index');
    await damagePageOf(file, 'captions_fts_data');
    const { db, damaged } = openCheckedCatalog(file);
    db.close();
    expect(damaged).not.toBeNull();
    expect(damaged!.report.tables.every((entry) => entry.lost === 0)).toBe(true);
    expect(counts(file)).toEqual(original);
    expect(unwrittenOf(file)).toEqual(unwritten);
    expect(integrityOf(file)).toEqual({ integrity: 'ok', indexed: PHOTOS, matching: PHOTOS });
    expect(damaged!.message).toMatch(/No row was lost/);
  }, 60_000);

  it('edits still only in the WAL are salvaged with the rest', async () => {
    const file = copyOfPristine('in-the-wal');
    const crashed = join(root, 'in-the-wal-crashed', 'catalog.sqlite');
    mkdirSync(join(crashed, '..'));
    const services = startServices(file, { workers: 0 });
    let walEdits: string[];
    try {
      services.db.pragma('wal_autocheckpoint = 0');
      services.editor.setFields([1, 2, 3], { headline: 'Written after the last checkpoint' });
      walEdits = ['1/headline', '2/headline', '3/headline'];
      // The files as a crash (power cut, kill -9) leaves them: the edits only in the WAL.
      for (const suffix of ['', '-wal', '-shm']) copyFileSync(file + suffix, crashed + suffix);
    } finally {
      await services.close();
    }
    await damagePageOf(crashed, 'field_history');
    const { db, damaged } = openCheckedCatalog(crashed);
    db.close();
    expect(damaged).not.toBeNull();
    const kept = unwrittenOf(crashed);
    expect([...kept].sort()).toEqual([...unwritten, ...walEdits].sort());
  }, 60_000);

  it('a damaged catalog another process has open is not salvaged from under it', async () => {
    const file = copyOfPristine('in-use');
    await damagePageOf(file, 'captions');
    const other = new Database(file, { readonly: true });
    other.prepare('SELECT count(*) FROM photos').get();
    try {
      expect(() => openCheckedCatalog(file)).toThrow(/another Cutline .* has it open/);
      expect(asideFiles(file)).toEqual([]);
    } finally {
      other.close();
    }
    const { db, damaged } = openCheckedCatalog(file);
    db.close();
    expect(damaged).not.toBeNull();
  }, 60_000);

  it('an empty (0-byte) catalog file is damage: kept aside, a new catalog started, the person told', () => {
    const folder = join(root, 'empty');
    mkdirSync(folder, { recursive: true });
    const file = join(folder, 'catalog.sqlite');
    writeFileSync(file, '');
    const { db, damaged } = openCheckedCatalog(file);
    db.close();
    expect(damaged?.problem).toMatch(/empty/);
    expect(readFileSync(damaged!.movedTo).length).toBe(0);
    expect(counts(file).get('photos')).toBe(0);
    expect(damaged!.message).toContain(damaged!.movedTo);
    // Said in one sentence a person can act on, not as twenty tables of unknown losses.
    expect(damaged!.message).toMatch(/nothing in it could be read, so Cutline started an empty/);
    expect(damaged!.message).not.toMatch(/unknown number/);
  });

  it('a salvage killed with SIGKILL mid-way is finished by the next start', async () => {
    const file = copyOfPristine('killed');
    await damagePageOf(file, 'captions_fts_data');
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'tests', 'helpers', 'salvage-child.ts'),
        file,
        'field_history',
      ],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const exited = new Promise((resolve) => child.once('exit', resolve));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('salvaging field_history')) resolve();
      });
      child.once('exit', () => reject(new Error('the salvage ended before it was killed')));
    });
    child.kill('SIGKILL');
    await exited;
    // Killed mid-way: the damaged file is aside, the new catalog not yet in place.
    expect(asideFiles(file)).toHaveLength(1);
    expect(existsSync(file)).toBe(false);

    const { db, damaged } = openCheckedCatalog(file);
    db.close();
    expect(damaged).not.toBeNull();
    expect(counts(file)).toEqual(original);
    expect(unwrittenOf(file)).toEqual(unwritten);
    expect(integrityOf(file).integrity).toBe('ok');
    expect(asideFiles(file)).toHaveLength(1);
    expect(readdirSync(join(file, '..')).filter((name) => name.includes('salvage'))).toEqual([]);
    // Opened again, it is an ordinary healthy catalog.
    const again = openCheckedCatalog(file);
    again.db.close();
    expect(again.damaged).toBeNull();
  }, 60_000);
});
