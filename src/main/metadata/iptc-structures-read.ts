/**
 * The repeated IPTC structures of a file (src/shared/iptc-structures.ts) from its XMP: the
 * sidecar's first for a RAW file, as for the caption fields, else the embedded packet's.
 */
import {
  emptyStructures,
  IPTC_STRUCTURES,
  type IptcStructureKey,
  type IptcStructures,
  type StructItem,
} from '../../shared/iptc-structures';
import { STRUCT_ITEMS, XMP_NS, type XmpProperties, xmpKey, xmpList } from './xmp-parse';

function itemsOf(props: XmpProperties, prop: string): StructItem[] {
  const whole = xmpList(props.get(xmpKey(XMP_NS.Iptc4xmpExt, `${prop}/${STRUCT_ITEMS}`)));
  if (whole && whole.length > 0) return whole.map((json) => JSON.parse(json) as StructItem);
  // Organisation in Image Name and Code are Bags of text, not structs.
  const plain = xmpList(props.get(xmpKey(XMP_NS.Iptc4xmpExt, prop))) ?? [];
  return plain.map((text) => ({ [prop.replace('OrganisationInImage', '')]: text }));
}

/** Every repeated structure, each from the first of `sources` that holds it. */
export function readIptcStructures(sources: readonly (XmpProperties | null)[]): IptcStructures {
  const structures = emptyStructures();
  for (const key of Object.keys(IPTC_STRUCTURES) as IptcStructureKey[]) {
    for (const props of sources) {
      if (!props) continue;
      const items = itemsOf(props, IPTC_STRUCTURES[key].prop);
      if (items.length > 0) {
        structures[key] = items;
        break;
      }
    }
  }
  return structures;
}
