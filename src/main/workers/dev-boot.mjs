// Starts a worker whose entry is TypeScript source (vitest, tsx scripts): Node 20 cannot
// load .ts in a worker by itself. Built bundles point workers at their .js entry instead.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.devEntry);
