/**
 * The window's one autosave queue, bound to the contract: created once, replaying what an
 * earlier session could not save, and flushed when the page goes away.
 */
import { useSyncExternalStore } from 'react';
import { getCutline } from '../../client/cutline-client';
import { AutosaveQueue, type AutosaveStatus } from './autosave-queue';

let queue: AutosaveQueue | null = null;

function journalStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled: saves still go to the catalog, only the journal is lost
  }
}

/** The queue every field editor saves through. */
export function getAutosave(): AutosaveQueue {
  if (queue === null) {
    const created = new AutosaveQueue(
      (photoId, field, value, typing) =>
        getCutline().edits.set({ ids: [photoId], changes: { [field]: value }, typing }),
      journalStorage(),
    );
    queue = created;
    void created.recover();
    const flush = () => void created.flush();
    window.addEventListener('pagehide', flush);
    window.addEventListener('beforeunload', flush);
  }
  return queue;
}

/** The queue's status, re-rendering when it changes. */
export function useAutosaveStatus(): AutosaveStatus {
  const autosave = getAutosave();
  return useSyncExternalStore(
    (listener) => autosave.subscribe(listener),
    () => statusSnapshot(autosave),
  );
}

// useSyncExternalStore needs the same object while nothing changed.
let lastStatus: AutosaveStatus | null = null;
function statusSnapshot(autosave: AutosaveQueue): AutosaveStatus {
  const status = autosave.status();
  if (
    lastStatus &&
    lastStatus.pending === status.pending &&
    lastStatus.saving === status.saving &&
    lastStatus.error === status.error
  ) {
    return lastStatus;
  }
  lastStatus = status;
  return status;
}
