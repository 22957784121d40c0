import { creditStyleProblem, findCreditStyle } from '../../shared/credit';
import { CutlineError } from '../../shared/result';
import {
  DEFAULT_SETTINGS,
  type Settings,
  type SettingsPatch,
  settingsSchema,
  trustAnchorsProblem,
} from '../../shared/settings';
import type { CatalogDb } from '../catalog/catalog-db';
import { readSettings, writeSettings } from '../catalog/settings-repo';

/** The settings in force: stored values over the defaults (a bad stored value is ignored). */
export function getSettings(db: CatalogDb): Settings {
  const stored = readSettings(db);
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[]) {
    const checked = settingsSchema.shape[key].safeParse(stored[key]);
    if (checked.success) Object.assign(settings, { [key]: checked.data });
  }
  return settings;
}

/** Why a set of settings cannot be used together, or null: the house style must exist. */
export function settingsProblem(next: Settings): string | null {
  for (const style of next.creditStyles) {
    const problem = creditStyleProblem(style);
    if (problem) return problem;
  }
  const anchors = trustAnchorsProblem(next.c2paTrustAnchors);
  if (anchors) return anchors;
  if (!findCreditStyle(next.houseStyle, next)) {
    return `Unknown credit style "${next.houseStyle}"; choose a built-in style or add it as a template first.`;
  }
  return null;
}

/**
 * Changes some settings. `check` lets the caller refuse values only it can judge (a house
 * style must be one the credit engine knows).
 */
export function updateSettings(
  db: CatalogDb,
  patch: SettingsPatch,
  check: (next: Settings) => string | null = settingsProblem,
): Settings {
  const next = { ...getSettings(db), ...patch };
  const problem = check(next);
  if (problem) throw new CutlineError('invalid-input', problem);
  writeSettings(db, patch);
  return next;
}
