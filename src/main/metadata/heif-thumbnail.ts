/**
 * Pictures of HEIC files for thumbnails. sharp's prebuilt libvips reads HEIF but has no
 * HEVC decoder (AVIF, coded in AV1, it decodes itself), so HEIC photos showed a placeholder.
 * libheif-js, libheif with its HEVC decoder (libde265) compiled to WebAssembly, decodes them
 * here: the file's thumbnail item when it has one (an iPhone's is 320×240, a few tens of ms),
 * else the picture itself only when it is small, since decoding costs in proportion to the
 * pixels (a 12-MP iPhone picture took 2–4 s and some 300 MB on this machine). It runs where
 * thumbnails are made at import: in the read workers, off the catalog's thread.
 */
import { open } from 'node:fs/promises';
import { HEIF_DECODE_PIXELS } from '../../shared/preview-availability';
import { type HeifResult, libheifModule } from '../lazy-packages';
import { heifThumbnailItems } from './heif-scan';

/** Larger files are not read whole for a thumbnail (a HEIC photo is a few megabytes). */
const MAX_FILE_BYTES = 200 * 1024 * 1024;

/** Decoded RGBA pixels, upright (libheif applies the item's rotation and mirroring). */
export interface HeifPixels {
  data: Buffer;
  width: number;
  height: number;
  /** 'embedded' from the thumbnail item, 'rendered' from the picture itself. */
  origin: 'embedded' | 'rendered';
}

function usable(result: HeifResult): boolean {
  return result !== null && result !== undefined && !result.code;
}

async function readWhole(path: string): Promise<Buffer | null> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    if (size > MAX_FILE_BYTES) return null;
    const data = Buffer.alloc(size);
    const { bytesRead } = await handle.read(data, 0, size, 0);
    return data.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/**
 * The picture of a HEIC thumbnail: its largest thumbnail item at least `minSide` px on its
 * longer side, else the primary picture when it is within HEIF_DECODE_PIXELS; null when
 * neither (or libheif cannot decode the file).
 */
export async function heifThumbnailPixels(
  path: string,
  minSide: number,
): Promise<HeifPixels | null> {
  const file = await readWhole(path);
  if (!file) return null;
  const heif = libheifModule();
  await heif.ready;
  const context = heif.heif_context_alloc();
  const handles: unknown[] = [];
  try {
    const read = heif.heif_context_read_from_memory(context, file);
    if (read.code !== heif.heif_error_code.heif_error_Ok) return null;
    const side = (handle: unknown) =>
      Math.max(heif.heif_image_handle_get_width(handle), heif.heif_image_handle_get_height(handle));
    let chosen: { handle: unknown; origin: HeifPixels['origin'] } | null = null;
    for (const id of heifThumbnailItems(file)) {
      const handle = heif.heif_js_context_get_image_handle(context, id);
      if (!usable(handle)) continue;
      handles.push(handle);
      if (side(handle) >= minSide && (!chosen || side(handle) > side(chosen.handle))) {
        chosen = { handle, origin: 'embedded' };
      }
    }
    if (!chosen) {
      const primary = heif.heif_js_context_get_primary_image_handle(context);
      if (!usable(primary)) return null;
      handles.push(primary);
      const pixels =
        heif.heif_image_handle_get_width(primary) * heif.heif_image_handle_get_height(primary);
      if (pixels > HEIF_DECODE_PIXELS) return null;
      chosen = { handle: primary, origin: 'rendered' };
    }
    return decode(chosen.handle, chosen.origin);
  } finally {
    for (const handle of handles) heif.heif_image_handle_release(handle);
    heif.heif_context_free(context);
  }
}

/** One item decoded to interleaved RGBA, copied out of the WebAssembly memory. */
function decode(handle: unknown, origin: HeifPixels['origin']): HeifPixels | null {
  const heif = libheifModule();
  const image = heif.heif_js_decode_image2(
    handle,
    heif.heif_colorspace.heif_colorspace_RGB,
    heif.heif_chroma.heif_chroma_interleaved_RGBA,
  );
  if (!image || image.code || !image.channels) return null;
  try {
    const plane = image.channels.find(
      (channel) => channel.id === heif.heif_channel.heif_channel_interleaved,
    );
    if (!plane) return null;
    const { width, height, stride } = plane;
    const row = width * 4;
    const data = Buffer.alloc(row * height);
    for (let y = 0; y < height; y++) {
      data.set(plane.data.subarray(y * stride, y * stride + row), y * row);
    }
    return { data, width, height, origin };
  } finally {
    if (image.image) heif.heif_image_release(image.image);
  }
}
