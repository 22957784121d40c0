import type { ContainerScan } from './container-scan';
import { parseIrb } from './iim-decode';

/** The IIM blocks a container walk found, and the IPTCDigest stored beside them. */
export interface ScanIimBlocks {
  /** The bare IIM blocks first, then those inside Photoshop IRBs, in file order. */
  blocks: Uint8Array[];
  /** The IPTCDigest (0x0425) of the first IRB that stores one, or null when none does. */
  storedDigest: Uint8Array | null;
}

/**
 * Gathers the IIM of a container scan from both places it is kept (a TIFF's or PNG's bare IIM,
 * the IRBs' 0x0404 resources), so the reader and the writer decode the same blocks in the
 * same order.
 */
export function iimBlocksOfScan(scan: ContainerScan): ScanIimBlocks {
  const blocks: Uint8Array[] = [...scan.bareIim];
  let storedDigest: Uint8Array | null = null;
  for (const irb of scan.irbs) {
    const parsed = parseIrb(irb);
    blocks.push(...parsed.iimBlocks);
    storedDigest ??= parsed.storedDigest;
  }
  return { blocks, storedDigest };
}
