import { close, constants, fstat, open, read } from 'node:fs';
import { EDGE_BYTES, type FileEnds, fileEnds } from '../metadata/fingerprint';
import { fsPath } from '../metadata/raw-path';
import { HEAD_BYTES } from '../metadata/read-photo';

/** Of the worker's last five files, this many read from the disk mean its folder is there. */
const FROM_DISK_OF_FIVE = 3;

/**
 * A read of a file's two ends faster than this came from the page cache (0.03–0.05 ms here),
 * and the kernel is not asked: a getrusage call cost ≈30 µs in the worker of a busy process
 * (a CPU profile of 2,000 photos: 0.12 s, when every file asked twice).
 */
const CACHE_READ_MS = 0.1;

/**
 * A file share (NFS, SMB, sshfs and other FUSE file systems) reads without the kernel counting
 * a block: its files are told by time alone, SHARE_STREAK reads in a row each slower than
 * this. Over sshfs on a local veth link, a file's two ends took 2.6 ms; a read from the cache
 * slowed by a busy core or a CPU profile took 0.2–0.8 ms, and rarely five times in a row.
 */
const SHARE_READ_MS = 1;
const SHARE_STREAK = 5;

/**
 * A worker that read nothing for this long has finished what it was asked (an import): the
 * next files may come from the cache, so reading ahead waits until they come from the disk
 * again. Its queue running dry says less: it runs dry after each message while reads keep up.
 */
const IDLE_MS = 1000;

/** How far ahead of the file being read the queue is read ahead. */
const DEPTH = 32;

/**
 * Reads ahead at once. Each takes five trips through libuv's pool (open, stat, two reads,
 * close), and the worker's event loop turns once per file it reads, so each read ahead
 * advances one trip per file. With 4 in flight they could not get ahead: the worker's own
 * reads of 600 photos from the disk still took 205 ms in all (261 ms without reading ahead);
 * with 16, 36 ms (0.03–0.05 ms each, as from the cache). The pool itself runs four at once.
 */
const IN_FLIGHT = 16;

export interface ReadAheadOptions {
  /** true: read ahead from the first file on, as if every file came from the disk (tests). */
  always?: boolean;
  /** The blocks this process has read from a device so far (default: resourceUsage().fsRead). */
  blocksRead?: () => number;
}

/** What ReadAhead needs of a queued request: a thumbnail to render (`kind`) is not read ahead. */
export interface QueuedRead {
  path: string;
  kind?: string;
}

/** A file's ends read ahead, in memory of the ReadAhead's until given back (`recycle`). */
export interface EndsReadAhead {
  ends: FileEnds;
  memory: Buffer;
}

/**
 * Keeps the disk or the share busy for an import worker whose files are not in the page cache
 * (a folder never read since the computer started, one the system evicted, or one on a file
 * server). The worker reads one file at a time with blocking reads, which is fastest from the
 * cache; from the disk, each read waited 0.3–0.6 ms with the disk idle before and after, and
 * from a share each waited for its round trips (2.6 ms over sshfs), so 2,000 photos spent
 * more time waiting than parsing. Once its recent files came from the disk or a share, this
 * reads the two ends of the next queued files through libuv's thread pool, several at once,
 * and keeps them for the worker (`take`), which then parses them without a read of its own.
 * Kept, not only left in the page cache: a share's client may drop its cache at each open
 * (sshfs does, unless told `kernel_cache`), and then the worker's read went to the server
 * again. It never starts from the cache, where a read ahead would only cost CPU.
 *
 * "From the disk" is what the kernel counts, not a read's duration alone: a read slower than
 * CACHE_READ_MS during which the blocks the process has read from a device (getrusage's
 * ru_inblock, Node's resourceUsage().fsRead) grew. A read from the cache can take as long as
 * one from an SSD when the cores are busy (under a CPU profile, reads from the cache took over
 * 0.2 ms), and reading ahead then would only take CPU from work that lacks it. A share's reads
 * are not counted as blocks: SHARE_STREAK reads in a row slower than SHARE_READ_MS tell it.
 */
export class ReadAhead {
  /** The last five files, one bit each (1: read from the disk), newest lowest. */
  private history = 0;
  /** Reads in a row slower than a share's. */
  private slowStreak = 0;
  private active = false;
  private readonly always: boolean;
  /**
   * Paths read ahead or being read ahead and not taken by the worker yet, with what the read
   * gives (null: it failed, and the worker's own read is left to meet and report why).
   */
  private readonly asked = new Map<string, Promise<EndsReadAhead | null>>();
  /** The reads ahead in flight. */
  private readonly running = new Set<Promise<unknown>>();
  /** When the worker last read, took or was about to read a file (performance.now()). */
  private lastReadAt = Number.NEGATIVE_INFINITY;
  /** Memory for reads ahead, given back by the worker once it has parsed a file. */
  private readonly spare: Buffer[] = [];
  /** Blocks the process had read from a device when last asked. */
  private blocks: number;
  private readonly blocksRead: () => number;

  constructor(options: ReadAheadOptions = {}) {
    this.active = options.always === true;
    this.always = this.active;
    this.blocksRead = options.blocksRead ?? (() => process.resourceUsage().fsRead);
    this.blocks = this.blocksRead();
  }

  /** true once the worker's reads were found to come from the disk. */
  get reading(): boolean {
    return this.active;
  }

  /** How many reads ahead are in flight. */
  get pending(): number {
    return this.running.size;
  }

  /** Settles when the reads ahead in flight now have ended. */
  async settled(): Promise<void> {
    await Promise.all(this.running);
  }

  /** The worker has read `path` itself, which took `readMs` (open to close), at `at`. */
  noteRead(path: string, readMs: number, at = performance.now()): void {
    this.touch(at);
    this.asked.delete(path);
    const fromDisk = readMs > CACHE_READ_MS && this.diskWasRead() ? 1 : 0;
    this.history = ((this.history << 1) | fromDisk) & 0b11111;
    this.slowStreak = readMs > SHARE_READ_MS ? this.slowStreak + 1 : 0;
    if (
      !this.active &&
      (bitCount(this.history) >= FROM_DISK_OF_FIVE || this.slowStreak >= SHARE_STREAK)
    ) {
      this.active = true;
    }
  }

  /**
   * The file's ends if they were read ahead (waiting for the read when it is under way), or
   * null: the worker reads the file itself. What it gets it gives back with `recycle` once
   * nothing refers to the bytes any more.
   */
  take(path: string, at = performance.now()): Promise<EndsReadAhead | null> | null {
    this.touch(at);
    const read = this.asked.get(path);
    if (read === undefined) return null;
    this.asked.delete(path);
    return read;
  }

  /** Takes back the memory of a file's ends the worker has finished with. */
  recycle(read: EndsReadAhead): void {
    this.spare.push(read.memory);
  }

  /** Whether the process has read from a device since the kernel was last asked. */
  private diskWasRead(): boolean {
    const blocks = this.blocksRead();
    const grew = blocks > this.blocks;
    this.blocks = blocks;
    return grew;
  }

  private touch(at: number): void {
    if (at - this.lastReadAt > IDLE_MS) this.restart();
    this.lastReadAt = at;
  }

  private restart(): void {
    this.active = this.always;
    this.history = 0;
    this.slowStreak = 0;
    // Files read ahead for an import that has ended: their memory comes back when read.
    for (const read of this.asked.values()) {
      void read.then((done) => done && this.recycle(done));
    }
    this.asked.clear();
  }

  /**
   * Starts reading ahead the first queued files not read ahead yet, when reads come from the
   * disk. true: reads ahead are under way, and the worker should let its event loop turn
   * between files so that they make progress.
   */
  ahead(queue: readonly QueuedRead[], at = performance.now()): boolean {
    // Before reading: a worker back from idle starts afresh, and what it reads ahead now
    // must not be cleared by the take that follows.
    this.touch(at);
    if (!this.active) return false;
    const end = Math.min(queue.length, DEPTH);
    for (let i = 0; i < end && this.running.size < IN_FLIGHT; i++) {
      const queued = queue[i]!;
      if (queued.kind !== undefined || this.asked.has(queued.path)) continue;
      const read = this.readEnds(queued.path);
      this.asked.set(queued.path, read);
      const tracked = read.finally(() => this.running.delete(tracked));
      this.running.add(tracked);
    }
    return true;
  }

  /**
   * Reads what the worker would read of the file, as readFileEnds does: its first HEAD_BYTES
   * (the whole file when shorter) and, when the file is longer, its last EDGE_BYTES, with its
   * size and modification time. Opened as the worker opens it (O_NONBLOCK: a FIFO swapped in
   * is not waited on), and only a regular file is read. Callbacks, not fs/promises: with
   * FileHandles the reads ahead of 2,000 photos cost the worker 0.41 s of CPU, more than
   * reading the photos (0.31 s).
   */
  private readEnds(path: string): Promise<EndsReadAhead | null> {
    return new Promise((ended) => {
      const memory = this.spare.pop() ?? Buffer.allocUnsafeSlow(HEAD_BYTES + EDGE_BYTES);
      const fail = () => {
        this.spare.push(memory);
        ended(null);
      };
      open(fsPath(path), constants.O_RDONLY | constants.O_NONBLOCK, (openError, fd) => {
        if (openError) return fail();
        fstat(fd, (statError, info) => {
          if (statError || !info.isFile()) return close(fd, fail);
          const size = info.size;
          const hasTail = size > HEAD_BYTES;
          let headRead = 0;
          let tailRead = 0;
          let failed = false;
          let reading = hasTail ? 2 : 1;
          const readDone = () => {
            if (--reading > 0) return;
            close(fd, () => {
              if (failed) return fail();
              const head = memory.subarray(0, headRead);
              const tail = hasTail
                ? memory.subarray(HEAD_BYTES, HEAD_BYTES + tailRead)
                : Buffer.alloc(0);
              ended({ ends: fileEnds(size, info.mtimeMs, head, tail), memory });
            });
          };
          read(fd, memory, 0, Math.min(size, HEAD_BYTES), 0, (error, bytes) => {
            failed ||= error !== null;
            headRead = bytes;
            readDone();
          });
          if (hasTail) {
            read(fd, memory, HEAD_BYTES, EDGE_BYTES, size - EDGE_BYTES, (error, bytes) => {
              failed ||= error !== null;
              tailRead = bytes;
              readDone();
            });
          }
        });
      });
    });
  }
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}
