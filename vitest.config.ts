import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Import tests start worker threads and exiftool processes: keep files from fighting
    // over two cores.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
