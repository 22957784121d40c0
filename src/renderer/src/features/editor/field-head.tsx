/** A field's head in the editor: its label (for the box `htmlFor`), the unwritten mark, extras. */
import type { FieldValue } from '../../../../shared/model';
import { UnwrittenMark } from './unwritten-mark';

interface FieldHeadProps {
  htmlFor: string;
  label: string;
  /** The file's value when the field has an unwritten change. */
  fileValue: FieldValue | undefined;
  value: FieldValue;
  /** More after the mark (a counter). */
  children?: React.ReactNode;
}

export function FieldHead({ htmlFor, label, fileValue, value, children }: FieldHeadProps) {
  return (
    <div className="caption-field__head">
      <label className="field-label" htmlFor={htmlFor}>
        {label}
      </label>
      <UnwrittenMark fileValue={fileValue} value={value} />
      {children}
    </div>
  );
}

/** The class of a field's frame: marked while it holds an unwritten change. */
export function fieldClass(fileValue: FieldValue | undefined): string {
  return `caption-field${fileValue !== undefined ? ' caption-field--unwritten' : ''}`;
}
