/**
 * The export dialog: a caption sheet of the selection, the search or a whole import (the
 * latest by default, or one of the runs before it), in the format and with the columns and
 * caption-with-credit pattern chosen (the last choices come back next time; named presets
 * keep others), with a progress bar; the credit block to the clipboard or a file; and a tab
 * to read a caption sheet back.
 */
import './export.css';
import { useEffect, useId, useState } from 'react';
import type { ImportRunInfo } from '../../../../shared/contract';
import { counted } from '../../../../shared/counted';
import {
  DEFAULT_EXPORT_CHOICES,
  EXPORT_FORMAT_INFO,
  type ExportChoices,
  type ExportPreset,
  type ExportSummary,
  type PhotoSet,
} from '../../../../shared/export-options';
import { getCutline } from '../../client/cutline-client';
import { ModalDialog } from '../../components/modal-dialog';
import { ExportChoicesForm } from './export-choices-form';
import { SheetImportPanel } from './sheet-import-panel';
import { useExportProgress } from './use-export-progress';

/** Import runs offered as a scope: the latest and a few before it. */
const RUNS_OFFERED = 10;

/** "shoot-0612 and 2 more, 340 photos": what an import run was run on, for the scope choice. */
function describeRun(run: ImportRunInfo): string {
  const first = run.roots[0]?.split(/[\\/]/).filter(Boolean).pop() ?? 'files';
  const more = run.roots.length > 1 ? ` and ${run.roots.length - 1} more` : '';
  return `${first}${more}, ${counted(run.imported + run.updated + run.unchanged, 'photo')}`;
}

/** "The last import: shoot-0612, 340 photos", or "Import 11, 12 Jun 14:02: shoot-0611, …". */
function runLabel(run: ImportRunInfo, latest: boolean): string {
  if (latest) return `The last import: ${describeRun(run)}`;
  const when = new Date(run.startedAt).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return `Import ${run.runId}, ${when}: ${describeRun(run)}`;
}

/** The output file with the chosen format's extension. */
function withExtension(path: string, extension: string): string {
  if (!path.trim()) return path;
  return /\.[a-z0-9]{2,5}$/i.test(path)
    ? path.replace(/\.[a-z0-9]{2,5}$/i, `.${extension}`)
    : `${path}.${extension}`;
}

export function ExportDialog({
  query,
  selectionSize,
  selectedIds,
  canChooseFile,
  onClose,
}: {
  query: string;
  selectionSize: number;
  selectedIds: () => Promise<number[]>;
  /** True where a native save dialog exists (Electron); the path field is there anyway. */
  canChooseFile: boolean;
  onClose: () => void;
}) {
  const id = useId();
  const [tab, setTab] = useState<'export' | 'import'>('export');
  const [choices, setChoices] = useState<ExportChoices>(DEFAULT_EXPORT_CHOICES);
  const [presets, setPresets] = useState<ExportPreset[]>([]);
  const [presetName, setPresetName] = useState('');
  const [runs, setRuns] = useState<ImportRunInfo[]>([]);
  const [runId, setRunId] = useState<number | null>(null);
  const [scope, setScope] = useState<'selection' | 'search' | 'import'>(
    selectionSize > 1 ? 'selection' : 'search',
  );
  const [out, setOut] = useState('');
  const [busy, setBusy] = useState(false);
  // The tone tells a failed export from a finished one at a glance (an error looked like success).
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'warn' | 'error' } | null>(
    null,
  );
  /** The file the save dialog had the person confirm (it asks before replacing one). */
  const [confirmed, setConfirmed] = useState<string | null>(null);
  /** A file that exists, and the export or save to run again once the person says replace. */
  const [replace, setReplace] = useState<{ file: string; again: () => void } | null>(null);
  const progress = useExportProgress();

  useEffect(() => {
    void getCutline()
      .import.runs({})
      .then((result) => {
        if (!result.ok) return;
        setRuns(result.value.slice(0, RUNS_OFFERED));
        setRunId(result.value[0]?.runId ?? null);
      });
    void getCutline()
      .settings.get({})
      .then((result) => {
        if (!result.ok) return;
        setChoices(result.value.lastExport);
        setPresets(result.value.exportPresets);
      });
  }, []);

  const photoSet = async (): Promise<PhotoSet> => {
    if (scope === 'selection') return { ids: await selectedIds() };
    // The run chosen by its number: what the dialog showed, even if an import starts now.
    if (scope === 'import' && runId !== null) return { importRun: runId };
    return { query };
  };
  const file = withExtension(out, EXPORT_FORMAT_INFO[choices.format].extension);

  const chooseFile = async () => {
    const extension = EXPORT_FORMAT_INFO[choices.format].extension;
    const result = await getCutline().dialog.saveFile({
      title: 'Save caption sheet',
      defaultName: out.trim() || `caption-sheet.${extension}`,
      extensions: [extension],
    });
    if (result.ok && result.value) {
      setOut(result.value);
      setConfirmed(result.value);
    } else if (!result.ok) setMessage({ text: result.error.message, tone: 'error' });
  };

  /** The file exists and replacing it was not confirmed: ask, and run `again` if told to. */
  const askToReplace = (code: string, target: string, again: () => void): boolean => {
    if (code !== 'exists') return false;
    setReplace({ file: target, again });
    return true;
  };

  const runExport = async (overwrite = file === confirmed) => {
    setBusy(true);
    setMessage(null);
    setReplace(null);
    try {
      const result = await getCutline().export.sheet({
        ...(await photoSet()),
        ...choices,
        out: file,
        overwrite,
      });
      if (!result.ok) {
        if (!askToReplace(result.error.code, file, () => void runExport(true))) {
          setMessage({ text: result.error.message, tone: 'error' });
        }
        return;
      }
      void getCutline().settings.set({ lastExport: choices });
      const summary: ExportSummary = result.value;
      setMessage({
        text: [
          `Wrote ${counted(summary.photoCount, 'photo')} to ${summary.path} in ${(summary.milliseconds / 1000).toFixed(1)} s.`,
          ...summary.notes,
        ].join(' '),
        tone: summary.notes.length > 0 ? 'warn' : 'ok',
      });
    } finally {
      setBusy(false);
    }
  };

  const savePreset = async () => {
    const name = presetName.trim();
    if (!name) return;
    const next = [...presets.filter((preset) => preset.name !== name), { name, ...choices }];
    const result = await getCutline().settings.set({ exportPresets: next });
    if (!result.ok) setMessage({ text: result.error.message, tone: 'error' });
    else {
      setPresets(next);
      setPresetName('');
    }
  };

  const copyCredits = async () => {
    const result = await getCutline().credits.block(await photoSet());
    if (!result.ok) return setMessage({ text: result.error.message, tone: 'error' });
    await navigator.clipboard?.writeText(result.value.text).catch(() => undefined);
    setMessage({ text: `Credit block copied: ${result.value.text || '(no credits)'}`, tone: 'ok' });
  };

  const saveCredits = async (overwrite?: boolean) => {
    const target = withExtension(out, 'txt');
    setReplace(null);
    const result = await getCutline().credits.save({
      ...(await photoSet()),
      out: target,
      overwrite: overwrite ?? target === confirmed,
    });
    if (!result.ok && askToReplace(result.error.code, target, () => void saveCredits(true))) {
      setMessage(null);
      return;
    }
    setMessage(
      result.ok
        ? { text: `Credit block saved to ${result.value.path}.`, tone: 'ok' }
        : { text: result.error.message, tone: 'error' },
    );
  };

  return (
    <ModalDialog
      title="Export"
      className="export"
      onClose={onClose}
      headerControls={
        <div className="export__tabs" role="tablist">
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'export'}
            className="button button--quiet"
            onClick={() => setTab('export')}
          >
            Caption sheet
          </button>
          <button
            type="button"
            role="tab"
            aria-selected={tab === 'import'}
            className="button button--quiet"
            onClick={() => setTab('import')}
          >
            Import caption sheet
          </button>
        </div>
      }
    >
      {tab === 'import' ? (
        <SheetImportPanel />
      ) : (
        <>
          <div className="export__scope" role="radiogroup" aria-label="Photos">
            <label>
              <input
                type="radio"
                checked={scope === 'selection'}
                disabled={selectionSize === 0}
                onChange={() => setScope('selection')}
              />
              Selected photos ({selectionSize})
            </label>
            <label>
              <input
                type="radio"
                checked={scope === 'search'}
                onChange={() => setScope('search')}
              />
              {query.trim()
                ? `Every photo matching “${query.trim()}”`
                : 'Every photo in the catalog'}
            </label>
            <label>
              <input
                type="radio"
                checked={scope === 'import'}
                disabled={runs.length === 0}
                onChange={() => setScope('import')}
              />
              {runs.length === 0 ? 'A whole import (nothing imported yet)' : 'A whole import'}
            </label>
            {runs.length > 0 && (
              <select
                aria-label="Import run"
                value={runId ?? ''}
                onChange={(event) => {
                  setRunId(Number(event.target.value));
                  setScope('import');
                }}
              >
                {runs.map((run, index) => (
                  <option key={run.runId} value={run.runId}>
                    {runLabel(run, index === 0)}
                  </option>
                ))}
              </select>
            )}
          </div>
          <div className="export__presets">
            <label htmlFor={`${id}-preset`}>Preset</label>
            <select
              id={`${id}-preset`}
              value=""
              onChange={(event) => {
                const preset = presets.find((p) => p.name === event.target.value);
                if (preset) {
                  const { name: _name, ...rest } = preset;
                  setChoices(rest);
                }
              }}
            >
              <option value="">Choose a preset…</option>
              {presets.map((preset) => (
                <option key={preset.name} value={preset.name}>
                  {preset.name}
                </option>
              ))}
            </select>
            <input
              className="text-input"
              aria-label="Preset name"
              placeholder="Save these choices as…"
              value={presetName}
              onChange={(event) => setPresetName(event.target.value)}
            />
            <button
              type="button"
              className="button button--small"
              disabled={!presetName.trim()}
              onClick={() => void savePreset()}
            >
              Save preset
            </button>
          </div>
          <ExportChoicesForm choices={choices} onChange={setChoices} />
          <div className="export__out">
            <label htmlFor={`${id}-out`}>Save as</label>
            <input
              id={`${id}-out`}
              className="text-input"
              value={out}
              placeholder="/path/to/caption-sheet"
              onChange={(event) => {
                setOut(event.target.value);
                setReplace(null);
              }}
            />
            {canChooseFile && (
              <button
                type="button"
                className="button"
                aria-label="Choose where to save"
                disabled={busy}
                onClick={() => void chooseFile()}
              >
                Choose…
              </button>
            )}
            <button
              type="button"
              className="button"
              disabled={busy || !out.trim()}
              onClick={() => void runExport()}
            >
              Export
            </button>
          </div>
          {file && file !== out && <p className="export__hint">Writes {file}</p>}
          {progress && (
            <progress
              className="export__progress"
              aria-label="Export progress"
              max={progress.total || 1}
              value={progress.done}
            />
          )}
          <div className="export__credits">
            <button
              type="button"
              className="button button--small"
              onClick={() => void copyCredits()}
            >
              Copy credit block
            </button>
            <button
              type="button"
              className="button button--small"
              disabled={!out.trim()}
              onClick={() => void saveCredits()}
            >
              Save credit block as .txt
            </button>
          </div>
        </>
      )}
      {replace && (
        <div className="export__replace" role="alert">
          <p>{replace.file} already exists. Replace it?</p>
          <button type="button" className="button button--small" onClick={replace.again}>
            Replace
          </button>
          <button
            type="button"
            className="button button--small button--quiet"
            onClick={() => setReplace(null)}
          >
            Keep it
          </button>
        </div>
      )}
      {message && (
        <p
          className={`export__message tone--${message.tone}`}
          role={message.tone === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
    </ModalDialog>
  );
}
