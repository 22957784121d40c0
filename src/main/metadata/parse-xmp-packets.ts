import { sizeName, XMP_PACKET_LIMIT } from './read-limits';
import { parseXmp, type XmpProperties } from './xmp-parse';

/**
 * Parses a file's XMP packets into one set of properties (a property found in an earlier
 * packet wins); a packet over the size limit or unreadable is left out with a warning naming
 * `what`, so one bad packet does not lose the others. Null when there are no packets.
 */
export function parseXmpSafely(
  packets: string[],
  warnings: string[],
  what: string,
): XmpProperties | null {
  if (packets.length === 0) return null;
  const merged: XmpProperties = new Map();
  for (const packet of packets) {
    // Containers check the packet's bytes before decoding it; this catches every other way in.
    if (packet.length > XMP_PACKET_LIMIT) {
      warnings.push(
        `${what} is over the ${sizeName(XMP_PACKET_LIMIT)} limit for an XMP packet and was not read`,
      );
      continue;
    }
    try {
      for (const [key, value] of parseXmp(packet)) if (!merged.has(key)) merged.set(key, value);
    } catch (error) {
      warnings.push(`${what} could not be read: ${(error as Error).message}`);
    }
  }
  return merged;
}
