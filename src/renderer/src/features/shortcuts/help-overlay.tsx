/**
 * The keyboard shortcuts, grouped (the culling keys among them), in a dialog (F1); Escape or
 * the button closes it.
 */
import './shortcuts.css';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import { SHORTCUTS, type Shortcut, shortcutText } from '../../../../shared/shortcuts';
import { ModalDialog } from '../../components/modal-dialog';
import { useSettings } from '../settings/use-settings';

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const groups = [...new Set(SHORTCUTS.map((shortcut) => shortcut.group))];
  const { settings } = useSettings();
  const labelNames = settings?.labelNames ?? DEFAULT_SETTINGS.labelNames;
  // The colour label keys say the desk's own names (Settings), not the defaults.
  const labelOf = (shortcut: Shortcut) => {
    const position = /^label(\d)$/.exec(shortcut.id)?.[1];
    const name = position ? labelNames[Number(position) - 1] : undefined;
    return name ? `Colour label "${name}" (the same key again clears it)` : shortcut.label;
  };
  return (
    <ModalDialog title="Keyboard shortcuts" className="help" onClose={onClose}>
      {groups.map((group) => (
        <section key={group}>
          <h3 className="details-section__title">{group}</h3>
          <dl className="help__list">
            {SHORTCUTS.filter((shortcut) => shortcut.group === group).map((shortcut) => (
              <div key={shortcut.id} className="help__row">
                <dt>
                  <kbd>{shortcutText(shortcut.keys, isMac)}</kbd>
                </dt>
                <dd>{labelOf(shortcut)}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
      <p className="help__note">
        In the grid: arrows move, Shift+arrows and Shift+click extend the selection, Ctrl+click adds
        one photo. In a list field: Enter or ; adds a name, ↓ picks a suggestion.
      </p>
    </ModalDialog>
  );
}
