/** The caption checks for the shown photo: warnings beside the editor, never blocking. */
import { useMemo } from 'react';
import { checkCaption } from '../../../../shared/checks/caption-checks';
import type { PhotoDetail } from '../../../../shared/model';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';
import { useSettings } from '../settings/use-settings';
import { getAutosave } from './use-autosave';

export function CaptionChecksView({ detail }: { detail: PhotoDetail }) {
  const call = useCall();
  const { settings } = useSettings();
  const houseStyle = settings?.houseStyle;
  const requiredFields = settings?.requiredRightsFields;
  // The checks speak the house style's language (its name, its way of dating a caption) and
  // name the rights fields the house requires that the photo leaves empty.
  const warnings = useMemo(
    () =>
      checkCaption(detail.record, { provenance: detail.provenance, houseStyle, requiredFields }),
    [detail.record, detail.provenance, houseStyle, requiredFields],
  );
  if (warnings.length === 0) return null;
  return (
    <ul className="checks" aria-label="Caption checks">
      {warnings.map((warning) => (
        <li key={`${warning.id}-${warning.field}`} className={`check check--${warning.severity}`}>
          <span>{warning.message}</span>
          {warning.fix && (
            <button
              type="button"
              className="button button--small"
              onClick={async () => {
                // Typing not yet saved goes first, so the fix works on what is on screen.
                await getAutosave().flush();
                await call(
                  getCutline().edits.set({ ids: [detail.id], changes: warning.fix?.changes ?? {} }),
                );
              }}
            >
              {warning.fix.label}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
