/**
 * The virtualised thumbnail grid. Only the visible rows exist in the DOM; pages are asked for
 * once scrolling rests on a range, and the cells' thumbnails are plain images on the media
 * path (use-thumbnails.ts), so 50,000 photos stay smooth.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import {
  type KeyboardEvent,
  memo,
  type RefObject,
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
} from 'react';
import { afterRest } from './after-rest';
import { nextIndex } from './grid-keys';
import {
  extendTo,
  type GridSelection,
  isSelected,
  selectAll,
  selectOne,
  toggle,
} from './grid-selection';
import { cellId, PhotoCell, type SelectHow } from './photo-cell';
import { useDwelledRows } from './use-dwelled-rows';
import type { PhotoPages } from './use-photo-pages';
import type { Thumbnails } from './use-thumbnails';
import { useVisibleThumbnailsFirst } from './use-visible-thumbnails-first';

/** Space between cells, and under each row (px; .library-grid__row in styles.css). */
const CELL_GAP = 10;
/** The file name and credit lines under each picture, and the cell's padding (px). */
const CELL_TEXT_HEIGHT = 48;
/** Narrower than this, a cell drops a column (a narrow window, a wide details panel). */
const MIN_CELL_WIDTH = 72;
const GRID_PADDING = 12;
/** How long the visible range must rest before pages and thumbnails are asked for. */
const FETCH_DELAY_MS = 40;
/** How long a row must stay in view before its cells load their thumbnails. */
const IMAGE_DWELL_MS = 80;

interface LibraryGridProps {
  pages: PhotoPages;
  thumbnails: Thumbnails;
  selection: GridSelection;
  onSelectionChange: (selection: GridSelection) => void;
  emptyMessage: string;
  /** Changing this (e.g. the query) scrolls the grid back to the top. */
  resetKey: string;
  /** Thumbnails across (the slider, Ctrl+plus/minus). */
  columns: number;
  /** A double-click on cell `index` (it is selected first): open it large. */
  onOpen: (index: number) => void;
}

function useWidth(ref: RefObject<HTMLElement | null>): number {
  const [width, setWidth] = useState(0);
  useLayoutEffect(() => {
    const element = ref.current;
    if (element === null) return;
    setWidth(element.clientWidth);
    const observer = new ResizeObserver(() => setWidth(element.clientWidth));
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref]);
  return width;
}

/**
 * The library grid: click selects, Shift/Ctrl+click extend or toggle, arrow keys move
 * (Shift+arrow extends), Ctrl+A selects every photo of the search. Memoised: the window
 * re-renders for much that leaves the grid as it was (the selected photo's details arriving,
 * the toolbar's counts), and each render of the grid compares every cell on screen.
 */
export const LibraryGrid = memo(function LibraryGrid({
  pages,
  thumbnails,
  selection,
  onSelectionChange,
  emptyMessage,
  resetKey,
  columns: wantedColumns,
  onOpen,
}: LibraryGridProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const width = useWidth(scrollRef);
  const inner = Math.max(0, width - GRID_PADDING * 2);
  const columns = Math.max(
    1,
    Math.min(wantedColumns, Math.floor((inner + CELL_GAP) / (MIN_CELL_WIDTH + CELL_GAP))),
  );
  // Every row is as high as a cell is wide at 4:3, plus its text: one number for all rows,
  // so scrolling never measures a cell.
  const cellWidth = (inner - CELL_GAP * (columns - 1)) / columns;
  const rowHeight = Math.max(60, Math.round(cellWidth * 0.75) + CELL_TEXT_HEIGHT + CELL_GAP);
  const count = pages.total ?? 0;
  const rowCount = Math.ceil(count / columns);

  const virtualizer = useVirtualizer({
    count: rowCount,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    // One row each side: a fast scroll replaces every rendered row each frame, so each extra
    // row is layout work that no one sees.
    overscan: 1,
    paddingStart: GRID_PADDING,
    paddingEnd: GRID_PADDING,
  });
  // A new thumbnail size or window width changes every row's height: measure again.
  useEffect(() => {
    void rowHeight;
    virtualizer.measure();
  }, [virtualizer, rowHeight]);
  const rows = virtualizer.getVirtualItems();
  const firstRow = rows[0]?.index ?? 0;
  const lastRow = rows[rows.length - 1]?.index ?? -1;

  const { requestRange, photoAt, version: pagesVersion } = pages;
  const firstCell = firstRow * columns;
  const lastCell = lastRow < 0 ? -1 : Math.min(count - 1, (lastRow + 1) * columns - 1);
  // Ask for the visible pages once the range rests.
  useEffect(() => {
    void pagesVersion;
    if (lastCell < 0) return;
    return afterRest(FETCH_DELAY_MS, () => requestRange(firstCell, lastCell));
  }, [firstCell, lastCell, pagesVersion, requestRange]);
  useVisibleThumbnailsFirst(firstCell, lastCell, photoAt, pagesVersion);
  const imageRows = useDwelledRows(firstRow, lastRow, IMAGE_DWELL_MS);

  // The selection moved by a shortcut (next photo): bring it into view. A row already in
  // view (a click) is left alone, judged from the virtualiser's own figures: scrollToIndex
  // scrolled to where it was and then checked again over the next frames, reading the
  // layout each time (≈4 ms a click).
  const selectedIndex = selection.active;
  useEffect(() => {
    if (selectedIndex < 0) return;
    const row = Math.floor(selectedIndex / columns);
    const top = GRID_PADDING + row * rowHeight;
    const offset = virtualizer.scrollOffset ?? 0;
    const height = virtualizer.scrollRect?.height ?? 0;
    if (top >= offset && top + rowHeight <= offset + height) return;
    virtualizer.scrollToIndex(row, { align: 'auto' });
  }, [selectedIndex, columns, rowHeight, virtualizer]);

  useEffect(() => {
    void resetKey;
    scrollRef.current?.scrollTo({ top: 0 });
  }, [resetKey]);

  // Cells call back with the latest selection without re-rendering every cell on each change.
  const selectionRef = useRef(selection);
  selectionRef.current = selection;
  const select = useCallback(
    (index: number, how: SelectHow) => {
      const current = selectionRef.current;
      onSelectionChange(
        how === 'extend'
          ? extendTo(current, index)
          : how === 'toggle'
            ? toggle(current, index)
            : selectOne(index),
      );
      scrollRef.current?.focus({ preventScroll: true });
    },
    [onSelectionChange],
  );

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'a') {
      event.preventDefault();
      onSelectionChange(selectAll(count, selection.active));
      return;
    }
    const visibleRows = Math.max(1, Math.floor((scrollRef.current?.clientHeight ?? 0) / rowHeight));
    const to = nextIndex(event.key, selectedIndex, columns, count, visibleRows);
    if (to === null) return;
    event.preventDefault();
    onSelectionChange(event.shiftKey ? extendTo(selection, to) : selectOne(to));
    virtualizer.scrollToIndex(Math.floor(to / columns), { align: 'auto' });
  }

  const activeRendered =
    selectedIndex >= 0 &&
    Math.floor(selectedIndex / columns) >= firstRow &&
    Math.floor(selectedIndex / columns) <= lastRow;

  return (
    // A virtualised CSS grid: only visible rows exist, so <table> semantics would not fit.
    // biome-ignore lint/a11y/useSemanticElements: ARIA grid over a virtualised layout.
    <div
      ref={scrollRef}
      // While it scrolls, the cells take no pointer events (styles.css: .is-scrolling).
      className={`library-grid${virtualizer.isScrolling ? ' is-scrolling' : ''}`}
      role="grid"
      aria-label="Photos"
      aria-rowcount={rowCount}
      aria-colcount={columns}
      aria-activedescendant={activeRendered ? cellId(selectedIndex) : undefined}
      aria-multiselectable="true"
      tabIndex={0}
      onKeyDown={onKeyDown}
      onDoubleClick={(event) => {
        const cell = (event.target as Element).closest('[role="gridcell"]');
        const index = cell ? Number(cell.getAttribute('data-index')) : Number.NaN;
        if (Number.isInteger(index)) onOpen(index);
      }}
    >
      {pages.total === 0 ? (
        <div className="library-grid__empty">{emptyMessage}</div>
      ) : (
        <div className="library-grid__canvas" style={{ height: virtualizer.getTotalSize() }}>
          {rows.map((row) => {
            const start = row.index * columns;
            const showImages = row.index >= imageRows.first && row.index <= imageRows.last;
            const cells = [];
            for (let column = 0; column < columns && start + column < count; column++) {
              const index = start + column;
              const photo = photoAt(index);
              cells.push(
                <PhotoCell
                  key={column}
                  index={index}
                  photo={photo}
                  thumbnail={photo?.hasThumbnail ? thumbnails.url(photo.id) : undefined}
                  imageLater={!showImages}
                  selected={isSelected(selection, index)}
                  onSelect={select}
                />,
              );
            }
            return (
              // Keyed by its place among the rendered rows, not by its index: a row scrolled
              // out is reused for the one scrolled in, and its cells get new props rather than
              // new elements (fewer DOM nodes made and dropped a frame on a fast scroll).
              // Rows only group cells; focus stays on the grid (aria-activedescendant).
              // biome-ignore lint/a11y/useSemanticElements: ARIA row inside a virtualised grid.
              // biome-ignore lint/a11y/useFocusableInteractive: the grid holds focus, not rows.
              <div
                key={row.index % rows.length}
                role="row"
                aria-rowindex={row.index + 1}
                className="library-grid__row"
                style={{
                  transform: `translateY(${row.start}px)`,
                  height: rowHeight,
                  gridTemplateColumns: `repeat(${columns}, minmax(0, 1fr))`,
                }}
              >
                {cells}
              </div>
            );
          })}
        </div>
      )}
    </div>
  );
});
