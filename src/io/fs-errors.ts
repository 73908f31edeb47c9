/**
 * File-system errors in words. Messages name the file as the user gave it (or relative to the working
 * directory) and never show a bare errno code or an absolute path that the user did not type.
 */

const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EEXIST: 'already exists',
  ENOTEMPTY: 'the directory is not empty',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'the file is too large for the file system',
  EROFS: 'read-only file system',
  EIO: 'input/output error',
  ENAMETOOLONG: 'the file name is too long',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  EBUSY: 'the file is busy',
  ETXTBSY: 'the file is busy',
  EXDEV: 'not on the same file system',
  EPIPE: 'the reading end was closed',
  EAGAIN: 'the resource is temporarily unavailable',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
  EINVAL: 'invalid argument',
};

/** The code of a Node.js system error, if it is one. */
export function errorCode(e: unknown): string | undefined {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Why a file-system call failed, in words (`no space left on the device`). */
export function fsReason(e: unknown): string {
  const code = errorCode(e);
  if (code && REASONS[code]) return REASONS[code];
  // Unknown codes keep their name, in words' company; the message itself carries the absolute path.
  return code ? `system error ${code}` : 'unexpected error';
}
