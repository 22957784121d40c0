/** The house style menu: built-in styles and the user's own; choosing one saves it. */
import { useId } from 'react';
import { useSettings } from '../settings/use-settings';
import { houseStyleChoices, selectedStyle } from './house-credit';

/** A labelled <select> bound to the `houseStyle` setting. */
export function HouseStyleSelect() {
  const { settings, update } = useSettings();
  const id = useId();
  return (
    <div className="house-style">
      <label className="field-label" htmlFor={id}>
        House style
      </label>
      <select
        id={id}
        className="text-input house-style__select"
        disabled={settings === null}
        value={settings ? selectedStyle(settings) : ''}
        onChange={(event) => void update({ houseStyle: event.target.value })}
      >
        {settings === null ? (
          <option value="">Loading…</option>
        ) : (
          houseStyleChoices(settings).map((choice) => (
            <option key={choice.value} value={choice.value}>
              {choice.label}
            </option>
          ))
        )}
      </select>
    </div>
  );
}
