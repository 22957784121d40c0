/** The row of built-in problem filters; each just adds or removes its query text. */
import { CULLING_CHIPS, FILTER_CHIPS, hasToken, toggleToken } from './query-text';

interface FilterChipsProps {
  query: string;
  onChange: (query: string) => void;
}

/** Toggle buttons for `is:no-credit`, `is:no-caption`, … and the culling filters. */
export function FilterChips({ query, onChange }: FilterChipsProps) {
  return (
    <>
      <ChipGroup label="Problem filters" chips={FILTER_CHIPS} query={query} onChange={onChange} />
      <ChipGroup label="Culling filters" chips={CULLING_CHIPS} query={query} onChange={onChange} />
    </>
  );
}

interface ChipGroupProps extends FilterChipsProps {
  label: string;
  chips: readonly { token: string; title: string }[];
}

function ChipGroup({ label, chips, query, onChange }: ChipGroupProps) {
  return (
    <fieldset className="filter-chips" aria-label={label}>
      {chips.map((chip) => {
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
