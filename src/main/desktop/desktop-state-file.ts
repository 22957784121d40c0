/**
 * What the desktop app remembers outside the catalog (it must be known before a catalog is
 * chosen): the window's place, recent folders and recent catalogs. One JSON file in the user
 * data folder, validated on read; a missing or damaged file means "nothing remembered".
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { z } from 'zod';

const rect = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().min(100).max(100_000),
  height: z.number().int().min(100).max(100_000),
});

const desktopStateSchema = z.object({
  window: z.object({ bounds: rect, maximized: z.boolean() }).nullable().catch(null),
  recentFolders: z.array(z.string().min(1)).max(50).catch([]),
  recentCatalogs: z.array(z.string().min(1)).max(50).catch([]),
});

export type DesktopState = z.infer<typeof desktopStateSchema>;

const EMPTY: DesktopState = { window: null, recentFolders: [], recentCatalogs: [] };

export function readDesktopState(file: string): DesktopState {
  try {
    const parsed = desktopStateSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    return parsed.success ? parsed.data : { ...EMPTY };
  } catch {
    return { ...EMPTY };
  }
}

/** Writes through a temporary file, so a crash mid-write leaves the old state whole. */
export function writeDesktopState(file: string, state: DesktopState): void {
  const temporary = `${file}.tmp`;
  writeFileSync(temporary, JSON.stringify(state, null, 2));
  renameSync(temporary, file);
}
