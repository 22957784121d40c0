/**
 * The application menu (File, Edit, View, Photo, Window, Help), its shortcuts taken from the
 * one table in src/shared/shortcuts.ts. A command item sends `menu:command` to the window,
 * whose shortcut handler runs the same action as the key; text editing items stay Electron's
 * own roles so that copy, paste and undo inside a field behave natively.
 */
import { app, Menu, type MenuItemConstructorOptions, shell } from 'electron';
import { SHORTCUTS, type ShortcutId } from '../../shared/shortcuts';

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

export function buildAppMenu(send: (id: ShortcutId) => void): Menu {
  const mac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(mac ? [{ role: 'appMenu' as const }] : []),
    {
      label: 'File',
      submenu: [mac ? { role: 'close' } : { role: 'quit' }],
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
        command('zoomPreview', send),
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
      ],
    },
    { role: 'windowMenu' },
    {
      role: 'help',
      submenu: [
        command('showHelp', send),
        {
          label: 'Cutline on the web',
          click: () => void shell.openExternal('https://github.com/'),
        },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
