/**
 * A process that owns rows of the catalog while it works (a photo's write lock, a running
 * import): its pid and the time it started, so that a pid reused by another process later
 * is not taken for the owner.
 */
export interface ProcessOwner {
  pid: number;
  /** Milliseconds since 1970 at which the process started. */
  startedAt: number;
}
