import type { ProcessOwner } from '../catalog/process-owner';

/** This process, as the owner of the catalog rows it works on. */
export const THIS_PROCESS: ProcessOwner = {
  pid: process.pid,
  startedAt: Math.round(performance.timeOrigin),
};

/**
 * True when the owner's process no longer runs (on this machine: a catalog is local). A pid
 * that runs again under another process is not told apart here; owners' rows carry an
 * expiry or are checked again for that.
 */
export function ownerIsGone(owner: ProcessOwner): boolean {
  if (owner.pid === THIS_PROCESS.pid) return owner.startedAt !== THIS_PROCESS.startedAt;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    // EPERM: it runs, as another user.
    return (error as { code?: string }).code !== 'EPERM';
  }
}
