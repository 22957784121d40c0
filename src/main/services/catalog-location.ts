import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * Where the app keeps its data when nobody says otherwise: the folder Electron's
 * `app.getPath('userData')` gives for an app named Cutline, so that the app and the CLI
 * share one catalog without the CLI loading Electron.
 */
export function defaultDataFolder(): string {
  const home = homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Application Support', 'Cutline');
  if (process.platform === 'win32') {
    return join(process.env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'Cutline');
  }
  return join(process.env.XDG_CONFIG_HOME ?? join(home, '.config'), 'Cutline');
}

/** The catalog file to open: an explicit choice, then $CUTLINE_DB, then the default. */
export function resolveCatalogPath(explicit?: string): string {
  return explicit ?? process.env.CUTLINE_DB ?? join(defaultDataFolder(), 'catalog.sqlite');
}
