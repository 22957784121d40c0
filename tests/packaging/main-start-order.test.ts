/**
 * The Electron main process opens its window before it loads the services (issue 15): the
 * built entry (out/main/index.js) and the chunks it imports statically must not hold the
 * services or the contract's handlers, which it loads with dynamic imports once the window
 * is made. Electron cannot start here, so this reads the build, as `npm run build` left it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const MAIN = join(import.meta.dirname, '..', '..', 'out', 'main');

function read(file: string): string {
  if (!existsSync(file)) throw new Error(`${file} is missing: run "npm run build" first.`);
  return readFileSync(file, 'utf8');
}

/** Every file the entry loads before any of its code runs (static imports, transitively). */
function staticallyLoaded(entry: string): Map<string, string> {
  const loaded = new Map<string, string>();
  const pending = [entry];
  while (pending.length > 0) {
    const file = pending.pop()!;
    if (loaded.has(file)) continue;
    const text = read(file);
    loaded.set(file, text);
    for (const match of text.matchAll(/^import [^;]*?from "(\.[^"]+)";/gm)) {
      pending.push(join(dirname(file), match[1]!));
    }
    for (const match of text.matchAll(/^import "(\.[^"]+)";/gm)) {
      pending.push(join(dirname(file), match[1]!));
    }
  }
  return loaded;
}

describe('the Electron main bundle', () => {
  const entry = join(MAIN, 'index.js');

  it('loads the services and the handlers only through dynamic imports', () => {
    const loaded = staticallyLoaded(entry);
    expect(loaded.size).toBeGreaterThan(1);
    for (const [file, text] of loaded) {
      expect(text, file).not.toMatch(/function startServices\(/);
      expect(text, file).not.toMatch(/function createHandlers\(/);
    }
    const dynamic = [...read(entry).matchAll(/import\("(\.[^"]+)"\)/g)].map((match) =>
      read(join(MAIN, match[1]!)),
    );
    expect(dynamic.some((text) => /function startServices\(/.test(text))).toBe(true);
    expect(dynamic.some((text) => /function createHandlers\(/.test(text))).toBe(true);
  });
});
