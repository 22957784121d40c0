/**
 * The user's settings, stored in the catalog so that the app and the CLI agree. Declared
 * once with their defaults; every transport validates against the same schema.
 */
import { z } from 'zod';

export const settingsSchema = z.object({
  /** The credit style the publication prints ("ap", "reuters", … or a custom style's name). */
  houseStyle: z.string().min(1).max(64),
  /** Who edits, for the edit history; empty means the operating-system user. */
  userName: z.string().max(128),
});

export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { houseStyle: 'ap', userName: '' };

/** What a caller may change: any subset of the settings. */
export const settingsPatchSchema = settingsSchema.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;
