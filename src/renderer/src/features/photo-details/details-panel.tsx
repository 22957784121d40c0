/**
 * The side panel for the selected photo: its credit in the house style, caption fields,
 * their origins, the Rights & Details fields, technical facts.
 */
import { memo, useLayoutEffect, useRef, useState } from 'react';
import { CAPTION_FIELDS, type PhotoDetail } from '../../../../shared/model';
import { printablePath } from '../../../../shared/printable-path';
import { DeskPresenceLine, deskFieldFocus } from '../desk/desk-presence';
import { EditorFields, MAIN_FIELDS } from '../editor/editor-fields';
import { SaveStatus } from '../editor/save-status';
import { HistoryList } from '../history/history-list';
import { CaptionFieldView } from './caption-field-view';
import { CreditSection } from './credit-section';
import { ProvenanceSection } from './provenance-section';
import { RightsSection } from './rights-section';
import { TechnicalFacts } from './technical-facts';
import { useMakeCopiesAgree } from './use-make-copies-agree';

interface DetailsPanelProps {
  detail: PhotoDetail | null;
  loading: boolean;
  thumbnail: string | undefined;
  /** Moves when field values change, so the history reloads. */
  contentVersion: number;
}

const FILE_STATE_TEXT = {
  changed: 'This file has changed on disk since it was imported.',
  missing: 'This file is missing on disk.',
} as const;

/**
 * The selected photo's caption fields as an editor (saved to the catalog as the user types),
 * or, with "Show EXIF/IIM/XMP", read-only with what each copy in the file holds.
 */
// Memo: a click in the grid re-renders the window with the same detail until the new one
// arrives, and the panel (every field's editor, code lists of hundreds of options) was the
// largest part of that render.
export const DetailsPanel = memo(function DetailsPanel({
  detail,
  loading,
  thumbnail,
  contentVersion,
}: DetailsPanelProps) {
  const [showCopies, setShowCopies] = useState(false);
  const [showHistory, setShowHistory] = useState(false);
  const makeCopiesAgree = useMakeCopiesAgree();
  // Each photo starts at the top (its credit first), not where the last one was left.
  const bodyRef = useRef<HTMLDivElement>(null);
  const photoId = detail?.id;
  useLayoutEffect(() => {
    void photoId;
    bodyRef.current?.scrollTo({ top: 0 });
  }, [photoId]);

  if (detail === null) {
    return (
      <aside className="details details--empty" aria-label="Photo details">
        <p>{loading ? 'Loading…' : 'Select a photo to see its caption and credits.'}</p>
      </aside>
    );
  }

  const { record, origins, fileState } = detail;
  const disagreements = CAPTION_FIELDS.filter((field) => origins[field]?.disagree).length;

  return (
    <aside className="details" aria-label="Photo details" aria-busy={loading}>
      <header className="details__header">
        {thumbnail && <img className="details__preview" src={thumbnail} alt="" />}
        <h2 className="details__title" title={printablePath(record.path)}>
          {printablePath(record.fileName)}
        </h2>
        <DeskPresenceLine photoId={detail.id} />
        {fileState !== 'ok' && (
          <div className={`file-banner file-banner--${fileState}`} role="status">
            {FILE_STATE_TEXT[fileState]}
          </div>
        )}
        <div className="details__toolbar">
          {disagreements > 0 && (
            <span className="disagree-summary">
              ⚠ {disagreements} {disagreements === 1 ? 'field disagrees' : 'fields disagree'}
            </span>
          )}
          <span className="spacer" />
          <button
            type="button"
            className={`button button--small${showHistory ? ' is-active' : ''}`}
            aria-pressed={showHistory}
            onClick={() => setShowHistory((shown) => !shown)}
          >
            History
          </button>
          <label className="switch">
            <input
              type="checkbox"
              role="switch"
              aria-checked={showCopies}
              checked={showCopies}
              onChange={(event) => setShowCopies(event.target.checked)}
            />
            Show EXIF/IIM/XMP
          </label>
        </div>
      </header>
      <div ref={bodyRef} className="details__body" {...deskFieldFocus(detail.id)}>
        <CreditSection record={record} />
        <section className="details-section" aria-labelledby="caption-heading">
          <h3 id="caption-heading" className="details-section__title">
            Metadata
          </h3>
          <SaveStatus />
          {showHistory ? (
            <HistoryList photoId={detail.id} contentVersion={contentVersion} />
          ) : showCopies ? (
            MAIN_FIELDS.map((field) => (
              <CaptionFieldView
                key={field}
                field={field}
                value={record[field]}
                origin={origins[field]}
                showCopies={showCopies}
                agreeing={detail.agreeing.includes(field)}
                onAgree={() => void makeCopiesAgree([detail.id], [field])}
              />
            ))
          ) : (
            <EditorFields detail={detail} />
          )}
        </section>
        {!showHistory && <RightsSection detail={detail} showCopies={showCopies} />}
        <ProvenanceSection provenance={detail.provenance} />
        <TechnicalFacts record={record} />
      </div>
    </aside>
  );
});
