import type { PhotoWrite } from '../../src/main/catalog/photo-rows';
import { type CaptionFields, emptyCaptionFields } from '../../src/shared/model';

/** A photo as the import would store it, with the given caption fields. */
export function photoWrite(path: string, fields: Partial<CaptionFields> = {}): PhotoWrite {
  return {
    path,
    fileName: path.split('/').pop() ?? path,
    byteSize: 1000,
    mtimeMs: 1,
    fingerprint: `fp-${path}`,
    sidecarPath: null,
    sidecarMtimeMs: null,
    technical: {
      format: 'JPEG',
      width: 30,
      height: 20,
      orientation: 1,
      cameraMake: '',
      cameraModel: '',
      lens: '',
      gpsLatitude: null,
      gpsLongitude: null,
      warnings: [],
    },
    fields: { ...emptyCaptionFields(), ...fields },
    origins: {},
    copiesDisagree: false,
    overIimLimit: false,
    thumbnail: null,
  };
}
