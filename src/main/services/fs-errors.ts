/** Plain words for the file-system errors people meet, instead of errno names. */
const REASONS: Record<string, string> = {
  ENOENT: 'file or folder not found',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'symbolic link loop',
  ENOTDIR: 'a part of the path is not a folder',
  EISDIR: 'is a folder, not a file',
  EMFILE: 'too many open files',
  EIO: 'input/output error (disk or network problem)',
  ENOSPC: 'disk full',
  EROFS: 'read-only file system',
  ENAMETOOLONG: 'file name too long',
};

/** A one-line, plain-English reason for an error met while reading files. */
export function describeFsError(error: unknown): string {
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    const reason = REASONS[error.code];
    if (reason) return reason;
  }
  if (error instanceof Error) return error.message;
  return String(error);
}
