/**
 * A small XMP reader for the caption properties. exifr's XMP parser turns numeric-looking text
 * into numbers ("007" → 7), leaves XML entities undecoded and merges nested structure fields
 * (a PersonInImage inside an ImageRegion) with top-level ones, so Cutline reads the packet
 * itself: only the properties directly under rdf:Description count.
 */

/** Namespace URIs of the properties Cutline reads, keyed by the usual prefix. */
export const XMP_NS = {
  dc: 'http://purl.org/dc/elements/1.1/',
  photoshop: 'http://ns.adobe.com/photoshop/1.0/',
  Iptc4xmpCore: 'http://iptc.org/std/Iptc4xmpCore/1.0/xmlns/',
  Iptc4xmpExt: 'http://iptc.org/std/Iptc4xmpExt/2008-02-29/',
  xmpRights: 'http://ns.adobe.com/xap/1.0/rights/',
  xmp: 'http://ns.adobe.com/xap/1.0/',
  photomechanic: 'http://ns.camerabits.com/photomechanic/1.0/',
  plus: 'http://ns.useplus.org/ldf/xmp/1.0/',
} as const;

const RDF = 'http://www.w3.org/1999/02/22-rdf-syntax-ns#';

/** One XMP property value: plain text, a list (Seq/Bag) or a language alternative (Alt). */
export type XmpValue =
  | { kind: 'text'; text: string }
  | { kind: 'list'; items: string[] }
  | { kind: 'alt'; items: { lang: string; text: string }[] };

/**
 * The map key of a property: namespace URI and lower-case name. Case is ignored because real
 * writers get it wrong (a DNG converter wrote "dc:Creator") and ExifTool reads those anyway.
 */
export function xmpKey(ns: string, prop: string): string {
  return `${ns} ${prop.toLowerCase()}`;
}

/** Top-level XMP properties keyed by `xmpKey(namespaceURI, propertyName)`. */
export type XmpProperties = Map<string, XmpValue>;

interface XmlElement {
  name: string;
  attrs: Map<string, string>;
  children: XmlElement[];
  text: string;
}

const ENTITY: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes the five XML entities and numeric character references. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code =
        ref[1] === 'x' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITY[ref] ?? whole;
  });
}

const TOKEN =
  /<!--[\s\S]*?-->|<!\[CDATA\[([\s\S]*?)\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([^\s/>]+)((?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|[^<]+|</g;
const ATTR = /([^\s=/>]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Parses XML into a tree, tolerating stray text and unclosed tags (XMP is often sloppy). */
function parseXml(xml: string): { root: XmlElement; ns: Map<string, string> } {
  const root: XmlElement = { name: '#root', attrs: new Map(), children: [], text: '' };
  const stack: XmlElement[] = [root];
  const ns = new Map<string, string>();
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(xml); m; m = TOKEN.exec(xml)) {
    const token = m[0];
    const top = stack[stack.length - 1]!;
    if (m[3] !== undefined) {
      if (m[2] === '/') {
        const at = stack.findLastIndex((e) => e.name === m![3]);
        if (at > 0) stack.length = at;
        continue;
      }
      const attrs = new Map<string, string>();
      ATTR.lastIndex = 0;
      for (let a = ATTR.exec(m[4] ?? ''); a; a = ATTR.exec(m[4] ?? '')) {
        const value = decodeXmlEntities(a[2] ?? a[3] ?? '');
        if (a[1]!.startsWith('xmlns:')) ns.set(a[1]!.slice(6), value);
        attrs.set(a[1]!, value);
      }
      const element: XmlElement = { name: m[3], attrs, children: [], text: '' };
      top.children.push(element);
      if (m[5] !== '/') stack.push(element);
    } else if (m[1] !== undefined) {
      top.text += m[1];
    } else if (token[0] !== '<') {
      top.text += decodeXmlEntities(token);
    }
  }
  return { root, ns };
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

function nsOf(qname: string, ns: Map<string, string>): string | undefined {
  const colon = qname.indexOf(':');
  return colon < 0 ? undefined : ns.get(qname.slice(0, colon));
}

function findAll(element: XmlElement, test: (e: XmlElement) => boolean, out: XmlElement[]): void {
  for (const child of element.children) {
    if (test(child)) out.push(child);
    else findAll(child, test, out);
  }
}

function propertyValue(element: XmlElement, ns: Map<string, string>): XmpValue | null {
  const container = element.children.find(
    (c) => nsOf(c.name, ns) === RDF && ['Alt', 'Seq', 'Bag'].includes(localName(c.name)),
  );
  if (container) {
    const lis = container.children.filter(
      (c) => nsOf(c.name, ns) === RDF && localName(c.name) === 'li',
    );
    const textOf = (li: XmlElement): string => {
      // A qualified item keeps its text in rdf:value.
      const inner = li.children.find(
        (c) => nsOf(c.name, ns) === RDF && localName(c.name) === 'value',
      );
      return (inner ? inner.text : (li.attrs.get('rdf:value') ?? li.text)).trim();
    };
    if (localName(container.name) === 'Alt') {
      return {
        kind: 'alt',
        items: lis.map((li) => ({ lang: li.attrs.get('xml:lang') ?? '', text: textOf(li) })),
      };
    }
    return { kind: 'list', items: lis.map(textOf) };
  }
  if (element.attrs.has('rdf:resource'))
    return { kind: 'text', text: element.attrs.get('rdf:resource')! };
  // A struct (rdf:parseType="Resource" or nested Description) is not a caption value.
  if (element.children.length > 0 || element.attrs.get('rdf:parseType') === 'Resource') return null;
  return { kind: 'text', text: element.text.trim() };
}

/** The member name under which flattenStruct keeps each struct whole, as JSON text. */
export const STRUCT_ITEMS = '#items';

const isRdf = (e: XmlElement, ns: Map<string, string>, name: string) =>
  nsOf(e.name, ns) === RDF && localName(e.name) === name;

/** The member elements and shorthand attributes of one struct (parseType, Description or attributes). */
function structFields(element: XmlElement, ns: Map<string, string>): [string, string][] {
  const description = element.children.find((c) => isRdf(c, ns, 'Description'));
  const holder = description ?? element;
  const fields: [string, string][] = [];
  for (const [name, value] of holder.attrs) {
    const uri = nsOf(name, ns);
    if (uri && uri !== RDF && !name.startsWith('xmlns:') && !name.startsWith('xml:')) {
      fields.push([localName(name), value.trim()]);
    }
  }
  for (const child of holder.children) {
    if (nsOf(child.name, ns) === RDF) continue;
    const value = propertyValue(child, ns);
    const text = value?.kind === 'list' ? value.items.join('; ') : xmpText(value ?? undefined);
    if (text !== undefined) fields.push([localName(child.name), text]);
  }
  return fields;
}

/**
 * The members of a struct property, or of a Seq/Bag of structs, flattened as ExifTool's
 * flattened tags are: `Licensor/LicensorName` → the name of every Licensor in order (issue 19:
 * Licensor, Copyright Owner, Creator Contact Info and the like).
 */
function flattenStruct(element: XmlElement, ns: Map<string, string>): Map<string, string[]> {
  const container = element.children.find(
    (c) => nsOf(c.name, ns) === RDF && ['Seq', 'Bag'].includes(localName(c.name)),
  );
  const items = container ? container.children.filter((c) => isRdf(c, ns, 'li')) : [element];
  const members = new Map<string, string[]>();
  const whole: string[] = [];
  for (const item of items) {
    const fields = structFields(item, ns).filter(([, text]) => text !== '');
    if (fields.length > 0) whole.push(JSON.stringify(Object.fromEntries(fields)));
    for (const [name, text] of fields) {
      if (text === '') continue;
      const list = members.get(name) ?? [];
      list.push(text);
      members.set(name, list);
    }
  }
  // Each struct whole, as JSON, under `Struct/#items` (the repeated IPTC structures).
  if (whole.length > 0) members.set(STRUCT_ITEMS, whole);
  return members;
}

/**
 * Reads the top-level properties of an XMP packet (and the members of its structs, keyed
 * `Struct/Member`). Later rdf:Description blocks add to earlier
 * ones; the first value of a property wins when it appears twice.
 */
export function parseXmp(xml: string): XmpProperties {
  const props: XmpProperties = new Map();
  const { root, ns } = parseXml(xml);
  const descriptions: XmlElement[] = [];
  findAll(
    root,
    (e) => nsOf(e.name, ns) === RDF && localName(e.name) === 'Description',
    descriptions,
  );
  for (const description of descriptions) {
    for (const [name, value] of description.attrs) {
      const uri = nsOf(name, ns);
      if (!uri || uri === RDF || name.startsWith('xmlns:') || name.startsWith('xml:')) continue;
      const key = xmpKey(uri, localName(name));
      if (!props.has(key)) props.set(key, { kind: 'text', text: value.trim() });
    }
    for (const child of description.children) {
      const uri = nsOf(child.name, ns);
      if (!uri) continue;
      const key = xmpKey(uri, localName(child.name));
      if (props.has(key)) continue;
      const value = propertyValue(child, ns);
      if (value) props.set(key, value);
      // A struct written as attributes (<CreatorContactInfo Iptc4xmpCore:CiAdrCity="…"/>)
      // reads as empty text: its members are still flattened.
      if (value?.kind === 'text' && value.text !== '') continue;
      for (const [member, items] of flattenStruct(child, ns)) {
        const memberKey = xmpKey(uri, `${localName(child.name)}/${member}`);
        if (!props.has(memberKey)) props.set(memberKey, { kind: 'list', items });
      }
    }
  }
  return props;
}

/** The x-default entry of a lang-alt (or the first entry, or the plain text). */
export function xmpText(value: XmpValue | undefined): string | undefined {
  if (!value) return undefined;
  if (value.kind === 'text') return value.text;
  if (value.kind === 'alt') {
    const pick = value.items.find((i) => i.lang.toLowerCase() === 'x-default') ?? value.items[0];
    return pick?.text;
  }
  return value.items[0];
}

/** The items of a Seq/Bag (a plain text value counts as one item). */
export function xmpList(value: XmpValue | undefined): string[] | undefined {
  if (!value) return undefined;
  if (value.kind === 'list') return value.items.filter((i) => i !== '');
  const text = xmpText(value);
  return text ? [text] : [];
}
