/**
 * How many thumbnails the contact sheet shows across, kept in the settings so the next
 * window (or the browser on the bridge) opens the same way.
 */
import { useCallback } from 'react';
import { DEFAULT_SETTINGS, GRID_COLUMNS } from '../../../../shared/settings';
import { useSettings } from '../settings/use-settings';

/** The columns and a setter that clamps to 2–10 and saves. */
export function useGridColumns(): {
  columns: number;
  setColumns: (columns: number) => void;
} {
  const { settings, update } = useSettings();
  const columns = settings?.gridColumns ?? DEFAULT_SETTINGS.gridColumns;
  const setColumns = useCallback(
    (next: number) => {
      const value = Math.min(GRID_COLUMNS.max, Math.max(GRID_COLUMNS.min, Math.round(next)));
      if (value !== columns) void update({ gridColumns: value });
    },
    [columns, update],
  );
  return { columns, setColumns };
}
