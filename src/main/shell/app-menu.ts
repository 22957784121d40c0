/**
 * The application menu (File, Edit, View, Photo with the culling keys, Window, Help), its
 * shortcuts taken from the
 * one table in src/shared/shortcuts.ts. A command item sends `menu:command` to the window,
 * whose shortcut handler runs the same action as the key; text editing items stay Electron's
 * own roles so that copy, paste and undo inside a field behave natively.
 */
import { app, Menu, type MenuItemConstructorOptions, shell } from 'electron';
import { CULLING_SHORTCUTS, SHORTCUTS, type ShortcutId } from '../../shared/shortcuts';

/** A menu item that runs shortcut `id` in the focused window. */
function command(
  id: ShortcutId,
  send: (id: ShortcutId) => void,
  overrides: Partial<MenuItemConstructorOptions> = {},
): MenuItemConstructorOptions {
  const shortcut = SHORTCUTS.find((entry) => entry.id === id);
  return {
    label: shortcut?.label ?? id,
    accelerator: shortcut?.keys,
    // The window handles the key itself (it knows whether focus is in a text field); the
    // accelerator here only shows the key and runs the command when chosen with the mouse.
    registerAccelerator: false,
    click: () => send(id),
    ...overrides,
  };
}

/** What the File and Help menus do beyond the window's own commands (desktop-actions.ts). */
export interface DesktopMenu {
  recentFolders: readonly string[];
  recentCatalogs: readonly string[];
  openFolder(path?: string): void;
  openCatalog(path?: string): void;
  showAbout(): void;
  showThirdPartyNotices(): void;
}

function recentItems(paths: readonly string[], open: (path: string) => void) {
  if (paths.length === 0) return [{ label: 'None yet', enabled: false }];
  return paths.map((path) => ({ label: path, click: () => open(path) }));
}

export function buildAppMenu(send: (id: ShortcutId) => void, desktop: DesktopMenu): Menu {
  const mac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac
      ? [
          {
            label: app.name,
            submenu: [
              { label: 'About Cutline', click: () => desktop.showAbout() },
              { type: 'separator' as const },
              { role: 'services' as const },
              { type: 'separator' as const },
              { role: 'hide' as const },
              { role: 'hideOthers' as const },
              { role: 'unhide' as const },
              { type: 'separator' as const },
              { role: 'quit' as const },
            ],
          },
        ]
      : []),
    {
      label: 'File',
      submenu: [
        { label: 'Open Folder…', accelerator: 'CmdOrCtrl+O', click: () => desktop.openFolder() },
        {
          label: 'Open Recent Folder',
          submenu: recentItems(desktop.recentFolders, desktop.openFolder),
        },
        { type: 'separator' },
        { label: 'Open Catalog…', click: () => desktop.openCatalog() },
        {
          label: 'Open Recent Catalog',
          submenu: recentItems(desktop.recentCatalogs, desktop.openCatalog),
        },
        { type: 'separator' },
        command('openSettings', send),
        { type: 'separator' },
        mac ? { role: 'close' } : { role: 'quit' },
      ],
    },
    {
      label: 'Edit',
      submenu: [
        command('undo', send, { label: 'Undo edit' }),
        command('redo', send, { label: 'Redo edit' }),
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { type: 'separator' },
        command('copyFields', send),
        command('pasteFields', send),
        command('batchEdit', send),
        command('makeCopiesAgree', send),
        { type: 'separator' },
        command('applyTemplate1', send),
        command('applyTemplate2', send),
        command('applyTemplate3', send),
      ],
    },
    {
      label: 'View',
      submenu: [
        command('focusSearch', send),
        command('toggleLoupe', send),
        command('zoomPreview', send),
        command('largerThumbnails', send),
        command('smallerThumbnails', send),
        command('toggleDetails', send),
        { type: 'separator' },
        { role: 'togglefullscreen' },
        ...(app.isPackaged ? [] : [{ role: 'toggleDevTools' as const }]),
      ],
    },
    {
      label: 'Photo',
      submenu: [
        command('nextPhoto', send),
        command('previousPhoto', send),
        command('selectAll', send),
        { type: 'separator' },
        // The culling keys act on the selection; the window turns each id back into its key.
        ...CULLING_SHORTCUTS.map((shortcut) => command(shortcut.id, send)),
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        command('showHelp', send),
        ...(mac ? [] : [{ label: 'About Cutline', click: () => desktop.showAbout() }]),
        { label: 'Third-Party Notices', click: () => desktop.showThirdPartyNotices() },
        {
          label: 'Cutline on the web',
          click: () => void shell.openExternal('https://github.com/'),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
