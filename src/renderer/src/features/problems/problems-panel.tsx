/** The list of files imports could not read, each with its reason in plain words. */
import { Panel } from '../../components/panel';
import { useImportProblems } from './use-import-problems';

interface ProblemsPanelProps {
  libraryVersion: number;
  onClose: () => void;
}

const when = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

function formatAt(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : when.format(date);
}

/** The "Import problems" panel. */
export function ProblemsPanel({ libraryVersion, onClose }: ProblemsPanelProps) {
  const { problems } = useImportProblems(true, libraryVersion);
  return (
    <Panel title="Import problems" closeLabel="Close import problems" onClose={onClose} wide>
      {problems === null ? (
        <p className="panel__hint">Loading…</p>
      ) : problems.length === 0 ? (
        <p className="panel__hint">Every file imported cleanly.</p>
      ) : (
        <ul className="problem-list">
          {problems.map((problem) => (
            <li key={`${problem.runId}:${problem.path}`} className="problem-list__item">
              <div className="problem-list__path" title={problem.path}>
                {problem.path}
              </div>
              <div className="problem-list__reason">{problem.reason}</div>
              <div className="problem-list__when">{formatAt(problem.at)}</div>
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
