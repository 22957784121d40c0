/**
 * The messages between the read pool (read-pool.ts) and an import worker (import-worker.ts),
 * in a module of their own: importing the worker's entry would run it on the calling thread.
 */
import type { ImportFile, ImportRead } from '../services/read-job';
import type { ThumbnailJob, ThumbnailRead } from '../services/thumbnail-job';

export interface ReadRequest extends ImportFile {
  id: number;
}

/** A thumbnail to render from the picture (a HEIC's, decoded in WebAssembly): thumbnail-job.ts. */
export interface ThumbnailRequest extends ThumbnailJob {
  id: number;
  kind: 'thumbnail';
}

/** What a worker is asked to do, answered in the order asked. */
export type WorkerRequest = ReadRequest | ThumbnailRequest;

export interface ReadReply {
  id: number;
  result: ImportRead | ThumbnailRead;
}

/** What a pool gives each import worker it starts. */
export interface ImportWorkerData {
  /** From source: the TypeScript entry dev-boot.mjs loads through tsx. */
  devEntry?: string;
  /** The heavy-read gate every reader shares (heavy-read-gate.ts). */
  heavyGate: SharedArrayBuffer;
  /** false: the worker reads no Content Credentials (ReadPoolOptions.readC2pa). */
  readC2pa: boolean;
  /** false: no warm-up (ReadPoolOptions.warmUp); WARMED_UP is said at once. */
  warmUp?: boolean;
  /** ReadPoolOptions.alwaysReadAhead. */
  alwaysReadAhead?: boolean;
}

/** Sent once, when the worker's warm-up has ended (see warm-up.ts). */
export const WARMED_UP = 'warmed-up';

/**
 * Sent once, as soon as the worker's code is loaded: from then on a read sent to it waits at
 * most a few warm-up rounds (the warm-up gives way to messages), so the pool stops reading on
 * its own thread.
 */
export const LOADED = 'loaded';

/** The user's trust list for Content Credentials (PEM; '' for none), sent before the reads it applies to. */
export interface TrustAnchorsMessage {
  trustAnchors: string;
}
