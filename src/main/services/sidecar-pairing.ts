import { extname } from 'node:path';
import { isSupportedImage } from '../metadata/supported-formats';

/** A file name with its `.xmp` extension lower-cased: IMG_1.XMP and IMG_1.xmp are one name. */
function sidecarKey(name: string): string {
  return `${name.slice(0, -'.xmp'.length)}.xmp`;
}

function isSidecarName(name: string): boolean {
  return extname(name).toLowerCase() === '.xmp';
}

/** What a photo's name may be called for a sidecar stem to name it: IMG_1.CR2 or IMG_1. */
function stemsOf(photo: string): string[] {
  const ext = extname(photo);
  return ext ? [photo, photo.slice(0, -ext.length)] : [photo];
}

/**
 * The .xmp sidecars of one folder, paired with its photos by exact name: `IMG_0001.xmp` and
 * `IMG_0001.CR2.xmp` belong to `IMG_0001.CR2`, but `img_0001.xmp` does not (on a case-
 * sensitive file system it is another name, and merging it would give a photo a caption
 * written for another). Only the `.xmp` extension itself may be spelled in either case, as
 * cameras and card readers do. Pure: the folder scan looks at the disk.
 */
export class FolderSidecars {
  /** Sidecars by key (see sidecarKey), as spelled in the folder; the first spelling wins. */
  private readonly byKey = new Map<string, string>();
  private readonly sidecars: string[];
  private readonly photos: string[];
  /** Photo name → the sidecar it reads. */
  private readonly claimed = new Map<string, string>();

  /** `names`: the folder's file names, in listing order. */
  constructor(names: readonly string[]) {
    this.sidecars = names.filter(isSidecarName);
    this.photos = names.filter((name) => isSupportedImage(name));
    for (const name of this.sidecars) {
      const key = sidecarKey(name);
      if (!this.byKey.has(key)) this.byKey.set(key, name);
    }
  }

  /** The sidecar spelled like `candidate` but for the case of `.xmp`, if the folder has one. */
  find(candidate: string): string | undefined {
    return isSidecarName(candidate) ? this.byKey.get(sidecarKey(candidate)) : undefined;
  }

  /** Records that `photo` reads `sidecar`, so that it is not listed as unpaired. */
  claim(photo: string, sidecar: string): void {
    this.claimed.set(photo, sidecar);
  }

  /** The sidecars no photo reads, each with the reason in plain words. */
  unpaired(): { name: string; reason: string }[] {
    const read = new Set(this.claimed.values());
    const out: { name: string; reason: string }[] = [];
    for (const name of this.sidecars) {
      if (read.has(name)) continue;
      const stem = name.slice(0, -'.xmp'.length);
      const owner = this.photos.find((photo) => stemsOf(photo).includes(stem));
      const lower = stem.toLowerCase();
      const lookalike = this.photos.find((photo) =>
        stemsOf(photo).some((s) => s.toLowerCase() === lower),
      );
      let reason: string;
      if (owner) {
        const other = this.claimed.get(owner);
        reason = other
          ? `XMP sidecar not read: ${owner} reads its own sidecar ${other}`
          : `XMP sidecar not read: ${owner} could not use it`;
      } else if (lookalike) {
        reason =
          `XMP sidecar paired with no photo: its name differs in case from ${lookalike}, ` +
          'and a sidecar must be named exactly like its photo';
      } else {
        reason = 'XMP sidecar paired with no photo: no photo of the same name in its folder';
      }
      out.push({ name, reason });
    }
    return out;
  }
}
