/**
 * What this window knows of the desk, asked once for every view that shows it: the
 * indicator's state (`desk:state`, local, every 2 s) and, while the desk answers, who has
 * which photo open (`desk:presence`, every 3 s). The grid's cells, the editor and the toolbar
 * read it through the hooks below; nothing is asked while no view is shown, and a catalog
 * not on a desk asks only the local state.
 */
import { useCallback, useSyncExternalStore } from 'react';
import type { DeskPresenceView, DeskState } from '../../../../shared/desk';
import type { CaptionField } from '../../../../shared/model';
import { getCutline } from '../../client/cutline-client';

const STATE_MS = 2000;
const PRESENCE_MS = 3000;

let state: DeskState | null = null;
/** Colleagues per photo of this catalog (photos not here are left out). */
let presence = new Map<number, DeskPresenceView[]>();
const listeners = new Set<() => void>();
const timers = new Set<ReturnType<typeof setTimeout>>();
/** Moves when the last listener leaves, so a poll answering late does not start a second loop. */
let generation = 0;

function changed(): void {
  for (const listener of listeners) listener();
}

async function pollState(): Promise<void> {
  const result = await getCutline().desk.state({});
  if (result.ok && JSON.stringify(result.value) !== JSON.stringify(state)) {
    state = result.value;
    changed();
  }
}

async function pollPresence(): Promise<void> {
  // Offline, presence would only add connection attempts to the sync loop's backoff.
  if (!state?.linked || !state.online) {
    if (presence.size > 0) {
      presence = new Map();
      changed();
    }
    return;
  }
  const result = await getCutline().desk.presence({});
  if (!result.ok) return;
  const next = new Map<number, DeskPresenceView[]>();
  for (const view of result.value) {
    if (view.photoId !== null) next.set(view.photoId, [...(next.get(view.photoId) ?? []), view]);
  }
  if (JSON.stringify([...next]) !== JSON.stringify([...presence])) {
    presence = next;
    changed();
  }
}

/** Runs `poll` now and again `ms` after each answer, while anything listens. */
function every(ms: number, poll: () => Promise<void>): void {
  const started = generation;
  const run = async () => {
    await poll().catch(() => undefined);
    if (started !== generation) return;
    const timer = setTimeout(() => {
      timers.delete(timer);
      void run();
    }, ms);
    timers.add(timer);
  };
  void run();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (listeners.size === 1) {
    every(STATE_MS, pollState);
    every(PRESENCE_MS, pollPresence);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      generation++;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    }
  };
}

/** Asks for the state again at once (after a join, a leave or a settled conflict). */
export function refreshDeskState(): void {
  void pollState().then(pollPresence);
}

/** The desk's state for the indicator (null until first known). */
export function useDeskState(): DeskState | null {
  return useSyncExternalStore(subscribe, () => state);
}

const NOBODY: DeskPresenceView[] = [];

/** The colleagues who have `photoId` open; a cell re-renders only when its own list changes. */
export function useDeskPresence(photoId: number): DeskPresenceView[] {
  const read = useCallback(() => presence.get(photoId) ?? NOBODY, [photoId]);
  return useSyncExternalStore(subscribe, read);
}

/** How long a change of the open photo or field settles before the desk is told. */
const HERE_SETTLE_MS = 150;

let told: { photoId: number | null; field: CaptionField | null } = { photoId: null, field: null };
let hereTimer: ReturnType<typeof setTimeout> | undefined;

/**
 * Tells the desk which photo and field this editor has open (nothing for a catalog not on
 * a desk). Changes within a moment (leaving one photo for the next, one field for another)
 * are told once, as where the editor ended up.
 */
export function tellDeskHere(photoId: number | null, field: CaptionField | null): void {
  if (!state?.linked) return;
  clearTimeout(hereTimer);
  hereTimer = setTimeout(() => {
    if (told.photoId === photoId && told.field === field) return;
    told = { photoId, field };
    void getCutline().desk.here({ photoId, field });
  }, HERE_SETTLE_MS);
}

/** "Anna is editing the caption; Ben has it open". */
export function presenceSentence(
  others: DeskPresenceView[],
  labels: Record<CaptionField, string>,
): string {
  return others
    .map((p) =>
      p.field
        ? `${p.name} is editing the ${labels[p.field].toLowerCase()}`
        : `${p.name} has it open`,
    )
    .join('; ');
}
