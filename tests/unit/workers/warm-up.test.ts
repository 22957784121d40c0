import { describe, expect, it } from 'vitest';
import { readLoadedEnds } from '../../../src/main/services/read-job';
import { warmUpReader } from '../../../src/main/workers/warm-up';
import { WARM_UP_PHOTO_BASE64 } from '../../../src/main/workers/warm-up-photo';

describe('import worker warm-up', () => {
  it('reads a photo that takes the paths a wire photo takes: EXIF thumbnail, IIM and XMP', async () => {
    // A warm-up photo that stopped reading would make the warm-up silently useless.
    const photo = Buffer.from(WARM_UP_PHOTO_BASE64, 'base64');
    const ends = { byteSize: 1_000_000, mtimeMs: 0, head: photo, tail: Buffer.alloc(16_384) };
    const result = await readLoadedEnds('warm-up.jpg', ends, null);
    if (!result.ok) throw new Error(result.reason);
    expect(result.thumbnail?.origin).toBe('embedded');
    expect(result.read.fields.caption).toContain('Pyongyang');
    expect(result.read.fields.creators).toEqual(['Ahn Young-joon']);
    expect(Object.keys(result.read.origins.caption?.copies ?? {}).sort()).toEqual([
      'exif',
      'iim',
      'xmp',
    ]);
    expect(result.read.technical.warnings).toEqual([]);
  });

  it('is upright, so its thumbnail is kept as the camera made it, not turned with sharp', async () => {
    // A wire photo is upright; a turned warm-up photo cost a sharp pass (≈2 ms) every round.
    const photo = Buffer.from(WARM_UP_PHOTO_BASE64, 'base64');
    const ends = { byteSize: 1_000_000, mtimeMs: 0, head: photo, tail: Buffer.alloc(16_384) };
    const result = await readLoadedEnds('warm-up.jpg', ends, null);
    if (!result.ok || !result.thumbnail) throw new Error('the warm-up photo did not read');
    expect(result.read.technical.orientation).toBe(1);
    expect(photo.includes(result.thumbnail.jpeg)).toBe(true);
  });

  it('stops as soon as real work waits', async () => {
    let asked = 0;
    await warmUpReader(() => ++asked > 3, 100_000);
    expect(asked).toBe(4);
  });

  it('gives way to the events that bring real work, so the first file does not wait for every round', async () => {
    // A worker learns of files by a message, an event: a warm-up that never left its loop
    // read the photo 1,500 times (0.6–1 s) before the first file of `cutline import`.
    let work = false;
    let rounds = 0;
    setImmediate(() => {
      work = true;
    });
    await warmUpReader(() => {
      if (!work) rounds++;
      return work;
    }, 100_000);
    expect(work).toBe(true);
    expect(rounds).toBeLessThan(50);
  });
});
