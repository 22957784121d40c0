import { close, constants, fstat, open, read } from 'node:fs';
import { EDGE_BYTES } from '../metadata/fingerprint';
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

/** What ReadAhead needs of a queued request. */
export interface QueuedRead {
  path: string;
}

/**
 * Keeps the disk busy for an import worker whose files are not in the page cache (a folder
 * never read since the computer started, or one the system evicted). The worker reads one
 * file at a time with blocking reads, which is fastest from the cache; from the disk, each
 * read waited 0.3–0.6 ms with the disk idle before and after, so 2,000 photos spent more time
 * waiting than parsing. Once most of its recent files were read from the disk, this reads
 * the two ends of the next queued files through libuv's thread pool, several at once, and
 * throws the bytes away: the kernel keeps them, and the worker's own read then finds them in
 * the cache. It never starts from the cache, where a read ahead would only cost CPU.
 *
 * "From the disk" is what the kernel counts, not a read's duration alone: a read slower than
 * CACHE_READ_MS during which the blocks the process has read from a device (getrusage's
 * ru_inblock, Node's resourceUsage().fsRead) grew. A read from the cache can take as long as
 * one from an SSD when the cores are busy (under a CPU profile, reads from the cache took over
 * 0.2 ms), and reading ahead then would only take CPU from work that lacks it.
 */
export class ReadAhead {
  /** The last five files, one bit each (1: read from the disk), newest lowest. */
  private history = 0;
  private active = false;
  private readonly always: boolean;
  /** Paths read ahead or being read ahead and not read by the worker yet. */
  private readonly asked = new Set<string>();
  /** The reads ahead in flight. */
  private readonly running = new Set<Promise<void>>();
  /** When the worker last read a file (performance.now()). */
  private lastReadAt = Number.NEGATIVE_INFINITY;
  /** Memory for the reads in flight: the bytes are never looked at. */
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

  /** The worker has read `path`, which took `readMs` (open to close), at `at` (performance.now()). */
  noteRead(path: string, readMs: number, at = performance.now()): void {
    if (at - this.lastReadAt > IDLE_MS) this.restart();
    this.lastReadAt = at;
    this.asked.delete(path);
    const fromDisk = readMs > CACHE_READ_MS && this.diskWasRead() ? 1 : 0;
    this.history = ((this.history << 1) | fromDisk) & 0b11111;
    if (!this.active && bitCount(this.history) >= FROM_DISK_OF_FIVE) this.active = true;
  }

  /** Whether the process has read from a device since the kernel was last asked. */
  private diskWasRead(): boolean {
    const blocks = this.blocksRead();
    const grew = blocks > this.blocks;
    this.blocks = blocks;
    return grew;
  }

  private restart(): void {
    this.active = this.always;
    this.history = 0;
    this.asked.clear();
  }

  /**
   * Starts reading ahead the first queued files not read ahead yet, when reads come from the
   * disk. true: reads ahead are under way, and the worker should let its event loop turn
   * between files so that they make progress.
   */
  ahead(queue: readonly QueuedRead[]): boolean {
    if (!this.active) return false;
    const end = Math.min(queue.length, DEPTH);
    for (let i = 0; i < end && this.running.size < IN_FLIGHT; i++) {
      const path = queue[i]!.path;
      if (this.asked.has(path)) continue;
      this.asked.add(path);
      const read = this.readEnds(path).finally(() => this.running.delete(read));
      this.running.add(read);
    }
    return true;
  }

  /**
   * Reads what the worker will read of the file: its head and its last EDGE_BYTES. Any
   * failure is left for the worker's own read to meet and report. Opened as the worker opens
   * it (O_NONBLOCK: a FIFO swapped in is not waited on), and only a regular file is read.
   * Callbacks, not fs/promises: with FileHandles the reads ahead of 2,000 photos cost the
   * worker 0.41 s of CPU, more than reading the photos (0.31 s).
   */
  private readEnds(path: string): Promise<void> {
    return new Promise((ended) => {
      const buffer = this.spare.pop() ?? Buffer.allocUnsafeSlow(HEAD_BYTES + EDGE_BYTES);
      const end = () => {
        this.spare.push(buffer);
        ended();
      };
      open(fsPath(path), constants.O_RDONLY | constants.O_NONBLOCK, (openError, fd) => {
        if (openError) return end();
        const closeAndEnd = () => close(fd, end);
        fstat(fd, (statError, info) => {
          if (statError || !info.isFile()) return closeAndEnd();
          const size = info.size;
          const hasTail = size > HEAD_BYTES;
          let reading = hasTail ? 2 : 1;
          const readDone = () => {
            if (--reading === 0) closeAndEnd();
          };
          read(fd, buffer, 0, Math.min(size, HEAD_BYTES), 0, readDone);
          if (hasTail) read(fd, buffer, HEAD_BYTES, EDGE_BYTES, size - EDGE_BYTES, readDone);
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
