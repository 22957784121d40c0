import type { PhotoRecord } from '../../shared/model';
import type { TemplateContext } from '../../shared/template-text';

/** What a template text needs to know of one photo; `seq` is its place in the batch. */
export function templateContext(record: PhotoRecord, seq: number): TemplateContext {
  return {
    fileName: record.fileName,
    date: record.dateCreated || null,
    fields: record,
    cameraMake: record.cameraMake,
    cameraModel: record.cameraModel,
    seq,
  };
}
