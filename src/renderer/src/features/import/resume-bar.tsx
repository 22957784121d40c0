/** Offers to resume an import that did not finish. */
import type { ImportRunInfo } from '../../../../shared/contract';

interface ResumeBarProps {
  run: ImportRunInfo;
  onResume: () => void;
}

const number = new Intl.NumberFormat();

export function ResumeBar({ run, onResume }: ResumeBarProps) {
  const what = run.roots.length === 1 ? run.roots[0] : `${run.roots.length} folders`;
  const stored = run.imported + run.updated + run.unchanged;
  return (
    <section className="import-summary" role="status" aria-label="Unfinished import">
      <strong>{run.state === 'cancelled' ? 'Import cancelled' : 'Import interrupted'}</strong>
      <span className="summary-count" title={run.roots.join('\n')}>
        {what}: {number.format(stored)} photos stored so far
      </span>
      <span className="spacer" />
      <button type="button" className="button" onClick={onResume}>
        Resume import
      </button>
    </section>
  );
}
