/**
 * The Settings window: who edits (for the history), the house credit style, the template
 * applied at import, the code replacements, how sidecars are named, backups and times on
 * write, the trust list for Content Credentials, the rights fields the house requires, and the
 * thumbnail size. Each choice is saved as it is made, like every edit.
 */
import './settings.css';
import { useEffect, useId, useState } from 'react';
import type { Settings } from '../../../../shared/settings';
import { Checkbox } from '../../components/checkbox';
import { ModalDialog } from '../../components/modal-dialog';
import { HouseStyleSelect } from '../credits/house-style-select';
import { LabelNamesSetting } from '../culling/label-names-setting';
import { DeskSection } from '../desk/desk-section';
import { ThumbnailSlider } from '../library/thumbnail-slider';
import { useTemplates } from '../templates/use-templates';
import { RequiredRightsSetting } from './required-rights-setting';
import { TrustListSetting } from './trust-list-setting';
import { useSettings } from './use-settings';

const SIDECAR_NAMES: { value: Settings['sidecarNaming']; label: string }[] = [
  { value: 'IMG.xmp', label: 'IMG_0001.xmp (Lightroom, Photo Mechanic)' },
  { value: 'IMG.CR2.xmp', label: 'IMG_0001.CR2.xmp (darktable, digiKam)' },
];

export function SettingsDialog({
  onClose,
  onOpenCodes,
  showDesk = false,
}: {
  /** Opened from the desk indicator: the Desk part is scrolled into view. */
  showDesk?: boolean;
  onClose: () => void;
  /** Opens the code replacements dialog (this one closes). */
  onOpenCodes: () => void;
}) {
  const id = useId();
  const { settings, update } = useSettings();
  const { templates } = useTemplates();
  const [userName, setUserName] = useState('');

  // The name is typed; it is saved when the field is left (or Enter), not per keystroke.
  const storedName = settings?.userName ?? '';
  useEffect(() => setUserName(storedName), [storedName]);
  const saveName = () => {
    if (settings && userName.trim() !== settings.userName)
      void update({ userName: userName.trim() });
  };

  return (
    <ModalDialog
      title="Settings"
      className="settings"
      onClose={onClose}
      onCloseButton={() => {
        saveName();
        onClose();
      }}
    >
      {settings === null ? (
        <p role="status">Loading…</p>
      ) : (
        <div className="settings__grid">
          <label className="field-label" htmlFor={`${id}-user`}>
            Your name in the history
          </label>
          <input
            id={`${id}-user`}
            className="text-input"
            value={userName}
            maxLength={128}
            placeholder="The computer's user name"
            onChange={(event) => setUserName(event.target.value)}
            onBlur={saveName}
            onKeyDown={(event) => {
              if (event.key === 'Enter') saveName();
            }}
          />

          <div className="settings__wide">
            <HouseStyleSelect />
          </div>

          <label className="field-label" htmlFor={`${id}-template`}>
            Template applied at import
          </label>
          <select
            id={`${id}-template`}
            className="text-input"
            value={settings.importTemplate}
            onChange={(event) => void update({ importTemplate: event.target.value })}
          >
            <option value="">None</option>
            {templates.map((template) => (
              <option key={template.name} value={template.name}>
                {template.name}
              </option>
            ))}
          </select>

          <span className="field-label">Code replacements</span>
          <div>
            <button type="button" className="button button--small" onClick={onOpenCodes}>
              Edit code replacements…
            </button>
          </div>

          <label className="field-label" htmlFor={`${id}-sidecar`}>
            Sidecar file names
          </label>
          <select
            id={`${id}-sidecar`}
            className="text-input"
            value={settings.sidecarNaming}
            onChange={(event) =>
              void update({ sidecarNaming: event.target.value as Settings['sidecarNaming'] })
            }
          >
            {SIDECAR_NAMES.map((choice) => (
              <option key={choice.value} value={choice.value}>
                {choice.label}
              </option>
            ))}
          </select>

          <LabelNamesSetting />

          <span className="field-label">Writing to files</span>
          <div className="settings__checks">
            <Checkbox
              checked={settings.keepBackups}
              onChange={(keepBackups) => void update({ keepBackups })}
            >
              Keep a backup of each file before writing
            </Checkbox>
            <Checkbox
              checked={settings.keepModificationTime}
              onChange={(keepModificationTime) => void update({ keepModificationTime })}
            >
              Keep each file's modification time
            </Checkbox>
          </div>

          <TrustListSetting />

          <RequiredRightsSetting />

          <label className="field-label" htmlFor={`${id}-thumbs`}>
            Thumbnail size
          </label>
          <ThumbnailSlider id={`${id}-thumbs`} />

          <div className="settings__wide">
            <DeskSection scrollIntoView={showDesk} />
          </div>
        </div>
      )}
    </ModalDialog>
  );
}
