/**
 * The house rules a desk shares (issue 18 part 3) on a real PostgreSQL, with members' own
 * catalogs: templates, code replacements, the credit style, custom agencies and required
 * rights fields shared by one member reach the other (at once while running, and on
 * catch-up after being offline); a member's private settings never travel; a catalog that
 * never joined is untouched; two members changing one entry at once: the later wins and the
 * earlier stays in the desk's history. Skipped with a printed reason without CUTLINE_TEST_PG.
 */
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHandlers, dispatch } from '../../src/main/api';
import { codeList, setCodeReplacement } from '../../src/main/services/code-replacements';
import { houseStyleFor } from '../../src/main/services/credits';
import { type CutlineServices, startServices } from '../../src/main/services/cutline-services';
import { getSettings, updateSettings } from '../../src/main/services/settings';
import type { DeskSharedView } from '../../src/shared/desk-settings';
import type { TemplateInfo } from '../../src/shared/edits';
import { DEFAULT_SETTINGS } from '../../src/shared/settings';
import { createDeskDatabase, deskTestServer, dropDeskDatabase } from '../helpers/desk-database';
import { type DeskMember, joinedMember } from '../helpers/desk-member';
import { runCutline } from '../helpers/run-cutline';

const server = deskTestServer();

const FAST = { desk: { pollMs: 50, maxBackoffMs: 400 } };

/** Waits until `check` holds, up to `ms`. */
async function until(check: () => boolean, ms = 10_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ms) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const templateNames = (services: CutlineServices) =>
  services.templates.list().map((template) => template.name);

const templateOf = (services: CutlineServices, name: string): TemplateInfo | undefined =>
  services.templates.list().find((template) => template.name === name);

describe.skipIf(!server)('the desk shares its house rules (real PostgreSQL)', () => {
  let folder: string;
  let deskUrl: string;
  let anna: DeskMember;
  let ben: DeskMember;
  /** A catalog that never joins the desk, made with rules of its own. */
  let carl: CutlineServices;

  beforeAll(async () => {
    folder = await mkdtemp(join(tmpdir(), 'cutline-desk-settings-'));
    deskUrl = await createDeskDatabase(server as string);
    for (const name of ['anna-root', 'ben-root']) await mkdir(join(folder, name));
    anna = await joinedMember(folder, deskUrl, 'Anna', join(folder, 'anna-root'), FAST);
    ben = await joinedMember(folder, deskUrl, 'Ben', join(folder, 'ben-root'), FAST);
    carl = startServices(join(folder, 'Carl.sqlite'), { workers: 0 });
    updateSettings(carl.db, { userName: 'Carl', houseStyle: 'reuters', gridColumns: 4 });
    carl.templates.save('Carl only', { city: 'Lyon' });
  });

  afterAll(async () => {
    for (const member of [anna, ben]) await member?.services.close();
    await carl?.close();
    if (deskUrl) await dropDeskDatabase(server as string, deskUrl);
    if (folder) await rm(folder, { recursive: true, force: true });
  });

  it('shares templates, codes, style, agencies and rights; private settings stay', async () => {
    const a = anna.services;
    const b = ben.services;
    a.templates.save(
      'Summit',
      { city: 'Brussels', caption: '{city}: EU leaders meet.', keywords: ['summit', 'EU'] },
      { caption: { apply: true, how: 'append' }, keywords: { apply: false, how: 'replace' } },
    );
    setCodeReplacement(a.db, { code: 'kju', replacements: ['Kim Jong Un', 'Kim'] });
    updateSettings(a.db, {
      creditStyles: [{ name: 'Desk', template: '{creators} for {agencies|upper}' }],
      houseStyle: 'Desk',
      customAgencies: [{ name: 'Desk Wire', spellings: ['DW'], kind: 'agency' }],
      requiredRightsFields: ['creditLine', 'copyrightNotice'],
      // Anna's own: these never travel.
      gridColumns: 3,
      detailsWidth: 600,
      codeDelimiter: '#',
      keepBackups: true,
    });
    // Ben's own template from before the desk shared templates: it stays his.
    b.templates.save('Ben notes', { headline: 'Ben' });

    const shared = await anna.services.desk.share([
      'templates',
      'codes',
      'style',
      'agencies',
      'rights',
    ]);
    expect(shared.settingsRefused).toEqual([]);
    // One template, one code, two style settings, the agencies, the rights fields.
    expect(shared.settingsPublished).toBe(6);

    const report = await b.desk.syncOnce();
    expect(report.settingsRefused).toEqual([]);
    expect(report.settingsApplied).toBe(6);
    const summit = templateOf(b, 'Summit');
    expect(summit?.values).toEqual({
      city: 'Brussels',
      caption: '{city}: EU leaders meet.',
      keywords: ['summit', 'EU'],
    });
    expect(summit?.options).toEqual({
      caption: { apply: true, how: 'append' },
      keywords: { apply: false, how: 'replace' },
    });
    expect(codeList(b.db).entries).toEqual([{ code: 'kju', replacements: ['Kim Jong Un', 'Kim'] }]);
    const settings = getSettings(b.db);
    expect(settings.houseStyle).toBe('Desk');
    expect(houseStyleFor(b.db).name).toBe('Desk');
    expect(settings.customAgencies).toEqual([
      { name: 'Desk Wire', spellings: ['DW'], kind: 'agency' },
    ]);
    expect(settings.requiredRightsFields).toEqual(['creditLine', 'copyrightNotice']);
    // Ben's private settings are his own still.
    expect(settings).toMatchObject({
      userName: 'Ben',
      gridColumns: DEFAULT_SETTINGS.gridColumns,
      detailsWidth: DEFAULT_SETTINGS.detailsWidth,
      codeDelimiter: DEFAULT_SETTINGS.codeDelimiter,
      keepBackups: false,
    });
    // What the UI calls shows them (the same services saved them).
    const listed = await dispatch(createHandlers(b), 'templates:list', {});
    expect(listed.ok && (listed.value as TemplateInfo[]).map((t) => t.name)).toEqual([
      'Ben notes',
      'Summit',
    ]);
    // Ben's template from before stays his: not on the desk, not in Anna's catalog.
    await b.desk.syncOnce();
    await a.desk.syncOnce();
    expect(templateNames(a)).toEqual(['Summit']);
    const view = await a.desk.shared();
    expect(view.kinds.map((k) => k.kind)).toEqual([
      'agencies',
      'codes',
      'rights',
      'style',
      'templates',
    ]);
    expect(view.kinds.every((k) => k.sharedBy === 'Anna')).toBe(true);
    expect(view.entries.map((e) => e.key)).not.toContain('template:ben notes');
    expect(view.entries.find((e) => e.key === 'template:summit')).toMatchObject({
      who: 'Anna',
      revision: 1,
    });
    // Nothing of Anna's private settings is on the desk.
    expect(view.entries.map((e) => e.key).filter((k) => k.startsWith('setting:'))).toEqual([
      'setting:creditStyles',
      'setting:customAgencies',
      'setting:houseStyle',
      'setting:requiredRightsFields',
    ]);
  });

  it('delivers a change live to a running member, with who made it', async () => {
    const a = anna.services;
    const b = ben.services;
    a.desk.start();
    b.desk.start();
    try {
      b.templates.save('Flood', { city: 'Valencia', caption: 'Floods in {city}.' });
      await until(() => templateNames(a).includes('Flood'));
      expect(templateOf(a, 'Flood')?.values.caption).toBe('Floods in {city}.');

      a.templates.delete('Summit');
      setCodeReplacement(a.db, { code: 'ukr', replacements: ['Ukraine'] });
      await until(() => !templateNames(b).includes('Summit'));
      await until(() => codeList(b.db).entries.some((e) => e.code === 'ukr'));

      updateSettings(b.db, { requiredRightsFields: ['usageTerms'], gridColumns: 9 });
      await until(() => getSettings(a.db).requiredRightsFields.join() === 'usageTerms');
      expect(getSettings(a.db).gridColumns).toBe(3);
      // Ben's own template changed later is his word to the desk now.
      b.templates.save('Ben notes', { headline: 'Ben, shared' });
      await until(() => templateNames(a).includes('Ben notes'));
    } finally {
      a.desk.stop();
      b.desk.stop();
    }
    const view = await a.desk.shared();
    expect(view.entries.find((e) => e.key === 'template:flood')).toMatchObject({ who: 'Ben' });
    expect(view.entries.find((e) => e.key === 'template:summit')).toMatchObject({
      who: 'Anna',
      value: null,
      revision: 2,
    });
    expect(view.entries.find((e) => e.key === 'setting:requiredRightsFields')).toMatchObject({
      who: 'Ben',
      value: ['usageTerms'],
    });
  });

  it('brings a member back from offline up to date on catch-up', async () => {
    const benFile = join(folder, 'Ben.sqlite');
    await ben.services.close();
    const a = anna.services;
    a.templates.save('Election', { city: 'Warsaw', headline: 'Poland votes' });
    a.templates.save('Flood', { city: 'Valencia', caption: 'Flash floods in {city}.' });
    setCodeReplacement(a.db, { code: 'kju', replacements: ['Kim Jong-un'] });
    updateSettings(a.db, { houseStyle: 'reuters', customAgencies: [] });
    const published = await a.desk.syncOnce();
    expect(published.settingsPublished).toBe(5);

    const b = startServices(benFile, { workers: 0 });
    ben = { ...ben, services: b };
    // Offline, nothing moved.
    expect(templateNames(b)).not.toContain('Election');
    // The windows are told what to load again (the editor's codes, the templates, the style).
    const told: string[] = [];
    b.events.subscribe((event, payload) => {
      if (event === 'desk:rules') told.push(...(payload as { kinds: string[] }).kinds);
    });
    const report = await b.desk.syncOnce();
    expect(report.settingsApplied).toBe(5);
    expect(told.sort()).toEqual(['agencies', 'codes', 'style', 'templates']);
    expect(templateNames(b)).toEqual(['Ben notes', 'Election', 'Flood']);
    expect(templateOf(b, 'Flood')?.values.caption).toBe('Flash floods in {city}.');
    expect(codeList(b.db).entries.find((e) => e.code === 'kju')?.replacements).toEqual([
      'Kim Jong-un',
    ]);
    expect(getSettings(b.db)).toMatchObject({
      houseStyle: 'reuters',
      customAgencies: [],
      gridColumns: 9,
      userName: 'Ben',
    });
    // Taken in once: a second sync has nothing to do and publishes nothing back.
    expect(await b.desk.syncOnce()).toMatchObject({ settingsApplied: 0, settingsPublished: 0 });
  });

  it('keeps the earlier of two concurrent changes in the history; the later wins', async () => {
    const a = anna.services;
    const b = ben.services;
    a.templates.save('Election', { city: 'Warsaw', headline: 'Anna: Poland votes' });
    b.templates.save('Election', { city: 'Warsaw', headline: 'Ben: Poles vote' });
    await a.desk.syncOnce();
    await b.desk.syncOnce();
    await a.desk.syncOnce();
    for (const services of [a, b]) {
      expect(templateOf(services, 'Election')?.values.headline).toBe('Ben: Poles vote');
    }
    const history = await a.desk.sharedHistory('template:election');
    expect(history.map((r) => [r.revision, r.who, r.replacedUnseen])).toEqual([
      [3, 'Ben', true],
      [2, 'Anna', false],
      [1, 'Anna', false],
    ]);
    expect(history[1]?.value).toMatchObject({ values: { headline: 'Anna: Poland votes' } });
  });

  it('refuses a value it cannot use in one line, takes the rest, and does not push back', async () => {
    // As a newer Cutline might write them: a house style this one does not know, beside
    // agencies it can take.
    const client = new pg.Client({ connectionString: deskUrl });
    await client.connect();
    try {
      for (const [key, value] of [
        ['setting:houseStyle', '"Style of 2030"'],
        ['setting:customAgencies', '[{"name": "Wire 2030"}]'],
      ]) {
        await client.query(
          `UPDATE desk_settings SET value = $2::jsonb, revision = revision + 1,
             version = nextval('desk_setting_version'), who = 'Newer Cutline' WHERE key = $1`,
          [key, value],
        );
      }
    } finally {
      await client.end();
    }
    const b = ben.services;
    const styleBefore = getSettings(b.db).houseStyle;
    const report = await b.desk.syncOnce();
    expect(report.settingsRefused).toHaveLength(1);
    expect(report.settingsRefused[0]).toMatch(
      /^setting houseStyle from Newer Cutline not taken in: Unknown credit style "Style of 2030"/,
    );
    expect(getSettings(b.db).houseStyle).toBe(styleBefore);
    expect(getSettings(b.db).customAgencies).toEqual([{ name: 'Wire 2030' }]);
    // The running app tells the user, once.
    const warnings = b.notices.list().filter((n) => n.level === 'warning');
    expect(warnings.map((n) => n.message)).toEqual([`Desk: ${report.settingsRefused[0]}.`]);
    const again = await b.desk.syncOnce();
    expect(again).toMatchObject({ settingsRefused: [], settingsPublished: 0, settingsApplied: 0 });
    // Anna puts a style every member knows back on the desk; Ben takes it.
    const a = anna.services;
    expect((await a.desk.syncOnce()).settingsRefused).toHaveLength(1);
    updateSettings(a.db, { houseStyle: 'ap' });
    expect((await a.desk.syncOnce()).settingsPublished).toBe(1);
    await b.desk.syncOnce();
    expect(getSettings(b.db).houseStyle).toBe('ap');
  });

  it('leaves a catalog that never joined exactly as it was', async () => {
    expect(templateNames(carl)).toEqual(['Carl only']);
    expect(codeList(carl.db).entries).toEqual([]);
    expect(getSettings(carl.db)).toEqual({
      ...DEFAULT_SETTINGS,
      userName: 'Carl',
      houseStyle: 'reuters',
      gridColumns: 4,
    });
    expect((await carl.desk.status()).linked).toBe(false);
    const members = (await anna.services.desk.status()).members.map((m) => m.name);
    expect(members).not.toContain('Carl');
  });

  it('shares and unshares through the contract the app and the bridge call', async () => {
    const handlers = createHandlers(ben.services);
    const bad = await dispatch(handlers, 'desk:share', { kinds: ['windows'] });
    expect(bad.ok).toBe(false);
    updateSettings(ben.services.db, { labelNames: ['Select', 'Second', 'Approved', 'Review'] });
    const shared = await dispatch(handlers, 'desk:share', { kinds: ['labels'] });
    expect(shared).toMatchObject({ ok: true, value: { settingsPublished: 1 } });
    await anna.services.desk.syncOnce();
    expect(getSettings(anna.services.db).labelNames).toEqual([
      'Select',
      'Second',
      'Approved',
      'Review',
    ]);
    const view = await dispatch(handlers, 'desk:shared', {});
    expect(
      view.ok && (view.value as DeskSharedView).kinds.find((k) => k.kind === 'labels'),
    ).toMatchObject({ sharedBy: 'Ben' });
    // Unshared: Anna keeps the names, and Ben's later change no longer travels.
    const unshared = await dispatch(handlers, 'desk:unshare', { kinds: ['labels'] });
    expect(
      unshared.ok && (unshared.value as DeskSharedView).kinds.map((k) => k.kind),
    ).not.toContain('labels');
    updateSettings(ben.services.db, { labelNames: ['Red', 'Yellow', 'Green', 'Blue'] });
    await ben.services.desk.syncOnce();
    await anna.services.desk.syncOnce();
    expect(getSettings(anna.services.db).labelNames[0]).toBe('Select');
  });

  it('cutline desk share / shared, and an unknown kind refused in one line', async () => {
    const db = join(folder, 'Dora.sqlite');
    const root = join(folder, 'anna-root');
    const joined = await runCutline([
      'desk',
      'join',
      deskUrl,
      '--name',
      'Dora',
      '--root',
      root,
      '--db',
      db,
    ]);
    expect(joined.code).toBe(0);
    const bad = await runCutline(['desk', 'share', 'templates', 'windows', '--db', db]);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toContain('Unknown kind "windows"');
    const shared = await runCutline(['desk', 'share', 'labels', '--db', db, '--json']);
    expect(shared.code).toBe(0);
    expect(JSON.parse(shared.stdout)).toMatchObject({ settingsPublished: 1, settingsRefused: [] });
    const view = await runCutline(['desk', 'shared', '--db', db, '--json']);
    const parsed = JSON.parse(view.stdout);
    expect(parsed.kinds.find((k: { kind: string }) => k.kind === 'labels').sharedBy).toBe('Dora');
    const text = await runCutline(['desk', 'shared', '--db', db]);
    expect(text.stdout).toContain('Shared: the colour label names (by Dora');
  }, 120_000);
});
