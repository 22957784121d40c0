/** Camera RAW extensions: their captions live in an .xmp sidecar, never inside the file. */
export const RAW_EXTENSIONS = ['dng', 'cr2', 'cr3', 'nef', 'arw', 'raf', 'orf', 'rw2'] as const;
