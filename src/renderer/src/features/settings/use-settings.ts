/**
 * The user's settings as the renderer sees them: loaded once per window and shared by every
 * component that shows something in the house style, so that changing the style in one place
 * updates every preview at once.
 */
import { useCallback, useEffect, useSyncExternalStore } from 'react';
import type { Settings, SettingsPatch } from '../../../../shared/settings';
import { getCutline } from '../../client/cutline-client';
import { useCall } from '../../errors/error-context';

// Module state rather than React state: several panels read the settings, and one load and
// one copy keep them in agreement without a provider wrapping the whole window.
let current: Settings | null = null;
let loading: Promise<unknown> | null = null;
const listeners = new Set<() => void>();
/** Whether the window listens for the desk's shared settings (once per window). */
let followingDesk = false;

function publish(next: Settings): void {
  current = next;
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The settings (null until loaded) and `update(patch)`, which answers false when refused. */
export function useSettings(): {
  settings: Settings | null;
  update: (patch: SettingsPatch) => Promise<boolean>;
} {
  const call = useCall();
  const settings = useSyncExternalStore(subscribe, () => current);

  useEffect(() => {
    if (followingDesk) return;
    followingDesk = true;
    // Settings the desk shares (the house style, agencies, rights …) taken in: shown at once.
    getCutline().on('desk:rules', ({ kinds }) => {
      if (kinds.some((kind) => kind !== 'templates' && kind !== 'codes')) {
        void getCutline()
          .settings.get({})
          .then((result) => {
            if (result.ok) publish(result.value);
          });
      }
    });
  }, []);

  useEffect(() => {
    if (current !== null || loading !== null) return;
    loading = call(getCutline().settings.get({})).then((value) => {
      if (value) publish(value);
      // A failed load may be retried by the next component that mounts.
      loading = null;
    });
  }, [call]);

  const update = useCallback(
    async (patch: SettingsPatch) => {
      // Shown at once (the preview follows the select without a round trip), put back if the
      // services refuse it; the banner says why.
      const before = current;
      if (before) publish({ ...before, ...patch });
      const value = await call(getCutline().settings.set(patch));
      if (value === undefined) {
        if (before) publish(before);
        return false;
      }
      publish(value);
      return true;
    },
    [call],
  );

  return { settings, update };
}
