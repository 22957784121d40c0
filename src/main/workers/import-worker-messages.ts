/**
 * The messages between the read pool (read-pool.ts) and an import worker (import-worker.ts),
 * in a module of their own: importing the worker's entry would run it on the calling thread.
 */
import type { ImportFile, ImportRead } from '../services/read-job';

export interface ReadRequest extends ImportFile {
  id: number;
}

export interface ReadReply {
  id: number;
  result: ImportRead;
}

/** Sent once, when the worker's warm-up has ended (see warm-up.ts). */
export const WARMED_UP = 'warmed-up';

/** The user's trust list for Content Credentials (PEM; '' for none), sent before the reads it applies to. */
export interface TrustAnchorsMessage {
  trustAnchors: string;
}
