/** How many photos are selected, and what can be done to all of them at once. */
interface SelectionBarProps {
  size: number;
  onBatchEdit: () => void;
  onTemplates: () => void;
  /** Makes the copies of every disagreeing field agree in the selected photos. */
  onMakeCopiesAgree: () => void;
}

export function SelectionBar({
  size,
  onBatchEdit,
  onTemplates,
  onMakeCopiesAgree,
}: SelectionBarProps) {
  return (
    <div className="selection-bar">
      <output aria-label="Selected photos">
        {size === 0 ? 'No photo selected' : `${size.toLocaleString()} selected`}
      </output>
      <button
        type="button"
        className="button button--small"
        disabled={size === 0}
        onClick={onBatchEdit}
        title="Ctrl+Shift+E"
      >
        Batch edit…
      </button>
      <button
        type="button"
        className="button button--small"
        disabled={size === 0}
        onClick={onMakeCopiesAgree}
        title="Ctrl+Shift+G: at the next write, every copy (EXIF, IIM, XMP) of each field whose copies disagree gets the value Cutline shows"
      >
        Make copies agree
      </button>
      <button type="button" className="button button--small" onClick={onTemplates}>
        Templates…
      </button>
    </div>
  );
}
