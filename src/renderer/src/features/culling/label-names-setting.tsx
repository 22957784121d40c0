/**
 * The colour label names in settings: keys 6–9 set the first four, in this order, and
 * `label:` finds them. Typed as a comma-separated list and saved when the field is left.
 */
import { useEffect, useId, useState } from 'react';
import { useSettings } from '../settings/use-settings';

export function LabelNamesSetting() {
  const id = useId();
  const { settings, update } = useSettings();
  const saved = settings?.labelNames.join(', ') ?? '';
  const [text, setText] = useState(saved);
  useEffect(() => setText(saved), [saved]);
  const save = () => {
    const names = text
      .split(',')
      .map((name) => name.trim())
      .filter((name) => name !== '');
    // The services check the list (4 or 5 names) and the banner says why when they refuse.
    if (names.join(', ') !== saved) void update({ labelNames: names });
  };
  return (
    <>
      <label className="field-label" htmlFor={id}>
        Colour labels (keys 6–9)
      </label>
      <input
        id={id}
        className="text-input"
        value={text}
        placeholder="Red, Yellow, Green, Blue, Purple"
        onChange={(event) => setText(event.target.value)}
        onBlur={save}
        onKeyDown={(event) => {
          if (event.key === 'Enter') save();
        }}
      />
    </>
  );
}
