/**
 * The right-click menu of a text field in the app window: Chromium's spelling suggestions
 * for the word under the pointer (the caption is spell-checked as you type), "Add to
 * dictionary", and the usual editing commands.
 */
import { type BrowserWindow, Menu, type MenuItemConstructorOptions } from 'electron';

export function attachSpellingMenu(window: BrowserWindow): void {
  window.webContents.on('context-menu', (_event, params) => {
    if (!params.isEditable) return;
    const items: MenuItemConstructorOptions[] = params.dictionarySuggestions.map((word) => ({
      label: word,
      click: () => window.webContents.replaceMisspelling(word),
    }));
    if (params.misspelledWord) {
      if (items.length === 0) items.push({ label: 'No suggestions', enabled: false });
      items.push({
        label: 'Add to dictionary',
        click: () =>
          window.webContents.session.addWordToSpellCheckerDictionary(params.misspelledWord),
      });
      items.push({ type: 'separator' });
    }
    items.push({ role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' });
    Menu.buildFromTemplate(items).popup({ window });
  });
}
