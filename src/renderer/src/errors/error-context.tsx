/**
 * The one place call errors are presented: a non-blocking banner fed by `useCall()`. Every
 * Result error in the renderer ends up here as its plain message, never as a stack.
 */
import { createContext, type ReactNode, useCallback, useContext, useMemo, useState } from 'react';
import type { CallError, Result } from '../../../shared/result';

/** One error shown in the banner. */
export interface ShownError {
  key: number;
  message: string;
}

interface ErrorState {
  errors: ShownError[];
  report: (error: CallError | string) => void;
  dismiss: (key: number) => void;
}

const ErrorContext = createContext<ErrorState | null>(null);

const MAX_SHOWN = 3;
const HIDE_AFTER_MS = 8000;
let nextKey = 1;

/** Holds the errors shown in the banner. */
export function ErrorProvider({ children }: { children: ReactNode }) {
  const [errors, setErrors] = useState<ShownError[]>([]);

  const dismiss = useCallback((key: number) => {
    setErrors((current) => current.filter((error) => error.key !== key));
  }, []);

  const report = useCallback(
    (error: CallError | string) => {
      const message = typeof error === 'string' ? error : error.message;
      const key = nextKey++;
      setErrors((current) => [
        ...current.filter((shown) => shown.message !== message).slice(-(MAX_SHOWN - 1)),
        { key, message },
      ]);
      window.setTimeout(() => dismiss(key), HIDE_AFTER_MS);
    },
    [dismiss],
  );

  const value = useMemo(() => ({ errors, report, dismiss }), [errors, report, dismiss]);
  return <ErrorContext value={value}>{children}</ErrorContext>;
}

function useErrorState(): ErrorState {
  const state = useContext(ErrorContext);
  if (state === null) throw new Error('useCall must be used inside <ErrorProvider>.');
  return state;
}

/** The errors currently shown, for the banner. */
export function useShownErrors(): Pick<ErrorState, 'errors' | 'dismiss'> {
  const { errors, dismiss } = useErrorState();
  return { errors, dismiss };
}

/**
 * Returns `call(promise)`: awaits a Result, shows its error in the banner when it failed and
 * answers the value, or `undefined` on failure. Stable across renders.
 */
export function useCall(): <T>(pending: Promise<Result<T>>) => Promise<T | undefined> {
  const { report } = useErrorState();
  return useCallback(
    async <T,>(pending: Promise<Result<T>>): Promise<T | undefined> => {
      let result: Result<T>;
      try {
        result = await pending;
      } catch (error) {
        report(error instanceof Error ? error.message : 'Something went wrong.');
        return undefined;
      }
      if (result.ok) return result.value;
      report(result.error);
      return undefined;
    },
    [report],
  );
}

/** Returns `report(message)` for errors that did not come from a call (e.g. a bad drop). */
export function useReportError(): (error: CallError | string) => void {
  return useErrorState().report;
}
