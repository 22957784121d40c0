import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * Reads whole files into one buffer kept from file to file. A fresh megabyte for every file
 * read costs more than the read itself (the kernel zero-fills and maps new pages on first
 * touch, and the collector unmaps them later): writing 1,000 photos read 2,000 of them. The
 * answer is a view into the shared buffer, valid only until the next `read`.
 *
 * Synchronous on purpose: a file just written or about to be written is in the page cache,
 * so a read is a ≈0.2 ms copy, while the asynchronous one (open, stat, read, close: four
 * trips) queued behind the write-back's fsyncs in libuv's four-thread pool and waited
 * milliseconds for each.
 */
export class ReusableFileReader {
  private buffer = Buffer.allocUnsafeSlow(0);

  read(path: string): Buffer {
    const fd = openSync(path, 'r');
    try {
      const { size } = fstatSync(fd);
      if (this.buffer.length < size) this.buffer = Buffer.allocUnsafeSlow(Math.ceil(size * 1.25));
      let filled = 0;
      while (filled < size) {
        const bytesRead = readSync(fd, this.buffer, filled, size - filled, filled);
        if (bytesRead === 0) break;
        filled += bytesRead;
      }
      return this.buffer.subarray(0, filled);
    } finally {
      closeSync(fd);
    }
  }
}
