/** A small popover listing the search syntax. */
import { useEffect, useId, useRef, useState } from 'react';

const SYNTAX: { example: string; meaning: string }[] = [
  { example: 'pyongyang parade', meaning: 'Words, in any field (prefix match)' },
  { example: '"kim jong"', meaning: 'An exact phrase' },
  { example: 'creator:grigorov', meaning: 'A word in one field' },
  { example: 'city:"Pyongyang"', meaning: 'A phrase in one field' },
  { example: 'credit:empty', meaning: 'The field is empty' },
  { example: 'is:no-credit', meaning: 'A built-in problem filter' },
  { example: 'import:last', meaning: 'The photos of the latest import (or import:12)' },
  { example: 'rating:>=3', meaning: 'Rated 3 stars or more (=, <=, >, < too; rating:0 none)' },
  { example: 'label:red', meaning: 'A colour label (label:none: no label)' },
  { example: 'is:tagged', meaning: 'Tagged (is:untagged: not)' },
  { example: 'release:none', meaning: 'Model release None, or no status given' },
  { example: 'source-type:generative', meaning: 'Digital source type, by its label' },
  {
    example: 'locationshown:louvre',
    meaning: 'Any value of a Location shown (personinimage:, artwork:, product:, registry: too)',
  },
];

const FIELDS =
  'caption, headline, title, creator, credit, source, copyright, city, country, keyword, person, event, file, format, copyrightowner, licensor, release, propertyrelease, datamining, genre, scene, subjectcode, supplier, imagecreator, contributor, eventid, webstatement, constraints, aisystem, prompt, org, orgcode, copyrightownerid, modelreleaseid, propertyreleaseid, minorage, supplierid, supplierimageid, imagecreatorid, creatoraddress, creatorcity, creatorregion, creatorpostalcode, creatorcountry, creatoremail, creatorphone, creatorurl, aisystemversion, locationshown, locationcreated, personinimage, artwork, product, registry';

/** The "?" button next to the search box and the popover it opens. */
export function SearchHelp() {
  const [open, setOpen] = useState(false);
  const popoverId = useId();
  const rootRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!open) return;
    function onPointer(event: PointerEvent): void {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    function onKey(event: KeyboardEvent): void {
      if (event.key === 'Escape') setOpen(false);
    }
    window.addEventListener('pointerdown', onPointer);
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('pointerdown', onPointer);
      window.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="popover-anchor" ref={rootRef}>
      <button
        type="button"
        className="icon-button icon-button--outlined"
        aria-label="Query syntax help"
        aria-expanded={open}
        aria-controls={popoverId}
        onClick={() => setOpen((value) => !value)}
      >
        ?
      </button>
      {open && (
        <div
          id={popoverId}
          className="popover popover--help"
          role="dialog"
          aria-label="Query syntax"
        >
          <h2 className="popover__title">Query syntax</h2>
          <dl className="syntax-list">
            {SYNTAX.map((row) => (
              <div key={row.example} className="syntax-list__row">
                <dt>
                  <code>{row.example}</code>
                </dt>
                <dd>{row.meaning}</dd>
              </div>
            ))}
          </dl>
          <p className="popover__note">Fields: {FIELDS}.</p>
        </div>
      )}
    </div>
  );
}
