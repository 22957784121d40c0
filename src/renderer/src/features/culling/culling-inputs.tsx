/**
 * Controls for the culling marks wherever a form edits them (the details panel, templates,
 * batch edit): 0–5 stars as a radio group (arrow keys move, Home clears), the colour label as
 * a select of the names in settings, the tag as a check box. Values stay the catalog's text
 * ("3", "Red", "True"); callers save them through the same edit services as any field.
 */
import './culling.css';
import { useId } from 'react';
import { labelColour, ratingStars } from '../../../../shared/culling';
import { type CullingField, FIELD_LABELS } from '../../../../shared/model';
import { DEFAULT_SETTINGS } from '../../../../shared/settings';
import { useSettings } from '../settings/use-settings';

interface CullingInputProps {
  field: CullingField;
  /** The value as the catalog keeps it ("" for none). */
  value: string;
  onChange: (value: string) => void;
  /** The accessible name (the field's label unless told). */
  label?: string;
  disabled?: boolean;
}

const STAR_WORDS = ['No rating', '1 star', '2 stars', '3 stars', '4 stars', '5 stars'];

function RatingInput({
  value,
  onChange,
  label,
  disabled,
}: Required<Omit<CullingInputProps, 'field'>>) {
  const name = useId();
  const stars = ratingStars(value);
  return (
    <div className="rating-input" role="radiogroup" aria-label={label}>
      {STAR_WORDS.map((words, n) => (
        <label
          key={words}
          className={`rating-input__star${n === 0 ? ' rating-input__star--none' : ''}${
            n > 0 && n <= stars ? ' is-on' : ''
          }`}
          title={words}
        >
          <input
            type="radio"
            className="rating-input__radio"
            name={name}
            aria-label={words}
            checked={value !== '-1' && stars === n}
            disabled={disabled}
            onChange={() => onChange(n === 0 ? '' : String(n))}
          />
          <span aria-hidden="true">{n === 0 ? '⊘' : '★'}</span>
        </label>
      ))}
      {value === '-1' && <span className="rating-input__reject">Rejected</span>}
    </div>
  );
}

function LabelInput({
  value,
  onChange,
  label,
  disabled,
}: Required<Omit<CullingInputProps, 'field'>>) {
  const { settings } = useSettings();
  const names = settings?.labelNames ?? DEFAULT_SETTINGS.labelNames;
  // A label another tool set ("Winner", "Select") is shown as it is, among the desk's names.
  const known = value === '' || names.some((name) => name.toLowerCase() === value.toLowerCase());
  const colour = value ? (labelColour(value) ?? 'other') : null;
  return (
    <span className="label-input">
      {colour && (
        <span
          className={`label-input__swatch culling-marks__label--${colour}`}
          aria-hidden="true"
        />
      )}
      <select
        className="text-input"
        aria-label={label}
        value={value}
        disabled={disabled}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="">None</option>
        {names.map((name) => (
          <option key={name} value={name}>
            {name}
          </option>
        ))}
        {!known && <option value={value}>{value}</option>}
      </select>
    </span>
  );
}

function TaggedInput({
  value,
  onChange,
  label,
  disabled,
}: Required<Omit<CullingInputProps, 'field'>>) {
  return (
    <label className="radio tagged-input">
      <input
        type="checkbox"
        aria-label={label}
        checked={value !== ''}
        disabled={disabled}
        onChange={(event) => onChange(event.target.checked ? 'True' : '')}
      />
      Yes
    </label>
  );
}

/** The control for one culling field. */
export function CullingInput({
  field,
  value,
  onChange,
  label,
  disabled = false,
}: CullingInputProps) {
  const props = { value, onChange, label: label ?? FIELD_LABELS[field], disabled };
  if (field === 'rating') return <RatingInput {...props} />;
  if (field === 'label') return <LabelInput {...props} />;
  return <TaggedInput {...props} />;
}
