import { describe, expect, it } from 'vitest';
import { isInsideFolder, pathRefusal } from '../../../src/main/security/folder-access';

describe('isInsideFolder', () => {
  it('accepts the folder itself and anything beneath it', () => {
    expect(isInsideFolder('/photos/shoot', '/photos/shoot', 'posix')).toBe(true);
    expect(isInsideFolder('/photos/shoot/a/b.jpg', '/photos/shoot/', 'posix')).toBe(true);
    expect(isInsideFolder('/photos/shoot/..hidden', '/photos/shoot', 'posix')).toBe(true);
  });

  it('refuses siblings that share a prefix, parents and escapes with ..', () => {
    expect(isInsideFolder('/photos/shoot2/a.jpg', '/photos/shoot', 'posix')).toBe(false);
    expect(isInsideFolder('/photos', '/photos/shoot', 'posix')).toBe(false);
    expect(isInsideFolder('/photos/shoot/../../etc/passwd', '/photos/shoot', 'posix')).toBe(false);
  });

  it('compares names without case on Windows and macOS, with case elsewhere', () => {
    expect(isInsideFolder('C:\\Photos\\Shoot\\a.jpg', 'c:\\photos\\shoot', 'win32')).toBe(true);
    expect(isInsideFolder('D:\\Photos\\a.jpg', 'C:\\Photos', 'win32')).toBe(false);
    expect(isInsideFolder('/Users/Ed/PHOTOS/a.jpg', '/Users/ed/photos', 'darwin')).toBe(true);
    expect(isInsideFolder('/home/ed/PHOTOS/a.jpg', '/home/ed/photos', 'posix')).toBe(false);
  });
});

describe('pathRefusal', () => {
  const allowed = ['/photos/shoot', '/exports'];

  it('allows paths inside an allowed folder', () => {
    expect(pathRefusal('/photos/shoot/IMG_1.JPG', allowed, 'posix')).toBeNull();
    expect(pathRefusal('/exports/sheet.csv', allowed, 'posix')).toBeNull();
  });

  it('says why it refuses a path', () => {
    expect(pathRefusal('/etc/passwd', allowed, 'posix')).toMatch(/outside the folders/);
    expect(pathRefusal('photos/shoot/a.jpg', allowed, 'posix')).toMatch(/not an absolute path/);
    expect(pathRefusal('/photos/shoot/a\0.jpg', allowed, 'posix')).toMatch(/NUL/);
    expect(pathRefusal('/anything', [], 'posix')).toMatch(/outside the folders/);
  });
});
