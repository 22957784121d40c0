/**
 * Composing a credit from the fields agencies fill, and the reverse. The printed credit
 * rarely fits the 32-byte IIM Credit, so agencies send Creator "Kristina Kormilitsyna",
 * Credit "AP", Source "Pool Sputnik Kremlin" and append the full credit to the caption as a
 * signoff (docs/METADATA.md). The signoff wins when there is one; otherwise the credit is
 * built from Credit Line (the distributor), Source (the owner) and Creator (the people).
 */
import {
  type Credit,
  type CreditStyleId,
  hasCreditParts,
  isStaffShape,
  makeCredit,
} from './credit';
import { type AgencyRegistry, agencyKey, defaultAgencyRegistry } from './known-agencies';
import { parseCredit } from './parse-credit';
import { splitCaption } from './split-caption';
import { agencySpeller } from './styles/style-kit';

/** The photo fields a credit is composed from (a CaptionFields has them all). */
export interface CreditInputs {
  creators?: readonly string[];
  creditLine?: string;
  source?: string;
  /** The caption, whose trailing signoff is used when it has one. */
  caption?: string;
}

/** Which input a composed credit took something from. */
export type CreditInput = 'signoff' | 'creditLine' | 'creators' | 'source';

/** A composed credit and the inputs it used, in the order they were used. */
export interface ComposedCredit {
  credit: Credit;
  usedFrom: CreditInput[];
  /** Why the credit read from a signoff or Credit Line is unsure, for a person to check. */
  doubt?: string;
}

/** Creator, Credit Line and Source filled from a credit. */
export interface CreditFields {
  creators: string[];
  creditLine: string;
  source: string;
}

const sameText = (a: string, b: string) => agencyKey(a) === agencyKey(b);

/** Codes some agencies put in Source ("X00227" at Reuters): no one to credit. */
function isCode(text: string): boolean {
  return /^[A-Z]*\d[\w-]*$/i.test(text.trim()) && /\d/.test(text);
}

/**
 * Reads Source, which agencies write as a bag of words ("Pool Sputnik Kremlin") or as a
 * credit ("Julie Doe / Mugwum Press").
 */
function readSource(source: string, registry: AgencyRegistry): Credit {
  const text = source.trim();
  if (!text || isCode(text)) return makeCredit();
  if (/[/\\,]|\svia\s/i.test(text)) return parseCredit(text, registry);
  const entry = registry.lookup(text);
  if (entry)
    return entry.kind === 'pool' ? makeCredit({ pool: text }) : makeCredit({ agencies: [text] });
  const words = text.split(/\s+/);
  const pooled = words.some((word) => /^pool$/i.test(word));
  const agencies: string[] = [];
  const rest: string[] = [];
  for (let i = 0; i < words.length; i++) {
    if (/^pool$/i.test(words[i]!)) continue;
    // Longest known spelling first: "Korea News Service" before "Korea".
    let found = 0;
    for (let j = words.length; j > i && !found; j--) {
      const entry = registry.lookup(words.slice(i, j).join(' '));
      if (entry && entry.kind !== 'pool') found = j;
    }
    if (found) {
      agencies.push(words.slice(i, found).join(' '));
      i = found - 1;
    } else rest.push(words[i]!);
  }
  // Words left over ("Planet Labs PBC") mean the Source is one name, not a bag of them.
  if (!pooled) return makeCredit({ agencies: agencies.length && !rest.length ? agencies : [text] });
  const pool = rest.length ? `${rest.join(' ')} Pool` : 'Pool';
  return makeCredit({ agencies, pool: registry.lookup(pool)?.name ?? pool });
}

/** Adds names not already present (compared without case and accents). */
function addNew(target: string[], names: readonly string[]): boolean {
  let added = false;
  for (const name of names) {
    if (name.trim() && !target.some((known) => sameText(known, name))) {
      target.push(name.trim());
      added = true;
    }
  }
  return added;
}

/**
 * The credit to print for a photo, from its signoff, Credit Line, Source and Creator, and
 * which of them were used.
 */
export function composeCredit(
  inputs: CreditInputs,
  registry: AgencyRegistry = defaultAgencyRegistry,
): ComposedCredit {
  const creators = (inputs.creators ?? []).filter((name) => name.trim());
  const usedFrom: CreditInput[] = [];
  const signoff = inputs.caption ? splitCaption(inputs.caption, registry).credit : '';
  if (signoff) {
    const {
      style: _style,
      confidence: _confidence,
      doubt,
      labels: _labels,
      ...credit
    } = parseCredit(signoff, registry);
    usedFrom.push('signoff');
    if (credit.creators.length === 0 && addNew(credit.creators, creators))
      usedFrom.push('creators');
    return { credit: finish(credit), usedFrom, ...(doubt ? { doubt } : {}) };
  }
  const line = (inputs.creditLine ?? '').trim();
  const parsedLine = line ? parseCredit(line, registry) : undefined;
  // A Credit Line that is a whole credit ("Óscar Cañas/EUROPA PRESS/dpa") is used as it is.
  if (
    parsedLine &&
    parsedLine.confidence >= 0.5 &&
    (parsedLine.creators.length > 0 || parsedLine.via.length > 0 || parsedLine.pool)
  ) {
    usedFrom.push('creditLine');
    const {
      style: _style,
      confidence: _confidence,
      doubt,
      labels: _labels,
      ...lineCredit
    } = parsedLine;
    if (addNew(lineCredit.creators, lineCredit.creators.length ? [] : creators))
      usedFrom.push('creators');
    return { credit: finish({ ...lineCredit, raw: line }), usedFrom, ...(doubt ? { doubt } : {}) };
  }
  const credit = makeCredit();
  if (addNew(credit.creators, creators)) usedFrom.push('creators');
  const source = readSource(inputs.source ?? '', registry);
  const lineNames =
    parsedLine && hasCreditParts(parsedLine) && !creators.some((name) => sameText(name, line))
      ? parsedLine.agencies
      : [];
  if (lineNames.length) usedFrom.push('creditLine');
  if (hasCreditParts(source)) {
    usedFrom.push('source');
    addNew(credit.creators, source.creators);
    addNew(credit.agencies, source.agencies);
    credit.pool = source.pool;
    credit.via.push(...source.via);
    const owner = (name: string) => credit.agencies.some((a) => registry.same(a, name));
    // A one-agency Credit Line other than the owner is the distributor: "via AP".
    if (
      lineNames.length === 1 &&
      !owner(lineNames[0]!) &&
      credit.agencies.length + (credit.pool ? 1 : 0) > 0
    ) {
      credit.via.unshift(lineNames[0]!);
    } else
      addNew(
        credit.agencies,
        lineNames.filter((name) => !owner(name)),
      );
  } else addNew(credit.agencies, lineNames);
  return { credit: finish(credit), usedFrom };
}

function finish(credit: Credit): Credit {
  return { ...credit, staff: credit.staff || isStaffShape(credit) };
}

/**
 * Creator, Credit Line and Source for a credit, spelled as `style` spells agencies: Credit
 * Line short (the distributor, else the agency: "AP"), Source the owner ("Sputnik/Kremlin
 * Pool"), Creator the people. The flags (file, handout, courtesy) have no field and are
 * dropped.
 */
export function fieldsFromCredit(
  credit: Credit,
  style: CreditStyleId = 'ap',
  registry: AgencyRegistry = defaultAgencyRegistry,
): CreditFields {
  const upper = style === 'afp' || style === 'epa';
  const spell = agencySpeller(
    { registry, inBlock: false },
    {
      agencies: style === 'newspaper' || style === 'comma' ? 'as-written' : 'canonical',
      overrides: style === 'reuters' ? { Reuters: 'REUTERS' } : {},
      upper,
    },
  );
  const owners = [...credit.agencies.map(spell), ...(credit.pool ? [spell(credit.pool)] : [])];
  const distributor = credit.via[credit.via.length - 1];
  const creditLine = distributor ? spell(distributor) : (owners[0] ?? '');
  return {
    creators: upper ? credit.creators.map((name) => name.toUpperCase()) : [...credit.creators],
    creditLine,
    source: owners.join('/') || (distributor ? '' : creditLine),
  };
}
