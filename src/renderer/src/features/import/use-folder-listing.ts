/**
 * What the folder browser shows: one `folders:list` answer at a time. A refused or unreadable
 * folder keeps the last listing on screen with the bridge's one-line message beside it.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { FolderListing } from '../../../../shared/folder-listing';
import { getCutline } from '../../client/cutline-client';

export interface FolderListingState {
  listing: FolderListing | null;
  /** Why the last folder asked for is not shown (one line from the bridge). */
  error: string | null;
  loading: boolean;
  /** Shows a folder, or the places when `path` is null. */
  open(path: string | null): Promise<boolean>;
}

/** Starts at the places (home and the recent import folders). */
export function useFolderListing(): FolderListingState {
  const [listing, setListing] = useState<FolderListing | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  // Only the latest request's answer is shown: keys pressed fast ask for several.
  const latest = useRef(0);

  const open = useCallback(async (path: string | null) => {
    const request = ++latest.current;
    setLoading(true);
    const result = await getCutline().folders.list(path === null ? {} : { path });
    if (request !== latest.current) return false;
    setLoading(false);
    if (!result.ok) {
      setError(result.error.message);
      return false;
    }
    setError(null);
    setListing(result.value);
    return true;
  }, []);

  useEffect(() => {
    void open(null);
  }, [open]);

  return { listing, error, loading, open };
}
