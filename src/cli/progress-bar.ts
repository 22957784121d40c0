import type { ImportProgress } from '../shared/model';

/**
 * A one-line progress bar on stderr, drawn only when stderr is a terminal, so that
 * `--json` output on stdout and logs stay clean.
 */
export function createProgressBar(stream: NodeJS.WriteStream = process.stderr) {
  const enabled = stream.isTTY === true;
  let drawn = false;
  return {
    update(progress: ImportProgress): void {
      if (!enabled) return;
      const width = 30;
      const ratio = progress.total > 0 ? progress.done / progress.total : 0;
      const filled = Math.round(ratio * width);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
      const name = progress.currentFile.split(/[/\\]/).pop() ?? '';
      // Photos are stored before the thumbnails that must be rendered: both counts show.
      const thumbs = progress.thumbnailsTotal
        ? `  thumbnails ${progress.thumbnailsDone ?? 0}/${progress.thumbnailsTotal}`
        : '';
      const line =
        progress.phase === 'scanning'
          ? `Scanning folders… ${progress.done} read${thumbs}`
          : `${bar} ${progress.done}/${progress.total}  ${progress.rate.toFixed(0)} photos/s${thumbs}  ${name}`;
      stream.write(`\r\x1b[2K${line.slice(0, (stream.columns ?? 100) - 1)}`);
      drawn = true;
    },
    end(): void {
      if (enabled && drawn) stream.write('\r\x1b[2K');
    },
  };
}
