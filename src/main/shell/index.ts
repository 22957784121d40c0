/**
 * Electron's main process: window, IPC binding of the contract, app lifecycle. Thin on
 * purpose; everything it does beyond Electron lives in services that Node runs too.
 *
 * The order of start-up is chosen for the time to the first screen: the window is made
 * first, and the services (the catalog, the contract's handlers and every module they pull
 * in) are loaded with dynamic imports while the renderer process loads the page, instead of
 * before it. Only what the window itself needs is imported statically here; a call or an
 * image the page asks for before the services are up waits for them (`servicesReady`).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  session,
  type WebContents,
} from 'electron';
import { CALL_CHANNEL, DROPPED_PATH_CHANNEL, EVENT_CHANNEL } from '../../shared/ipc-channels';
import { MEDIA_SCHEME } from '../../shared/media-url';
import type { Result } from '../../shared/result';
import type { HostAbilities } from '../api';
import { parseLaunchArguments } from '../desktop/launch-arguments';
import { describeError } from '../logging/error-sink';
import { FolderAccess } from '../security/folder-access';
import { resolveCatalogPath } from '../services/catalog-location';
import type { CutlineServices } from '../services/cutline-services';
import { buildAppMenu } from './app-menu';
import { startCrashReporting, watchWindow } from './crash-reporting';
import { DesktopActions } from './desktop-actions';
import { hardenWebContents } from './harden-web-contents';
import { attachSpellingMenu } from './spelling-menu';

// A data folder of its own (the Electron smoke test, a portable install): set before anything
// reads userData (the log, the remembered window, the default catalog).
if (process.env.CUTLINE_USER_DATA) app.setPath('userData', process.env.CUTLINE_USER_DATA);

const trustedSenders = new Set<number>();
/** Folders the user chose here (picker, drop): the only new paths calls may name. */
const folderAccess = new FolderAccess(false);
let services: CutlineServices | null = null;
// First, so that even an error while starting is logged.
const log = startCrashReporting(() => services?.notices ?? null);
const desktop = new DesktopActions(
  folderAccess,
  () => services,
  () => installMenu(),
);
/** `electron main.js …` in development, the executable alone when packaged. */
const argvSkip = process.defaultApp ? 2 : 1;
const launch = parseLaunchArguments(process.argv, process.cwd(), argvSkip);
// One Cutline at a time: a second launch hands its folders to the first and quits.
const primaryInstance = app.requestSingleInstanceLock();
if (!primaryInstance) app.quit();

// Thumbnails and previews load as <img src="cutline-media://thumbnail/12">: bytes straight
// from main, never base64 over IPC. Standard + secure so the page's CSP and fetch treat it as an origin.
protocol.registerSchemesAsPrivileged([
  { scheme: MEDIA_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

function createWindow(): BrowserWindow {
  const placement = desktop.windowPlacement();
  const window = new BrowserWindow({
    ...placement.bounds,
    show: false,
    backgroundColor: '#1b1b1d',
    title: 'Cutline',
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      nodeIntegration: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // A middle click would otherwise open a link in a new window past will-navigate.
      disableBlinkFeatures: 'Auxclick',
      // A file dropped outside the drop zone must not replace the app's page.
      navigateOnDragDrop: false,
      spellcheck: true,
    },
  });
  const id = window.webContents.id;
  trustedSenders.add(id);
  window.on('closed', () => trustedSenders.delete(id));
  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  desktop.rememberPlacement(window);
  attachSpellingMenu(window);
  watchWindow(window, log);
  // Navigation, new windows and permissions are refused for every web contents alike
  // (harden-web-contents.ts).
  const devUrl = process.env.ELECTRON_RENDERER_URL;
  if (!app.isPackaged && devUrl) void window.loadURL(devUrl);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return window;
}

function sendToWindows(event: string, payload: unknown): void {
  for (const window of BrowserWindow.getAllWindows()) {
    const contents: WebContents = window.webContents;
    if (!contents.isDestroyed()) contents.send(EVENT_CHANNEL, event, payload);
  }
}

/**
 * better-sqlite3 built for Electron's ABI, which `npm start` fetches beside the Node build
 * (scripts/prepare-electron-sqlite.mjs); a packaged app ships it in its resources.
 */
function electronSqliteBinding(): string | undefined {
  if (process.env.CUTLINE_SQLITE_BINDING) return process.env.CUTLINE_SQLITE_BINDING;
  const name = join(`electron-${process.versions.electron}`, 'better_sqlite3.node');
  const candidates = [
    join(process.resourcesPath, 'native', name),
    join(app.getAppPath(), 'node_modules', '.cutline', name),
  ];
  return candidates.find((candidate) => existsSync(candidate));
}

/** The focused window, or the first, or null. */
function mainWindow(): BrowserWindow | null {
  return BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0] ?? null;
}

/** The catalog this run uses: --catalog, then $CUTLINE_DB, then the one in userData. */
const catalog = resolveCatalogPath(
  launch.catalog ?? process.env.CUTLINE_DB ?? join(app.getPath('userData'), 'catalog.sqlite'),
);

function installMenu(): void {
  const menu = buildAppMenu((id) => sendToWindows('menu:command', { id }), {
    recentFolders: desktop.recentFolders,
    recentCatalogs: desktop.recentCatalogs,
    openFolder: (path) =>
      afterServices(() =>
        path ? desktop.openFolders([path]) : desktop.pickAndOpenFolders(mainWindow()),
      ),
    openCatalog: (path) => void desktop.openCatalog(mainWindow(), path),
    showAbout: () => void desktop.showAbout(mainWindow(), catalog),
    showThirdPartyNotices: () => void desktop.showThirdPartyNotices(mainWindow()),
  });
  Menu.setApplicationMenu(menu);
}

app.on('second-instance', (_event, argv, cwd) => {
  const window = mainWindow();
  if (window) {
    if (window.isMinimized()) window.restore();
    window.focus();
  }
  const paths = parseLaunchArguments(argv, cwd, argvSkip).paths;
  afterServices(() => desktop.openFolders(paths));
});

/** Set once the window is made (whenReady below); calls and images that come first wait. */
let servicesReady: Promise<Bound | null> | null = null;

/**
 * Runs an action that imports (the menu's Open Folder, folders handed over by a second
 * launch) once the catalog is open: in the first moments the window is up before it is.
 */
function afterServices(action: () => Promise<unknown>): void {
  void (servicesReady ?? Promise.resolve(null)).then(() => action());
}

/** What the page needs from the services, once they are loaded. */
interface Bound {
  call: (name: string, input: unknown) => Promise<Result<unknown>>;
  media: (request: Request) => Promise<Response>;
}

/** The host abilities the contract gets in Electron: native dialogs and the chosen folders. */
const hostAbilities: HostAbilities = {
  async pickFolders() {
    const result = await dialog.showOpenDialog({
      title: 'Import folder',
      properties: ['openDirectory', 'multiSelections'],
    });
    if (result.canceled) return [];
    desktop.chooseFolders(result.filePaths);
    return result.filePaths;
  },
  async saveFile({ title, defaultName, extensions }) {
    const result = await dialog.showSaveDialog({
      title,
      defaultPath: defaultName || undefined,
      filters: extensions.length
        ? [{ name: extensions.map((e) => e.toUpperCase()).join(', '), extensions }]
        : [],
      properties: ['createDirectory', 'showOverwriteConfirmation'],
    });
    if (result.canceled || !result.filePath) return null;
    // Chosen in the native dialog: the user's own choice of where Cutline may write.
    folderAccess.choose(dirname(result.filePath));
    return result.filePath;
  },
  folderAccess,
};

/**
 * Loads the services and binds the contract to them; null when the catalog cannot be
 * opened (the person is told, and the app ends).
 */
async function loadServices(): Promise<Bound | null> {
  const stop = (title: string, error: unknown) => {
    log.write('error', `${title} (${catalog}): ${describeError(error)}`);
    dialog.showErrorBox(
      title,
      `${catalog}\n\n${error instanceof Error ? error.message : String(error)}\n\nDetails are in ${log.file}.`,
    );
    app.exit(1);
    return null;
  };
  let modules: [
    typeof import('../services/cutline-services'),
    typeof import('../api'),
    typeof import('../media'),
  ];
  try {
    modules = await Promise.all([
      import('../services/cutline-services'),
      import('../api'),
      import('../media'),
    ]);
  } catch (error) {
    // Only a broken installation: its files are missing or damaged.
    return stop('Cutline cannot start', error);
  }
  const [{ startServices }, { createHandlers, dispatch }, { answerMediaRequest }] = modules;
  try {
    services = startServices(catalog, {
      nativeBinding: electronSqliteBinding(),
      syncDesk: true,
    });
  } catch (error) {
    // Without its catalog the app can do nothing: say why and where the details are.
    return stop('Cutline cannot open its catalog', error);
  }
  services.events.subscribe(sendToWindows);
  const handlers = createHandlers(services, hostAbilities);
  return {
    call: (name, input) => dispatch(handlers, name, input),
    media: (request) => answerMediaRequest(services, request),
  };
}

/** Work that may wait until the first screen is up: it competes with it for the cores. */
function startBackgroundWork(running: CutlineServices): void {
  running.watcher.resumeAll();
  running.importer.warmUp();
  running.writer.warmUp();
  // A write batch cut short by a crash or a quit finishes now.
  running.writer.resume();
  // Thumbnails left by `cutline import --thumbnails=later` (usually none).
  running.thumbnails.renderMissingInBackground();
  // Listed as recent once it opened; the menu shows it.
  desktop.rememberCatalog(catalog);
  installMenu();
}

app.whenReady().then(() => {
  if (!primaryInstance) return;
  hardenWebContents(session.defaultSession, (message) => log.write('warn', message));
  ipcMain.on(DROPPED_PATH_CHANNEL, (event, path: unknown) => {
    if (trustedSenders.has(event.sender.id) && typeof path === 'string') {
      desktop.chooseFolders([path]);
    }
  });
  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, input: unknown) => {
    // Only our own windows may call; anything else (a stray webview) is refused.
    if (!trustedSenders.has(event.sender.id) || typeof name !== 'string') {
      return { ok: false, error: { code: 'unsupported', message: 'Untrusted sender.' } };
    }
    const bound = await servicesReady;
    if (!bound) return { ok: false, error: { code: 'io', message: 'The catalog is not open.' } };
    return bound.call(name, input);
  });
  protocol.handle(MEDIA_SCHEME, async (request) => {
    const bound = await servicesReady;
    return bound ? bound.media(request) : new Response('The catalog is not open.', { status: 503 });
  });
  installMenu();
  createWindow();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) createWindow();
  });
  // The window first, then the services: the renderer process loads and paints the page
  // while this process loads the service modules and opens the catalog.
  servicesReady = loadServices();
  void servicesReady.then((bound) => {
    if (!bound || !services) return;
    startBackgroundWork(services);
    // Folders named on the command line (or by "Open with") are imported once the catalog is open.
    void desktop.openFolders(launch.paths);
  });
});

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

app.on('will-quit', (event) => {
  if (!services) return;
  event.preventDefault();
  const closing = services;
  services = null;
  void closing.close().finally(() => app.quit());
});
