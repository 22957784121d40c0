/**
 * Where unexpected errors go, process-wide. Services and workers call `reportError`; by
 * default that is the console (the CLI, tests), and the Electron shell points it at the
 * log file and a notice in the window, so an error is never silent in the app.
 */

/**
 * `notify: false` for errors the user already sees another way (a call's own error answer,
 * a file listed under import problems): logged, not announced twice.
 */
export interface ErrorReportOptions {
  notify?: boolean;
}

export type ErrorSink = (where: string, error: unknown, options: ErrorReportOptions) => void;

const toConsole = (where: string, error: unknown) => console.error(`[cutline] ${where}:`, error);
let sink: ErrorSink = toConsole;

/** Reports an error that nothing else handles (a crashed worker, a failed call). */
export function reportError(where: string, error: unknown, options: ErrorReportOptions = {}): void {
  try {
    sink(where, error, options);
  } catch (failure) {
    toConsole(where, error);
    toConsole('the error sink', failure);
  }
}

/** Sends every reported error to `next` from now on (returns the function that undoes it). */
export function setErrorSink(next: ErrorSink): () => void {
  const previous = sink;
  sink = next;
  return () => {
    sink = previous;
  };
}

/** An error as one readable text: its stack when it has one, else its message or value. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ?? `${error.name}: ${error.message}`;
  return typeof error === 'string' ? error : JSON.stringify(error);
}
