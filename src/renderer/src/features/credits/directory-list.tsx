/**
 * One list of the credit directory (creators or agencies): each name with its photo count and
 * its spellings, and for a name spelled several ways a button per other spelling that makes
 * the directory's spelling win.
 */

import { counted } from '../../../../shared/counted';
import type { DirectoryEntry } from '../../../../shared/credit';

interface DirectoryListProps {
  title: string;
  kind: 'creator' | 'agency';
  entries: DirectoryEntry[];
  busy: boolean;
  onNormalize: (kind: 'creator' | 'agency', from: string, to: string) => void;
}

export function DirectoryList({ title, kind, entries, busy, onNormalize }: DirectoryListProps) {
  const headingId = `credit-directory-${kind}`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId} className="credit-directory__heading">
        {title} ({entries.length.toLocaleString()})
      </h3>
      {entries.length === 0 ? (
        <p className="panel__hint">None in the catalog.</p>
      ) : (
        <ul className="directory-list" aria-labelledby={headingId}>
          {entries.map((entry) => (
            <li key={entry.name} className="directory-entry" aria-label={entry.name}>
              <div className="directory-entry__head">
                <span className="directory-entry__name" title={entry.name}>
                  {entry.name}
                </span>
                <span className="directory-entry__count">{counted(entry.count, 'photo')}</span>
              </div>
              {/* An agency named only together with others (Source "Pool Sputnik Kremlin")
                  has no field value of its own to respell. */}
              {entry.variants.length > 0 && (
                <ul className="directory-variants" aria-label={`Spellings of ${entry.name}`}>
                  {entry.variants.map((variant) => {
                    // Only a name spelled several ways has anything to normalise.
                    const odd = entry.variants.length > 1 && variant.value !== entry.name;
                    return (
                      <li
                        key={variant.value}
                        className={`directory-variant${odd ? ' directory-variant--odd' : ''}`}
                      >
                        <span className="directory-variant__value" title={variant.value}>
                          {variant.value}
                        </span>
                        <span className="directory-entry__count">
                          {variant.count.toLocaleString()}
                        </span>
                        {odd && (
                          <button
                            type="button"
                            className="button button--small"
                            disabled={busy}
                            aria-label={`Replace "${variant.value}" with "${entry.name}"`}
                            onClick={() => onNormalize(kind, variant.value, entry.name)}
                          >
                            Use “{entry.name}”
                          </button>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
