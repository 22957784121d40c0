import { describe, expect, it } from 'vitest';
import { parseLaunchArguments } from '../../../src/main/desktop/launch-arguments';

describe('parseLaunchArguments', () => {
  it('takes folders from a packaged app’s command line, relative to where it was started', () => {
    const argv = ['/opt/Cutline/cutline', 'shoot', '/home/ed/Hot', '--no-sandbox'];
    expect(parseLaunchArguments(argv, '/home/ed/Pictures', 1)).toEqual({
      paths: ['/home/ed/Pictures/shoot', '/home/ed/Hot'],
      catalog: null,
    });
  });

  it('skips the script in development and the "." of `electron .`', () => {
    expect(parseLaunchArguments(['electron', '.', '/p/a'], '/w', 1).paths).toEqual(['/p/a']);
    expect(parseLaunchArguments(['electron', 'out/main/index.js', '/p'], '/w', 2).paths).toEqual([
      '/p',
    ]);
  });

  it('reads --catalog in both spellings', () => {
    expect(parseLaunchArguments(['app', '--catalog', 'c.sqlite'], '/w', 1).catalog).toBe(
      '/w/c.sqlite',
    );
    expect(parseLaunchArguments(['app', '--catalog=/d/c.sqlite', '/p'], '/w', 1)).toEqual({
      paths: ['/p'],
      catalog: '/d/c.sqlite',
    });
  });

  it('ignores Chromium switches and takes everything after -- as a path', () => {
    const argv = ['app', '--enable-logging', '--js-flags=--expose-gc', '--', '-odd-name'];
    expect(parseLaunchArguments(argv, '/w', 1).paths).toEqual(['/w/-odd-name']);
  });
});
