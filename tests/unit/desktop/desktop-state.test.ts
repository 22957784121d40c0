import { writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aboutText, THIRD_PARTY_LINE } from '../../../src/main/desktop/about-text';
import { readDesktopState, writeDesktopState } from '../../../src/main/desktop/desktop-state-file';
import { pushRecent } from '../../../src/main/desktop/recent-items';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'cutline-desktop-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the remembered desktop state', () => {
  it('round-trips the window place and the recent lists', () => {
    const file = join(dir, 'desktop-state.json');
    const state = {
      window: { bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true },
      recentFolders: ['/p/shoot'],
      recentCatalogs: ['/c/desk.sqlite'],
    };
    writeDesktopState(file, state);
    expect(readDesktopState(file)).toEqual(state);
  });

  it('reads a missing, garbled or half-wrong file as what it can', () => {
    expect(readDesktopState(join(dir, 'none.json')).window).toBeNull();
    const garbled = join(dir, 'garbled.json');
    writeFileSync(garbled, '{"window": {"bounds": ');
    expect(readDesktopState(garbled)).toEqual({
      window: null,
      recentFolders: [],
      recentCatalogs: [],
    });
    const half = join(dir, 'half.json');
    writeFileSync(half, JSON.stringify({ window: { bounds: 'x' }, recentFolders: ['/a'] }));
    expect(readDesktopState(half)).toEqual({
      window: null,
      recentFolders: ['/a'],
      recentCatalogs: [],
    });
  });
});

describe('pushRecent', () => {
  it('puts the newest first, once, and keeps the list short', () => {
    expect(pushRecent(['/a', '/b', '/c'], '/b')).toEqual(['/b', '/a', '/c']);
    expect(pushRecent(['/a', '/b'], '/c', 2)).toEqual(['/c', '/a']);
  });
});

describe('aboutText', () => {
  it('names every version it knows and the catalog', () => {
    const text = aboutText({
      cutline: '0.1.0',
      electron: '42.11.18',
      chrome: '142.0',
      node: '22.20.0',
      sqlite: '3.53.0',
      exiftool: '13.59',
      catalog: '/home/ed/.config/Cutline/catalog.sqlite',
    });
    expect(text).toContain('Cutline 0.1.0');
    expect(text).toContain('Electron 42.11.18');
    expect(text).toContain('SQLite 3.53.0');
    expect(text).toContain('ExifTool 13.59');
    expect(text).not.toContain('V8');
    expect(text).toMatch(/^Catalog: \/home\/ed\/\.config\/Cutline\/catalog\.sqlite$/m);
    // Then what it includes from others, and where their notices are.
    expect(text.endsWith(`\n\n${THIRD_PARTY_LINE}`)).toBe(true);
  });
});
