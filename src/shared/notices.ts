/**
 * Notices: things the user must be told that are not the answer to a call they made — a
 * damaged catalog moved aside at start, an error in the background. The services keep them
 * (so a window that opens later still sees them) and push each as the `app:notice` event.
 */
export interface AppNotice {
  id: number;
  level: 'info' | 'warning' | 'error';
  /** One or two plain sentences for the user. */
  message: string;
  /** Where more can be read (the log file), when there is such a place. */
  detail?: string;
  at: string;
}
