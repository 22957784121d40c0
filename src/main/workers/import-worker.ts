/**
 * Worker-thread entry for import: reads files (identity, metadata, thumbnail) off the thread
 * that owns the catalog, so the UI and IPC stay responsive and every core is used.
 */
import { parentPort } from 'node:worker_threads';
import { readForImport } from '../services/read-job';

export interface ReadRequest {
  id: number;
  path: string;
}

parentPort?.on('message', async (request: ReadRequest) => {
  const result = await readForImport(request.path);
  parentPort?.postMessage({ id: request.id, result });
});
