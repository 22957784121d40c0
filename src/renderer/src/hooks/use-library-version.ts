/** A counter that moves whenever the library's contents change, to trigger reloads. */
import { useCallback, useEffect, useState } from 'react';
import { getCutline } from '../client/cutline-client';

/** Returns the current library version and a function that bumps it by hand. */
export function useLibraryVersion(): [version: number, bump: () => void] {
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((current) => current + 1), []);

  useEffect(() => getCutline().on('library:changed', bump), [bump]);

  return [version, bump];
}

/**
 * A counter that moves whenever field values change (edits, undo, templates): the same
 * photos with other values, so views refresh in place rather than start over.
 */
export function useContentVersion(): number {
  const [version, setVersion] = useState(0);
  useEffect(
    () => getCutline().on('photos:changed', () => setVersion((current) => current + 1)),
    [],
  );
  return version;
}
