/**
 * A photo's rights in plain words (issue 19: "may we publish this"): who owns the copyright,
 * who licenses it (with a link), the usage terms, the releases and the data-mining terms, one
 * line each, vocabulary codes by their labels. Pure: the Rights & Details section shows it.
 */
import { parseStructItem } from './iptc-structures';
import { vocabularyLabel } from './iptc-vocab';
import type { CaptionFields } from './model';

/** One statement: its words, and a web address to link where the file gives one. */
export interface RightsLine {
  text: string;
  /** An http(s) address (a Licensor's URL, the web statement of rights), else absent. */
  url?: string;
}

/** An address a link may open: http or https only (nothing local, no scripts). */
function webAddress(text: string | undefined): string | undefined {
  const url = text?.trim() ?? '';
  return /^https?:\/\/\S+$/i.test(url) ? url : undefined;
}

/** "None" (MR-NON), with the release IDs after it: "None (MR-1, MR-2)". */
function release(
  status: string,
  ids: readonly string[],
  field: 'modelReleaseStatus' | 'propertyReleaseStatus',
): string {
  const label = status ? vocabularyLabel(field, status) : 'no status';
  return ids.length > 0 ? `${label} (${ids.join(', ')})` : label;
}

/** The lines, in the order a desk asks: owner, licensors, terms, releases, data mining. */
export function rightsLines(fields: CaptionFields): RightsLine[] {
  const lines: RightsLine[] = [];
  if (fields.copyrightOwners.length > 0) {
    lines.push({ text: `Copyright owner: ${fields.copyrightOwners.join(', ')}` });
  } else if (fields.copyrightNotice) {
    lines.push({ text: `Copyright: ${fields.copyrightNotice}` });
  }
  for (const json of fields.licensors) {
    const licensor = parseStructItem(json, 'licensors');
    const url = webAddress(licensor.LicensorURL);
    const name = licensor.LicensorName || url || licensor.LicensorEmail || '(no name)';
    const contact = [licensor.LicensorEmail, licensor.LicensorTelephone1].filter(Boolean);
    lines.push({
      text: `Licensed by ${name}${contact.length > 0 ? ` (${contact.join(', ')})` : ''}`,
      ...(url ? { url } : {}),
    });
  }
  if (fields.usageTerms) lines.push({ text: `Usage terms: ${fields.usageTerms}` });
  const web = webAddress(fields.webStatement);
  if (fields.webStatement) {
    lines.push({ text: 'Web statement of rights', ...(web ? { url: web } : {}) });
  }
  if (fields.modelReleaseStatus || fields.modelReleaseIds.length > 0) {
    lines.push({
      text: `Model release: ${release(fields.modelReleaseStatus, fields.modelReleaseIds, 'modelReleaseStatus')}`,
    });
  }
  if (fields.minorModelAgeDisclosure) {
    lines.push({
      text: `Minor model age: ${vocabularyLabel('minorModelAgeDisclosure', fields.minorModelAgeDisclosure)}`,
    });
  }
  if (fields.propertyReleaseStatus || fields.propertyReleaseIds.length > 0) {
    lines.push({
      text: `Property release: ${release(fields.propertyReleaseStatus, fields.propertyReleaseIds, 'propertyReleaseStatus')}`,
    });
  }
  if (fields.dataMining) {
    lines.push({ text: `Data mining: ${vocabularyLabel('dataMining', fields.dataMining)}` });
  }
  if (fields.otherConstraints)
    lines.push({ text: `Other constraints: ${fields.otherConstraints}` });
  return lines;
}
