/**
 * The row of built-in filters (problems, then culling); each just adds or removes its query
 * text. The chips that do not fit the room the toolbar leaves them go into a "4 more filters"
 * menu, so that none is ever cut off (issue 16: the second row clipped them at 1440 px).
 */
import { useLayoutEffect, useRef, useState } from 'react';
import { OverflowMenu } from '../../components/overflow-menu';
import { CULLING_CHIPS, FILTER_CHIPS, hasToken, toggleToken } from './query-text';

interface FilterChipsProps {
  query: string;
  onChange: (query: string) => void;
}

interface Chip {
  token: string;
  title: string;
}

const GROUPS: readonly { label: string; chips: readonly Chip[] }[] = [
  { label: 'Problem filters', chips: FILTER_CHIPS },
  { label: 'Culling filters', chips: CULLING_CHIPS },
];
const ALL_CHIPS: readonly Chip[] = GROUPS.flatMap((group) => group.chips);

/** Room kept for the "N more filters" button when some chips go into it. */
const MENU_ROOM = 130;

/** How many chips (in order) fit in `room` pixels, given their widths and the gap. */
function chipsThatFit(widths: readonly number[], gap: number, room: number): number {
  const all = widths.reduce((sum, width) => sum + width + gap, 0);
  if (all <= room) return widths.length;
  let used = MENU_ROOM;
  let count = 0;
  for (const width of widths) {
    if (used + width + gap > room) break;
    used += width + gap;
    count++;
  }
  return count;
}

/** Toggle buttons for `is:no-credit`, `is:no-caption`, … and the culling filters. */
export function FilterChips({ query, onChange }: FilterChipsProps) {
  const box = useRef<HTMLDivElement>(null);
  // Each chip's width, measured once while every chip is shown (the first layout).
  const widths = useRef<number[] | null>(null);
  const [shown, setShown] = useState(ALL_CHIPS.length);

  useLayoutEffect(() => {
    const element = box.current;
    if (!element) return;
    const layOut = () => {
      if (!widths.current) {
        const chips = [...element.querySelectorAll<HTMLElement>('.chip--filter')];
        const measured = chips.map((chip) => chip.getBoundingClientRect().width);
        // Not laid out yet (a hidden toolbar): measure at the next resize.
        if (measured.length < ALL_CHIPS.length || measured.some((width) => width === 0)) return;
        widths.current = measured;
      }
      const gap = Number.parseFloat(getComputedStyle(element).columnGap) || 6;
      setShown(chipsThatFit(widths.current, gap, element.clientWidth));
    };
    layOut();
    const observer = new ResizeObserver(layOut);
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const hidden = ALL_CHIPS.slice(shown);
  const activeHidden = hidden.filter((chip) => hasToken(query, chip.token)).length;
  let position = 0;
  return (
    <div ref={box} className="filter-chips-row">
      {GROUPS.map((group) => {
        const from = position;
        position += group.chips.length;
        const visible = group.chips.slice(0, Math.max(0, shown - from));
        if (visible.length === 0) return null;
        return (
          <fieldset key={group.label} className="filter-chips" aria-label={group.label}>
            {visible.map((chip) => {
              const active = hasToken(query, chip.token);
              return (
                <button
                  key={chip.token}
                  type="button"
                  className={`chip chip--filter${active ? ' is-active' : ''}`}
                  aria-pressed={active}
                  title={chip.title}
                  onClick={() => onChange(toggleToken(query, chip.token))}
                >
                  {chip.token}
                </button>
              );
            })}
          </fieldset>
        );
      })}
      {hidden.length > 0 && (
        <OverflowMenu
          label={`${hidden.length} more filter${hidden.length === 1 ? '' : 's'}${activeHidden > 0 ? ` (${activeHidden} on)` : ''}`}
          items={hidden.map((chip) => {
            const active = hasToken(query, chip.token);
            return {
              label: `${active ? '✓ ' : ''}${chip.token} — ${chip.title}`,
              name: `${chip.token}${active ? ' (on)' : ''}`,
              active,
              onSelect: () => onChange(toggleToken(query, chip.token)),
            };
          })}
        />
      )}
    </div>
  );
}
