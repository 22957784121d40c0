/** The files imports could not read, from `import.problems({})`. */
import { useEffect, useState } from 'react';
import type { ImportProblem } from '../../../../shared/model';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';

/** Loads the problem list while `open`, again whenever the library changes. */
export function useImportProblems(
  open: boolean,
  libraryVersion: number,
): { problems: ImportProblem[] | null } {
  const call = useCall();
  const [problems, setProblems] = useState<ImportProblem[] | null>(null);

  useEffect(() => {
    void libraryVersion;
    if (!open) return;
    let live = true;
    void call(getCutline().import.problems({})).then((value) => {
      if (live) setProblems(value ?? []);
    });
    return () => {
      live = false;
    };
  }, [call, open, libraryVersion]);

  return { problems };
}
