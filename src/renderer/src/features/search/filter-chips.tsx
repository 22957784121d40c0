/** The row of built-in problem filters; each just adds or removes its query text. */
import { FILTER_CHIPS, hasToken, toggleToken } from './query-text';

interface FilterChipsProps {
  query: string;
  onChange: (query: string) => void;
}

/** Toggle buttons for `is:no-credit`, `is:no-caption`, … */
export function FilterChips({ query, onChange }: FilterChipsProps) {
  return (
    <fieldset className="filter-chips" aria-label="Problem filters">
      {FILTER_CHIPS.map((chip) => {
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
}
