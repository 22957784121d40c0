/**
 * Presence in the editor and on the grid: "Anna is editing the caption" above the photo's
 * fields, and the colleagues' initials on its cell. The editor tells the desk which photo
 * (and, once a field has focus, which field) it has open. A catalog not on a desk shows and
 * tells nothing (desk-store.ts).
 */
import './desk.css';
import { type FocusEvent, useEffect } from 'react';
import { type CaptionField, FIELD_LABELS } from '../../../../shared/model';
import { presenceSentence, tellDeskHere, useDeskPresence, useDeskState } from './desk-store';

/** The editor's line: who else has this photo open, and which field they are in. */
export function DeskPresenceLine({ photoId }: { photoId: number }) {
  const others = useDeskPresence(photoId);
  const linked = useDeskState()?.linked ?? false;

  useEffect(() => {
    if (!linked) return;
    tellDeskHere(photoId, null);
    return () => tellDeskHere(null, null);
  }, [photoId, linked]);

  if (others.length === 0) return null;
  return (
    <div className="desk-presence" role="status" aria-label="Colleagues on this photo">
      {presenceSentence(others, FIELD_LABELS)}
    </div>
  );
}

const fieldOf = (event: FocusEvent<HTMLElement>): CaptionField | null =>
  ((event.target as HTMLElement).closest('[data-field]')?.getAttribute('data-field') ??
    null) as CaptionField | null;

/**
 * Focus handlers for the element holding the editor's fields: the field that takes focus is
 * told to the desk (each field's wrapper carries `data-field`), and none once focus leaves.
 */
export function deskFieldFocus(photoId: number) {
  return {
    onFocus: (event: FocusEvent<HTMLElement>) => tellDeskHere(photoId, fieldOf(event)),
    onBlur: (event: FocusEvent<HTMLElement>) => {
      if (!event.currentTarget.contains(event.relatedTarget as Node | null)) {
        tellDeskHere(photoId, null);
      }
    },
  };
}

/** Initials of the colleagues who have the photo open, on its cell (full names as tooltip). */
export function DeskPresenceMark({ photoId }: { photoId: number }) {
  const others = useDeskPresence(photoId);
  if (others.length === 0) return null;
  const sentence = presenceSentence(others, FIELD_LABELS);
  return (
    <span className="photo-cell__presence" role="img" aria-label={sentence} title={sentence}>
      {others.map((p) => initials(p.name)).join(' ')}
    </span>
  );
}

/** "Anna Berg" → "AB"; one name → its first two letters. */
function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length > 1)
    return words
      .map((word) => [...word][0])
      .join('')
      .slice(0, 2)
      .toUpperCase();
  return [...(words[0] ?? '?')].slice(0, 2).join('').toUpperCase();
}
