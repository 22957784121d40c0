/**
 * The keyboard shortcuts, declared once: the window's key handler, the help overlay and the
 * application menu all read this table, so what the menu shows is what the keys do.
 * `keys` use Electron's accelerator spelling ("CmdOrCtrl" is Ctrl, or Cmd on a Mac).
 */
import { DEFAULT_LABEL_NAMES } from './culling';

export type ShortcutId =
  | 'nextPhoto'
  | 'previousPhoto'
  | 'undo'
  | 'redo'
  | 'selectAll'
  | 'focusSearch'
  | 'copyFields'
  | 'pasteFields'
  | 'batchEdit'
  | 'makeCopiesAgree'
  | 'applyTemplate1'
  | 'applyTemplate2'
  | 'applyTemplate3'
  | 'zoomPreview'
  | 'toggleLoupe'
  | 'largerThumbnails'
  | 'smallerThumbnails'
  | 'toggleDetails'
  | 'showHelp'
  | 'openSettings'
  | 'toggleTag'
  | 'rate1'
  | 'rate2'
  | 'rate3'
  | 'rate4'
  | 'rate5'
  | 'clearRating'
  | 'label1'
  | 'label2'
  | 'label3'
  | 'label4';

export interface Shortcut {
  id: ShortcutId;
  keys: string;
  label: string;
  group: 'Photos' | 'Culling' | 'Editing' | 'View';
  /** Also works while typing in a field (the others act only outside text fields). */
  inFields: boolean;
}

/**
 * The culling keys (issue 16): plain keys on the selection, outside text fields and dialogs.
 * Their key is the character a culling key handler reads (src/renderer/…/culling-keys.ts);
 * the menu sends their id, which that handler turns back into the key.
 */
const culling = (id: ShortcutId, keys: string, label: string): Shortcut => ({
  id,
  keys,
  label,
  group: 'Culling',
  inFields: false,
});
export const CULLING_SHORTCUTS: readonly Shortcut[] = [
  culling('toggleTag', 'T', 'Tag or untag the selection'),
  ...([1, 2, 3, 4, 5] as const).map((n) =>
    culling(`rate${n}`, String(n), `Rate ${n} star${n === 1 ? '' : 's'}`),
  ),
  culling('clearRating', '0', 'Clear the rating (the label and the tag stay)'),
  ...DEFAULT_LABEL_NAMES.map((colour, i) =>
    culling(
      `label${i + 1}` as ShortcutId,
      String(i + 6),
      `Colour label ${i + 1} (${colour} unless renamed in Settings); again clears it`,
    ),
  ),
];

export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'nextPhoto', keys: 'CmdOrCtrl+]', label: 'Next photo', group: 'Photos', inFields: true },
  {
    id: 'previousPhoto',
    keys: 'CmdOrCtrl+[',
    label: 'Previous photo',
    group: 'Photos',
    inFields: true,
  },
  {
    id: 'selectAll',
    keys: 'CmdOrCtrl+A',
    label: 'Select every photo of the search',
    group: 'Photos',
    inFields: false,
  },
  { id: 'focusSearch', keys: 'CmdOrCtrl+F', label: 'Search', group: 'Photos', inFields: true },
  ...CULLING_SHORTCUTS,
  { id: 'undo', keys: 'CmdOrCtrl+Z', label: 'Undo', group: 'Editing', inFields: false },
  { id: 'redo', keys: 'CmdOrCtrl+Shift+Z', label: 'Redo', group: 'Editing', inFields: false },
  {
    id: 'copyFields',
    keys: 'CmdOrCtrl+Shift+C',
    label: "Copy the photo's caption fields",
    group: 'Editing',
    inFields: true,
  },
  {
    id: 'pasteFields',
    keys: 'CmdOrCtrl+Shift+V',
    label: 'Paste caption fields onto the selection',
    group: 'Editing',
    inFields: true,
  },
  {
    id: 'batchEdit',
    keys: 'CmdOrCtrl+Shift+E',
    label: 'Batch edit the selection',
    group: 'Editing',
    inFields: true,
  },
  {
    id: 'makeCopiesAgree',
    keys: 'CmdOrCtrl+Shift+G',
    label: 'Make disagreeing copies (EXIF, IIM, XMP) agree in the selection',
    group: 'Editing',
    inFields: false,
  },
  {
    id: 'applyTemplate1',
    keys: 'CmdOrCtrl+Alt+1',
    label: 'Apply template 1',
    group: 'Editing',
    inFields: true,
  },
  {
    id: 'applyTemplate2',
    keys: 'CmdOrCtrl+Alt+2',
    label: 'Apply template 2',
    group: 'Editing',
    inFields: true,
  },
  {
    id: 'applyTemplate3',
    keys: 'CmdOrCtrl+Alt+3',
    label: 'Apply template 3',
    group: 'Editing',
    inFields: true,
  },
  {
    id: 'zoomPreview',
    keys: 'CmdOrCtrl+Alt+Z',
    label: 'Preview: fit / 100%',
    group: 'View',
    inFields: true,
  },
  {
    id: 'toggleLoupe',
    keys: 'Space',
    label: 'Open the photo large (Escape returns to the sheet); double-click does it too',
    group: 'View',
    inFields: false,
  },
  {
    id: 'largerThumbnails',
    keys: 'CmdOrCtrl+Plus',
    label: 'Larger thumbnails (fewer columns)',
    group: 'View',
    inFields: false,
  },
  {
    id: 'smallerThumbnails',
    keys: 'CmdOrCtrl+-',
    label: 'Smaller thumbnails (more columns)',
    group: 'View',
    inFields: false,
  },
  {
    id: 'toggleDetails',
    keys: 'CmdOrCtrl+Alt+I',
    label: 'Show or hide the details panel',
    group: 'View',
    inFields: true,
  },
  { id: 'showHelp', keys: 'F1', label: 'Keyboard shortcuts', group: 'View', inFields: true },
  { id: 'openSettings', keys: 'CmdOrCtrl+,', label: 'Settings…', group: 'View', inFields: true },
];

/** True when a key event matches an accelerator ("CmdOrCtrl+Shift+Z"). */
export function matchesShortcut(
  keys: string,
  event: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean },
): boolean {
  const parts = keys.split('+');
  const key = parts.pop()?.toLowerCase() ?? '';
  const wants = new Set(parts.map((part) => part.toLowerCase()));
  const command = event.ctrlKey || event.metaKey;
  if (wants.has('cmdorctrl') !== command) return false;
  if (wants.has('alt') !== event.altKey) return false;
  const pressed = event.key.toLowerCase();
  // Named keys in Electron's spelling: Space is " "; Plus is "+" or, unshifted, "=" (the
  // same key on most layouts, and the numeric keypad's "+").
  if (key === 'space') return pressed === ' ' && wants.has('shift') === event.shiftKey;
  if (key === 'plus') return pressed === '+' || (pressed === '=' && !event.shiftKey);
  if (wants.has('shift') !== event.shiftKey) return false;
  // Shift changes the character of digits and brackets on most layouts; compare both.
  return pressed === key || (key.length === 1 && event.key === key.toUpperCase());
}

/** "CmdOrCtrl+Shift+Z" as a person reads it: "Ctrl+Shift+Z" (or ⌘ on a Mac). */
export function shortcutText(keys: string, mac: boolean): string {
  return keys.replace('CmdOrCtrl', mac ? '⌘' : 'Ctrl').replace(/(^|\+)Plus$/, '$1+');
}
