/**
 * The desk's code replacements: import a Photo Mechanic file, export one, add or remove a
 * code, choose the delimiter. Codes expand in every field as they are typed (`=kju=`).
 */
import './codes.css';
import { useCallback, useEffect, useId, useState } from 'react';
import type { CodeReplacement } from '../../../../shared/code-replacements';
import { countNoun } from '../../../../shared/plural';
import { getCutline } from '../../client/cutline-client';
import { ModalDialog } from '../../components/modal-dialog';
import { refreshCodes } from '../editor/use-code-expander';

export function CodesDialog({ onClose }: { onClose: () => void }) {
  const id = useId();
  const [entries, setEntries] = useState<CodeReplacement[]>([]);
  const [delimiter, setDelimiter] = useState('=');
  const [code, setCode] = useState('');
  const [text, setText] = useState('');
  const [message, setMessage] = useState<{ text: string; tone: 'ok' | 'warn' | 'error' } | null>(
    null,
  );

  const reload = useCallback(async () => {
    const result = await getCutline().codes.list({});
    if (result.ok) {
      setEntries(result.value.entries);
      setDelimiter(result.value.delimiter);
    }
    refreshCodes();
  }, []);

  useEffect(() => {
    void reload();
  }, [reload]);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    const result = await getCutline().codes.import({ text: await file.text(), replace: false });
    if (!result.ok) setMessage({ text: result.error.message, tone: 'error' });
    else {
      const skipped = result.value.problems
        .slice(0, 5)
        .map((problem) => `line ${problem.line}: ${problem.message}`)
        .join('; ');
      setMessage({
        text: `${countNoun(result.value.imported, 'code')} loaded from ${file.name}.${skipped ? ` Skipped ${skipped}.` : ''}`,
        tone: skipped ? 'warn' : 'ok',
      });
    }
    await reload();
  };

  const exportFile = async () => {
    const result = await getCutline().codes.export({});
    if (!result.ok) return;
    const url = URL.createObjectURL(new Blob([result.value.text], { type: 'text/plain' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = 'code-replacements.txt';
    link.click();
    URL.revokeObjectURL(url);
  };

  const add = async () => {
    const replacements = text.split('|').map((part) => part.trim());
    const result = await getCutline().codes.set({ code, replacements });
    if (!result.ok) setMessage({ text: result.error.message, tone: 'error' });
    else {
      setCode('');
      setText('');
      setMessage(null);
    }
    await reload();
  };

  const changeDelimiter = async (next: string) => {
    setDelimiter(next);
    if (next.length !== 1) return;
    const result = await getCutline().settings.set({ codeDelimiter: next });
    if (!result.ok) setMessage({ text: result.error.message, tone: 'error' });
    refreshCodes();
  };

  return (
    <ModalDialog title="Code replacements" className="codes" onClose={onClose}>
      <p className="codes__hint">
        Type a code between delimiters in any field — {delimiter}kju{delimiter} — and it becomes its
        text. A number picks another column: {delimiter}kju2{delimiter}.
      </p>
      <div className="codes__tools">
        <label className="button button--small">
          Import Photo Mechanic file…
          <input
            type="file"
            accept=".txt,.tsv,text/plain"
            className="visually-hidden"
            aria-label="Import code file"
            onChange={(event) => void importFile(event.target.files?.[0])}
          />
        </label>
        <button type="button" className="button button--small" onClick={() => void exportFile()}>
          Export…
        </button>
        <span className="spacer" />
        <label htmlFor={`${id}-delimiter`}>Delimiter</label>
        <input
          id={`${id}-delimiter`}
          className="text-input codes__delimiter"
          value={delimiter}
          maxLength={1}
          onChange={(event) => void changeDelimiter(event.target.value)}
        />
      </div>
      <div className="codes__add">
        <input
          className="text-input"
          aria-label="New code"
          placeholder="code"
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
        <input
          className="text-input"
          aria-label="Replacement text"
          placeholder="Text it stands for (more columns separated by |)"
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
        <button type="button" className="button" onClick={() => void add()}>
          Add
        </button>
      </div>
      {message && (
        <p className={`codes__message tone--${message.tone}`} role="status">
          {message.text}
        </p>
      )}
      <table className="codes__table" aria-label="Codes">
        <thead>
          <tr>
            <th>Code</th>
            <th>Text</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.code}>
              <td>
                <code>{entry.code}</code>
              </td>
              <td>{entry.replacements.join(' | ')}</td>
              <td>
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`Remove code ${entry.code}`}
                  onClick={() =>
                    void getCutline()
                      .codes.delete({ code: entry.code })
                      .then(() => reload())
                  }
                >
                  Remove
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </ModalDialog>
  );
}
