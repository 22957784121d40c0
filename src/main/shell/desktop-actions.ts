/**
 * The desktop conventions around the window: its place remembered between runs, folders
 * opened from the menu, the command line or a second launch (imported, and remembered as
 * recent), another catalog opened by relaunching on it, the About box and the third-party
 * notices.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, type BrowserWindow, dialog, screen, shell } from 'electron';
import { aboutText } from '../desktop/about-text';
import {
  type DesktopState,
  readDesktopState,
  writeDesktopState,
} from '../desktop/desktop-state-file';
import { pushRecent } from '../desktop/recent-items';
import { fitToDisplays, MIN_WINDOW, type Rect } from '../desktop/window-bounds';
import { reportError } from '../logging/error-sink';
import type { FolderAccess } from '../security/folder-access';
import type { CutlineServices } from '../services/cutline-services';

export class DesktopActions {
  private readonly file = join(app.getPath('userData'), 'desktop-state.json');
  private state: DesktopState = readDesktopState(this.file);

  constructor(
    private readonly access: FolderAccess,
    private readonly services: () => CutlineServices | null,
    /** Called when the recent lists change, to rebuild the menu. */
    private readonly onRecentChange: () => void,
  ) {}

  get recentFolders(): readonly string[] {
    return this.state.recentFolders;
  }

  get recentCatalogs(): readonly string[] {
    return this.state.recentCatalogs;
  }

  private save(): void {
    try {
      writeDesktopState(this.file, this.state);
    } catch (error) {
      reportError('saving the window state', error, { notify: false });
    }
  }

  /** Window options for where the window was last, fitted to today's screens. */
  windowPlacement(): { bounds: Partial<Rect>; maximized: boolean } {
    const saved = this.state.window;
    const areas = screen.getAllDisplays().map((display) => display.workArea);
    const bounds = fitToDisplays(saved?.bounds ?? null, areas);
    return { bounds: bounds ?? { width: 1440, height: 900 }, maximized: saved?.maximized ?? false };
  }

  /** Remembers where the window is when it closes (its normal bounds, even if maximized). */
  rememberPlacement(window: BrowserWindow): void {
    window.setMinimumSize(MIN_WINDOW.width, MIN_WINDOW.height);
    window.on('close', () => {
      this.state = {
        ...this.state,
        window: { bounds: window.getNormalBounds(), maximized: window.isMaximized() },
      };
      this.save();
    });
  }

  /** Records a catalog as recent (the one this run opened). */
  rememberCatalog(catalog: string): void {
    this.state = { ...this.state, recentCatalogs: pushRecent(this.state.recentCatalogs, catalog) };
    this.save();
  }

  /** Grants folders the user chose (picker, drop, menu) and lists them as recent. */
  chooseFolders(paths: readonly string[]): void {
    if (paths.length === 0) return;
    this.access.choose(...paths);
    let recent = this.state.recentFolders;
    for (const path of paths) recent = pushRecent(recent, path);
    this.state = { ...this.state, recentFolders: recent };
    this.save();
    this.onRecentChange();
  }

  /**
   * Imports folders the user named outside the page (menu, command line, second launch):
   * they become chosen folders, so later calls may use them, and recent ones.
   */
  async openFolders(paths: readonly string[]): Promise<void> {
    const services = this.services();
    if (!services || paths.length === 0) return;
    this.chooseFolders(paths);
    try {
      await services.importer.start([...paths]);
    } catch (error) {
      reportError(`importing ${paths.join(', ')}`, error);
    }
  }

  /** The folder picker of File ▸ Open Folder…, then an import. */
  async pickAndOpenFolders(window: BrowserWindow | null): Promise<void> {
    const options = {
      title: 'Open folder',
      properties: ['openDirectory', 'multiSelections'] as const,
    };
    const result = window
      ? await dialog.showOpenDialog(window, { ...options, properties: [...options.properties] })
      : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
    if (!result.canceled) await this.openFolders(result.filePaths);
  }

  /** Opens another catalog by starting again on it (every service belongs to one catalog). */
  async openCatalog(window: BrowserWindow | null, file?: string): Promise<void> {
    let chosen = file;
    if (!chosen) {
      const options = {
        title: 'Open catalog',
        properties: ['openFile', 'promptToCreate'] as Array<'openFile' | 'promptToCreate'>,
        filters: [{ name: 'Cutline catalog', extensions: ['sqlite', 'db'] }],
      };
      const result = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      if (result.canceled || !result.filePaths[0]) return;
      chosen = result.filePaths[0];
    }
    const others = process.argv.slice(1).filter((arg) => !arg.startsWith('--catalog'));
    app.relaunch({ args: [...others, `--catalog=${chosen}`] });
    app.quit();
  }

  /**
   * Opens the third-party notices the installer carries (resources/third-party-notices.txt,
   * written by scripts/third-party-notices.mjs) in the system's text viewer; from a source
   * checkout, where there is none, says how to make them.
   */
  async showThirdPartyNotices(window: BrowserWindow | null): Promise<void> {
    const notices = join(process.resourcesPath, 'third-party-notices.txt');
    const failure = existsSync(notices) ? await shell.openPath(notices) : 'missing';
    if (failure === '') return;
    const options = {
      type: 'info' as const,
      title: 'Third-Party Notices',
      message: 'The notices come with the installers.',
      detail:
        failure === 'missing'
          ? `There is no ${notices} in this copy (run from the source). Make them with: node scripts/third-party-notices.mjs notices.txt`
          : `${notices} could not be opened: ${failure}`,
    };
    if (window) await dialog.showMessageBox(window, options);
    else await dialog.showMessageBox(options);
  }

  /** The About box: every version a bug report needs, and the catalog in use. */
  async showAbout(window: BrowserWindow | null, catalog: string): Promise<void> {
    const services = this.services();
    // Loaded when asked for: it reaches the catalog and ExifTool, which the first screen needs not.
    const versions = services
      ? await (await import('../services/about')).serviceVersions(services)
      : { sqlite: undefined };
    const detail = aboutText({
      cutline: app.getVersion(),
      electron: process.versions.electron,
      chrome: process.versions.chrome,
      node: process.versions.node,
      v8: process.versions.v8,
      ...versions,
      catalog,
    });
    const options = { type: 'info' as const, title: 'About Cutline', message: 'Cutline', detail };
    if (window) await dialog.showMessageBox(window, options);
    else await dialog.showMessageBox(options);
  }
}
