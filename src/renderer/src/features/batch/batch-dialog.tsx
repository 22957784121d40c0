/**
 * Batch editing of a selection: one field, one operation (set, append, prepend, find and
 * replace with plain text or a regular expression), only into empty fields or overwriting,
 * with a live preview of how many photos change before anything is stored. One undo step.
 */
import { changedPart } from '../../../../shared/changed-part';
import { countNoun } from '../../../../shared/plural';
import './batch.css';
import { useEffect, useId, useState } from 'react';
import type { BatchOperation, BatchOutcome, FillMode } from '../../../../shared/edits';
import {
  type CaptionField,
  FIELD_LABELS,
  isCullingField,
  PLAIN_FIELDS,
} from '../../../../shared/model';
import { getCutline } from '../../client/cutline-client';
import { Checkbox } from '../../components/checkbox';
import { FillModeChoice } from '../../components/fill-mode-choice';
import { ModalDialog } from '../../components/modal-dialog';
import { CullingInput } from '../culling/culling-inputs';

type Kind = BatchOperation['kind'];

const KIND_LABELS: Record<Kind, string> = {
  set: 'Set to',
  append: 'Append',
  prepend: 'Prepend',
  replace: 'Find and replace',
};

interface BatchDialogProps {
  /** The selected photos' ids, asked for once the dialog opens. */
  selectedIds: () => Promise<number[]>;
  onClose: () => void;
}

function text(value: string | string[]): string {
  return Array.isArray(value) ? value.join('; ') : value;
}

/** A sample's before and after, cut to the part that changes (a long caption's end too). */
function shown(before: string | string[], after: string | string[]) {
  const part = changedPart(text(before), text(after));
  return {
    before: part.before === '' ? '(empty)' : part.before,
    after: part.after === '' ? '(empty)' : part.after,
  };
}

export function BatchDialog({ selectedIds, onClose }: BatchDialogProps) {
  const id = useId();
  const [ids, setIds] = useState<number[] | null>(null);
  const [field, setField] = useState<CaptionField>('caption');
  const [kind, setKind] = useState<Kind>('set');
  const [value, setValue] = useState('');
  const [find, setFind] = useState('');
  const [regex, setRegex] = useState(false);
  const [caseSensitive, setCaseSensitive] = useState(false);
  const [wholeWord, setWholeWord] = useState(false);
  // Nothing destructive by default: only empty fields, until the editor chooses Overwrite.
  const [mode, setMode] = useState<FillMode>('fill-empty');
  // Emptying a field in more than one photo asks once before it is done.
  const [confirming, setConfirming] = useState(false);
  const [preview, setPreview] = useState<BatchOutcome | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void selectedIds().then(setIds);
  }, [selectedIds]);

  const operation: BatchOperation =
    kind === 'replace'
      ? { kind, find, replace: value, regex, caseSensitive, wholeWord }
      : kind === 'set'
        ? { kind, value }
        : { kind, value, separator: ' ' };

  const request = JSON.stringify({ field, operation, mode });
  // The preview follows every change of the form, a moment after typing stops.
  useEffect(() => {
    if (!ids || (kind === 'replace' && find === '')) {
      setPreview(null);
      return;
    }
    let live = true;
    const timer = window.setTimeout(() => {
      const { field: f, operation: op, mode: m } = JSON.parse(request);
      void getCutline()
        .edits.batch({ ids, field: f, operation: op, mode: m, preview: true })
        .then((result) => {
          if (!live) return;
          if (result.ok) {
            setPreview(result.value);
            setProblem(null);
          } else {
            setPreview(null);
            setProblem(result.error.message);
          }
        });
    }, 150);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [ids, request, kind, find]);

  // Any change to the form asks again.
  useEffect(() => {
    void request;
    setConfirming(false);
  }, [request]);
  const empties = kind === 'set' && value.trim() === '' && (preview?.changed ?? 0) > 1;

  const apply = async () => {
    if (!ids) return;
    if (empties && !confirming) {
      setConfirming(true);
      return;
    }
    setBusy(true);
    const result = await getCutline().edits.batch({ ids, field, operation, mode, preview: false });
    setBusy(false);
    if (result.ok) onClose();
    else setProblem(result.error.message);
  };

  return (
    <ModalDialog
      title={`Batch edit ${ids ? `${ids.length.toLocaleString()} photos` : '…'}`}
      className="batch"
      onClose={onClose}
      closeLabel="Cancel"
    >
      <div className="batch__grid">
        <label htmlFor={`${id}-field`}>Field</label>
        <select
          id={`${id}-field`}
          className="text-input"
          value={field}
          onChange={(event) => {
            const next = event.target.value as CaptionField;
            setField(next);
            // A rating, label or tag is one value: it is set, not appended to or searched.
            if (isCullingField(next)) {
              setKind('set');
              setValue('');
            }
          }}
        >
          {PLAIN_FIELDS.map((name) => (
            <option key={name} value={name}>
              {FIELD_LABELS[name]}
            </option>
          ))}
        </select>
        <span>Operation</span>
        <div className="batch__kinds" role="radiogroup" aria-label="Operation">
          {(Object.keys(KIND_LABELS) as Kind[])
            .filter((name) => name === 'set' || !isCullingField(field))
            .map((name) => (
              <label key={name} className="radio">
                <input
                  type="radio"
                  name={`${id}-kind`}
                  checked={kind === name}
                  onChange={() => setKind(name)}
                />
                {KIND_LABELS[name]}
              </label>
            ))}
        </div>
        {kind === 'replace' && (
          <>
            <label htmlFor={`${id}-find`}>Find</label>
            <input
              id={`${id}-find`}
              className="text-input"
              value={find}
              onChange={(event) => setFind(event.target.value)}
            />
          </>
        )}
        {isCullingField(field) ? (
          <>
            <span>Value</span>
            <CullingInput field={field} value={value} onChange={setValue} />
          </>
        ) : (
          <>
            <label htmlFor={`${id}-value`}>{kind === 'replace' ? 'Replace with' : 'Text'}</label>
            <textarea
              id={`${id}-value`}
              className="text-input"
              rows={field === 'caption' ? 4 : 2}
              value={value}
              onChange={(event) => setValue(event.target.value)}
            />
          </>
        )}
        {kind === 'replace' ? (
          <>
            <span />
            <div className="batch__options">
              <Checkbox checked={regex} onChange={setRegex}>
                Regular expression
              </Checkbox>
              <Checkbox checked={caseSensitive} onChange={setCaseSensitive}>
                Match case
              </Checkbox>
              <Checkbox checked={wholeWord} onChange={setWholeWord}>
                Whole words
              </Checkbox>
            </div>
          </>
        ) : (
          <>
            <span>Photos</span>
            <FillModeChoice mode={mode} onChange={setMode} />
          </>
        )}
      </div>
      <output className="batch__preview" aria-label="Batch preview">
        {problem ? (
          <span className="batch__problem">{problem}</span>
        ) : preview ? (
          <>
            <strong>
              {preview.changed.toLocaleString()} of {countNoun(preview.total, 'photo')} will change.
            </strong>
            {preview.samples.map((sample) => {
              const part = shown(sample.before, sample.after);
              return (
                <span key={sample.fileName} className="batch__sample">
                  {sample.fileName}: <del>{part.before}</del> → <ins>{part.after}</ins>
                </span>
              );
            })}
          </>
        ) : (
          'Fill in the form to see what changes.'
        )}
      </output>
      <footer className="batch__footer">
        {confirming && (
          <p className="batch__confirm" role="alert">
            This empties the {FIELD_LABELS[field].toLowerCase()} of{' '}
            {countNoun(preview?.changed ?? 0, 'photo')}. Press again to do it.
          </p>
        )}
        <button
          type="button"
          className={`button ${confirming ? 'button--danger' : 'button--primary'}`}
          disabled={busy || !preview || preview.changed === 0}
          onClick={() => void apply()}
        >
          {confirming
            ? `Empty ${countNoun(preview?.changed ?? 0, 'photo')}`
            : `Apply to ${countNoun(preview ? preview.changed : 0, 'photo')}`}
        </button>
      </footer>
    </ModalDialog>
  );
}
