/** What the last import did, shown until dismissed. */
import type { ImportOutcome } from './use-import-progress';

interface ImportSummaryBarProps {
  outcome: ImportOutcome;
  onShowProblems: () => void;
  onDismiss: () => void;
}

const number = new Intl.NumberFormat();

/**
 * imported / updated / unchanged / failed (and cut short, when any picture was), with a link
 * to the problems when there are any.
 */
export function ImportSummaryBar({ outcome, onShowProblems, onDismiss }: ImportSummaryBarProps) {
  const counts: [string, number][] = [
    ['imported', outcome.imported],
    ['updated', outcome.updated],
    ['unchanged', outcome.unchanged],
    ['failed', outcome.failed],
  ];
  if (outcome.damaged > 0) counts.push(['cut short', outcome.damaged]);
  const bad = (label: string) => label === 'failed' || label === 'cut short';
  return (
    <section className="import-summary" role="status" aria-label="Import summary">
      <strong>{outcome.cancelled ? 'Import cancelled' : 'Import finished'}</strong>
      {counts.map(([label, value]) => (
        <span
          key={label}
          className={`summary-count${bad(label) && value > 0 ? ' summary-count--bad' : ''}`}
        >
          <span className="summary-count__value">{number.format(value)}</span> {label}
        </span>
      ))}
      <span className="spacer" />
      {outcome.failed + outcome.damaged > 0 && (
        <button type="button" className="button button--quiet" onClick={onShowProblems}>
          Show problems
        </button>
      )}
      <button
        type="button"
        className="icon-button"
        aria-label="Dismiss import summary"
        onClick={onDismiss}
      >
        ×
      </button>
    </section>
  );
}
