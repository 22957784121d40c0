/** The search field: instant results as you type, Escape clears. */
import type { RefObject } from 'react';
import { SearchHelp } from './search-help';

interface SearchBoxProps {
  value: string;
  onChange: (value: string) => void;
  inputRef: RefObject<HTMLInputElement | null>;
}

/** The search input with its syntax help. "/" anywhere focuses it (see app.tsx). */
export function SearchBox({ value, onChange, inputRef }: SearchBoxProps) {
  return (
    <div className="search-box">
      <span className="search-box__icon" aria-hidden="true">
        ⌕
      </span>
      <input
        ref={inputRef}
        type="search"
        className="search-box__input"
        aria-label="Search"
        placeholder="Search captions, credits, files…   ( / )"
        spellCheck={false}
        autoComplete="off"
        value={value}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onChange('');
          }
        }}
      />
      <SearchHelp />
    </div>
  );
}
