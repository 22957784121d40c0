import { useEffect, useState } from 'react';
import type { ExportProgress } from '../../../../shared/export-options';
import { getCutline } from '../../client/cutline-client';

/** The running export's progress, from `export:progress` events (null when none runs). */
export function useExportProgress(): ExportProgress | null {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  useEffect(
    () => getCutline().on('export:progress', (next) => setProgress(next.finished ? null : next)),
    [],
  );
  return progress;
}
