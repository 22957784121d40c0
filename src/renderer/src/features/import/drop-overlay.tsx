/** The hint shown while folders are dragged over the window. */

/** A full-window overlay inviting the drop. */
export function DropOverlay() {
  return (
    <div className="drop-overlay" aria-hidden="true">
      <div className="drop-overlay__box">Drop folders or photos to import</div>
    </div>
  );
}
