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
