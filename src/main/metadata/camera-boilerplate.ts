/**
 * What cameras put in ImageDescription/Artist/Copyright when nobody typed anything. MWG says
 * EXIF wins, but these are not captions or credits, so they must not hide the IIM/XMP ones.
 */
const BOILERPLATE = new Set(
  [
    'olympus digital camera',
    'sony dsc',
    'digital camera',
    'samsung',
    'samsung digital camera',
    'default',
    'kodak digital still camera',
    'minolta digital camera',
    'pentax digital camera',
    'konica minolta digital camera',
    'exif_jpeg_picture',
    'lead technologies inc. v1.01',
    'camera',
    'dcim',
    'image',
    'photo',
    'picture',
    'unknown',
    'none',
    'copyright',
    'artist',
    'author',
    'photographer',
    'user',
    'owner',
    'picasa',
    'hdr',
    'casio',
    'nikon',
    'canon',
    '(c)',
    '©',
  ].map((s) => s.toLowerCase()),
);

/** True for EXIF text that is padding or a camera's default rather than something a person wrote. */
export function isCameraBoilerplate(text: string, make = '', model = ''): boolean {
  const t = text.replace(/\0/g, '').trim().toLowerCase();
  if (t === '' || /^[?\s.\-_]*$/.test(t)) return true;
  if (BOILERPLATE.has(t)) return true;
  if (/^(<.*>|[\w-]+ )?(digital )?(still )?camera$/.test(t)) return true;
  const mk = make.trim().toLowerCase();
  const md = model.trim().toLowerCase();
  return (mk !== '' && t === mk) || (md !== '' && t === md) || (mk !== '' && t === `${mk} ${md}`);
}
