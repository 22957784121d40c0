/**
 * The rights fields the house requires on every photo: ticked ones are named by the caption
 * checks when a photo leaves them empty. Saved as each box is ticked, like every setting.
 */
import { FIELD_LABELS } from '../../../../shared/model';
import { REQUIRABLE_RIGHTS_FIELDS } from '../../../../shared/required-rights';
import { Checkbox } from '../../components/checkbox';
import { useSettings } from './use-settings';

export function RequiredRightsSetting() {
  const { settings, update } = useSettings();
  const required = settings?.requiredRightsFields ?? [];
  return (
    <>
      <span className="field-label">Rights fields the house requires</span>
      <div>
        <fieldset className="settings__required" aria-label="Rights fields the house requires">
          {REQUIRABLE_RIGHTS_FIELDS.map((field) => (
            <Checkbox
              key={field}
              checked={required.includes(field)}
              onChange={(on) =>
                void update({
                  // Kept in the offered order, so the check names them as this list does.
                  requiredRightsFields: REQUIRABLE_RIGHTS_FIELDS.filter((f) =>
                    f === field ? on : required.includes(f),
                  ),
                })
              }
            >
              {FIELD_LABELS[field]}
            </Checkbox>
          ))}
        </fieldset>
        <p className="settings__hint">The caption checks name those a photo leaves empty.</p>
      </div>
    </>
  );
}
