/** Whether the folder browser is open, and the hint it opened with (after a drop). */
import { useCallback, useState } from 'react';

export interface FolderBrowserState {
  open: boolean;
  hint: string | null;
  show(hint?: string | null): void;
  close(): void;
}

export function useFolderBrowser(): FolderBrowserState {
  const [state, setState] = useState<{ open: boolean; hint: string | null }>({
    open: false,
    hint: null,
  });
  const show = useCallback((hint: string | null = null) => setState({ open: true, hint }), []);
  const close = useCallback(() => setState({ open: false, hint: null }), []);
  return { ...state, show, close };
}
