/** How many photos the search found, and the query note when it was not understood. */

interface ResultCountProps {
  total: number | null;
  catalogCount: number | null;
  filtered: boolean;
  queryNote: string | null;
}

const number = new Intl.NumberFormat();

/** "1,234 of 50,000 photos", plus the service's note about the query if any. */
export function ResultCount({ total, catalogCount, filtered, queryNote }: ResultCountProps) {
  let text = '…';
  if (total !== null) {
    text =
      filtered && catalogCount !== null
        ? `${number.format(total)} of ${number.format(catalogCount)} photos`
        : `${number.format(total)} ${total === 1 ? 'photo' : 'photos'}`;
  }
  return (
    <div className="result-count">
      {queryNote && (
        <span className="query-note" role="note">
          {queryNote}
        </span>
      )}
      <output className="result-count__total" aria-live="polite" aria-label="Photo count">
        {text}
      </output>
    </div>
  );
}
