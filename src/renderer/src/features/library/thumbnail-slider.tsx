/**
 * The thumbnail size of the contact sheet as a slider: to the right, larger thumbnails and
 * fewer columns (from ten across down to two). Ctrl+plus/minus move it too (use-grid-columns.ts).
 */
import { GRID_COLUMNS } from '../../../../shared/settings';
import { useGridColumns } from './use-grid-columns';

/** The slider, saved to the settings as it moves. */
export function ThumbnailSlider({ id }: { id?: string }) {
  const { columns, setColumns } = useGridColumns();
  const span = GRID_COLUMNS.min + GRID_COLUMNS.max;
  return (
    <input
      id={id}
      type="range"
      className="thumbnail-slider"
      aria-label={id ? undefined : 'Thumbnail size'}
      title="Thumbnail size (Ctrl+plus / Ctrl+minus)"
      min={GRID_COLUMNS.min}
      max={GRID_COLUMNS.max}
      step={1}
      value={span - columns}
      aria-valuetext={`${columns} columns`}
      onChange={(event) => setColumns(span - Number(event.target.value))}
    />
  );
}
