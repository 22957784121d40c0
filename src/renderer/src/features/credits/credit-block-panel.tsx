/**
 * The "Credit block" panel: one line crediting every photo the current search shows, as a
 * gallery or story prints it, copied to the clipboard when it first arrives.
 */
import './credits.css';
import { useEffect, useRef } from 'react';
import { counted } from '../../../../shared/counted';
import { Panel } from '../../components/panel';
import { styleLabel } from './house-credit';
import { useCreditBlock } from './use-credit-block';

interface CreditBlockPanelProps {
  query: string;
  libraryVersion: number;
  contentVersion: number;
  onClose: () => void;
}

const COPY_TEXT = {
  idle: '',
  copied: 'Copied to the clipboard.',
  unavailable: 'Could not copy here; select the text and copy it.',
} as const;

export function CreditBlockPanel({
  query,
  libraryVersion,
  contentVersion,
  onClose,
}: CreditBlockPanelProps) {
  const { block, problem, copy, copyText } = useCreditBlock(query, libraryVersion, contentVersion);

  // Opening the panel is the request to copy: do it once, with the first text that arrives.
  const copiedOnce = useRef(false);
  useEffect(() => {
    if (!block || copiedOnce.current) return;
    copiedOnce.current = true;
    if (block.text) void copyText(block.text);
  }, [block, copyText]);

  return (
    <Panel title="Credit block" closeLabel="Close credit block" onClose={onClose} wide>
      {problem && <p className="credit-block__problem">{problem}</p>}
      {block === null ? (
        !problem && <p className="panel__hint">Loading…</p>
      ) : (
        <>
          <textarea
            className="text-input text-input--readonly credit-block__text"
            aria-label="Credit block"
            readOnly
            rows={5}
            value={block.text}
            placeholder="No photo in this search has a credit."
            onFocus={(event) => event.currentTarget.select()}
          />
          <div className="credit-block__meta">
            <span>
              {counted(block.photoCount, 'photo')} in {query.trim() ? 'this search' : 'the catalog'}
              {block.uncredited > 0 && `, ${counted(block.uncredited, 'photo')} without a credit`},
              in the {styleLabel(block.style)} style.
            </span>
            <span className="spacer" />
            <span role="status">{COPY_TEXT[copy]}</span>
            <button
              type="button"
              className="button button--small"
              aria-label="Copy credit block"
              disabled={!block.text}
              onClick={() => void copyText(block.text)}
            >
              Copy
            </button>
          </div>
        </>
      )}
    </Panel>
  );
}
