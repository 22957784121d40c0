import { resolveCatalogPath } from '../../main/services/catalog-location';
import { startServices } from '../../main/services/cutline-services';
import { getSettings, updateSettings } from '../../main/services/settings';
import { CutlineError } from '../../shared/result';
import { DEFAULT_SETTINGS, type SettingsPatch, settingsPatchSchema } from '../../shared/settings';
import { parseCommandArgs, printJson } from '../cli-options';

/**
 * The value typed for a setting: text settings take it as is, the others as JSON
 * (`cutline settings set customAgencies '[{"name":"Mugwum Press"}]'`).
 */
function patchFrom(key: string, text: string): SettingsPatch {
  if (!Object.hasOwn(DEFAULT_SETTINGS, key)) {
    const keys = Object.keys(DEFAULT_SETTINGS).join(', ');
    throw new CutlineError('invalid-input', `Unknown setting "${key}"; the settings are ${keys}.`);
  }
  let value: unknown = text;
  if (typeof DEFAULT_SETTINGS[key as keyof typeof DEFAULT_SETTINGS] !== 'string') {
    try {
      value = JSON.parse(text);
    } catch {
      throw new CutlineError('invalid-input', `${key} takes JSON, e.g. '[]'.`);
    }
  }
  const parsed = settingsPatchSchema.safeParse({ [key]: value });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new CutlineError('invalid-input', `${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
}

/** `cutline settings [--json]` and `cutline settings set KEY VALUE [--db FILE]`. */
export async function runSettings(args: string[]): Promise<number> {
  const { values, positionals } = parseCommandArgs(args, {});
  const [verb, key, value] = positionals;
  if (verb !== undefined && (verb !== 'set' || key === undefined || value === undefined)) {
    throw new CutlineError('invalid-input', 'Use: cutline settings [set KEY VALUE]');
  }
  const services = startServices(resolveCatalogPath(values.db), { workers: 0 });
  try {
    const settings =
      verb === 'set' && key !== undefined && value !== undefined
        ? updateSettings(services.db, patchFrom(key, value))
        : getSettings(services.db);
    if (values.json) printJson(settings);
    else {
      for (const [name, setting] of Object.entries(settings)) {
        const shown = typeof setting === 'string' ? setting : JSON.stringify(setting);
        process.stdout.write(`${name}: ${shown}\n`);
      }
    }
    return 0;
  } finally {
    await services.close();
  }
}
