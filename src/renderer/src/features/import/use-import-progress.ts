/**
 * A running import as the UI follows it: the `import:progress` and `import:finished` events,
 * with `import.status()` polling as a fallback when events stop arriving (e.g. the event
 * stream dropped), and `import.runs()` to recover the summary in that case.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImportProgress, ImportSummary } from '../../../../shared/model';
import type { Result } from '../../../../shared/result';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';

/** What an import did, as the summary bar shows it. */
export interface ImportOutcome {
  runId: number;
  imported: number;
  updated: number;
  unchanged: number;
  failed: number;
  /** Imported, but the picture is cut short (0 when only the run's counts are known). */
  damaged: number;
  cancelled: boolean;
}

/** The import state and actions for the toolbar, progress bar and summary. */
export interface ImportTracker {
  progress: ImportProgress | null;
  running: boolean;
  outcome: ImportOutcome | null;
  start: (paths: string[]) => Promise<void>;
  /** Runs an interrupted or cancelled import again; what it stored is skipped quickly. */
  resume: (runId: number) => Promise<void>;
  cancel: () => Promise<void>;
  dismissOutcome: () => void;
}

const POLL_MS = 1000;
/** Poll only when no event came for this long. */
const QUIET_MS = 1500;

function fromSummary(summary: ImportSummary): ImportOutcome {
  return {
    runId: summary.runId,
    imported: summary.imported,
    updated: summary.updated,
    unchanged: summary.unchanged,
    failed: summary.failed.length,
    damaged: summary.damaged.length,
    cancelled: summary.cancelled,
  };
}

/** Follows imports; calls `onFinished` once when one ends, to refresh the library. */
export function useImportProgress(onFinished: () => void): ImportTracker {
  const call = useCall();
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const runId = useRef<number | null>(null);
  const lastEventAt = useRef(0);
  const finishedRef = useRef(onFinished);
  finishedRef.current = onFinished;

  const finish = useCallback((result: ImportOutcome | null) => {
    if (runId.current === null) return;
    runId.current = null;
    setProgress(null);
    if (result !== null) setOutcome(result);
    finishedRef.current();
  }, []);

  // Events pushed by the services.
  useEffect(() => {
    const api = getCutline();
    const offProgress = api.on('import:progress', (payload) => {
      lastEventAt.current = Date.now();
      runId.current = payload.runId;
      setProgress(payload);
    });
    const offFinished = api.on('import:finished', (summary) => {
      lastEventAt.current = Date.now();
      runId.current ??= summary.runId;
      finish(fromSummary(summary));
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, [finish]);

  // An import may already be running when the window opens (or a watched folder started one).
  useEffect(() => {
    void call(getCutline().import.status({})).then((status) => {
      if (status && status.phase !== 'done' && status.phase !== 'cancelled') {
        runId.current = status.runId;
        setProgress(status);
      }
    });
  }, [call]);

  const running = progress !== null;

  // Polling fallback while an import runs and the events have gone quiet.
  useEffect(() => {
    if (!running) return;
    const api = getCutline();
    const timer = window.setInterval(async () => {
      if (Date.now() - lastEventAt.current < QUIET_MS || runId.current === null) return;
      const status = await call(api.import.status({}));
      if (status === undefined || runId.current === null) return;
      if (status !== null && status.phase !== 'done' && status.phase !== 'cancelled') {
        setProgress(status);
        return;
      }
      const ended = runId.current;
      const runs = await call(api.import.runs({}));
      const run = runs?.find((candidate) => candidate.runId === ended);
      finish(
        run
          ? {
              runId: run.runId,
              imported: run.imported,
              updated: run.updated,
              unchanged: run.unchanged,
              failed: run.failed,
              damaged: 0,
              cancelled: run.state === 'cancelled',
            }
          : null,
      );
    }, POLL_MS);
    return () => window.clearInterval(timer);
  }, [running, call, finish]);

  /** Follows the run that a start or a resume call begins. */
  const follow = useCallback(
    async (pending: Promise<Result<{ runId: number }>>) => {
      const started = await call(pending);
      if (started === undefined) return;
      runId.current = started.runId;
      lastEventAt.current = Date.now();
      setOutcome(null);
      setProgress(
        (current) =>
          current ?? {
            runId: started.runId,
            done: 0,
            total: 0,
            rate: 0,
            currentFile: '',
            phase: 'scanning',
          },
      );
    },
    [call],
  );

  const start = useCallback(
    async (paths: string[]) => {
      if (paths.length > 0) await follow(getCutline().import.start({ paths }));
    },
    [follow],
  );

  const resume = useCallback(
    (interruptedRunId: number) => follow(getCutline().import.resume({ runId: interruptedRunId })),
    [follow],
  );

  const cancel = useCallback(async () => {
    if (runId.current === null) return;
    await call(getCutline().import.cancel({ runId: runId.current }));
  }, [call]);

  const dismissOutcome = useCallback(() => setOutcome(null), []);

  return { progress, running, outcome, start, resume, cancel, dismissOutcome };
}
