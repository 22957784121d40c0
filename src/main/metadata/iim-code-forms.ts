/**
 * The IIM forms of the two IPTC code fields whose IIM dataset says more than their XMP value
 * (IPTC IIM 4.2, record 2): Object Attribute Reference (2:04) holds the Intellectual Genre
 * as "NNN:Name" (a three-digit number, then the genre's name, at most 64 bytes), and Subject
 * Reference (2:12) holds each Subject Code as "IPR:Number:Subject Name:Subject Matter
 * Name:Subject Detail Name" ("IPTC:15054000:sport::"). Reading takes the genre's name and the
 * IPTC numbers out; writing builds the datasets from the XMP values. Pure.
 */
import { subjectName } from '../../shared/iptc-vocab';
import type { CaptionField } from '../../shared/model';
import { cutToUtf8Bytes } from './utf8-cut';

/** An IIM dataset's values to and from the XMP value's items. */
export interface IimCodeForm {
  /** The field's items as IIM values ([] when none can be written). */
  toIim(items: readonly string[]): string[];
  /** The field's items from the dataset's values ([] when none is of this form). */
  fromIim(values: readonly string[]): string[];
}

/** The IIM Object Attribute Name's limit, after "NNN:". */
const GENRE_NAME_BYTES = 64;

const SUBJECT_CODE = /^\d{8}$/;

/** The fields whose IIM dataset has a form of its own, by field. */
export const IIM_CODE_FORMS: Partial<Record<CaptionField, IimCodeForm>> = {
  intellectualGenre: {
    // "000": the genre is named, not numbered (XMP's IntellectualGenre holds the name alone).
    toIim: (items) =>
      items
        .filter((genre) => genre.trim() !== '')
        .slice(0, 1)
        .map((genre) => `000:${cutToUtf8Bytes(genre.trim(), GENRE_NAME_BYTES)}`),
    // The first reference's name: XMP holds one genre.
    fromIim: (values) =>
      values
        .map((value) =>
          value
            .trim()
            .replace(/^\d{0,3}:/, '')
            .trim(),
        )
        .filter((name) => name !== '')
        .slice(0, 1),
  },
  subjectCodes: {
    // Only IPTC Subject NewsCodes numbers have an IIM form ("IPTC:" and eight digits).
    toIim: (items) =>
      items
        .map((code) => code.trim())
        .filter((code) => SUBJECT_CODE.test(code))
        .map((code) => `IPTC:${code}:${subjectName(code)}::`),
    // References of another provider (IPR) are not IPTC Subject Codes: left out.
    fromIim: (values) => {
      const codes: string[] = [];
      for (const value of values) {
        const [ipr, number] = value.split(':').map((part) => part.trim());
        if (ipr?.toUpperCase() === 'IPTC' && number && SUBJECT_CODE.test(number)) {
          if (!codes.includes(number)) codes.push(number);
        }
      }
      return codes;
    },
  },
};

/** What a dataset's value of `field` reads back as, once written from `items`. */
export function iimRoundTrip(field: CaptionField, items: readonly string[]): string[] | null {
  const form = IIM_CODE_FORMS[field];
  return form ? form.fromIim(form.toIim(items)) : null;
}
