/** "Only empty fields" or "Overwrite": how a batch or a template treats fields with a value. */
import { useId } from 'react';
import type { FillMode } from '../../../shared/edits';

export function FillModeChoice({
  mode,
  onChange,
}: {
  mode: FillMode;
  onChange: (mode: FillMode) => void;
}) {
  const name = useId();
  const choices: [FillMode, string][] = [
    ['fill-empty', 'Only empty fields'],
    ['overwrite', 'Overwrite'],
  ];
  return (
    <div className="fill-mode" role="radiogroup" aria-label="Which fields">
      {choices.map(([value, label]) => (
        <label key={value} className="radio">
          <input
            type="radio"
            name={name}
            checked={mode === value}
            onChange={() => onChange(value)}
          />
          {label}
        </label>
      ))}
    </div>
  );
}
