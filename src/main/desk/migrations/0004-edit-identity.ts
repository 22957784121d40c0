/**
 * Each edit carries the image-data digest of the photo its member edited (issue 18 part 2):
 * a member applies it only to its own photo at that path with the same picture, whatever
 * another member published last for the path. Null for edits pushed before this version
 * (they are mapped by the path and the photo's published digest, as before).
 */
export const DESK_0004 = `
  ALTER TABLE desk_edits ADD COLUMN image_digest TEXT;
`;
