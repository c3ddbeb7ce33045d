/** What an operating-system error means, in words, without errno codes or syscall names. */
const PLAIN: Record<string, string> = {
  ENOENT: 'no such file or folder',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EISDIR: 'is a folder, not a file',
  ENOTDIR: 'a part of the path is not a folder',
  ELOOP: 'a link that points back to itself (a link loop)',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files',
  ENOSPC: 'no space left on the disk',
  EROFS: 'the file system is read-only',
  EIO: 'input/output error (a damaged disk or file system)',
  ENAMETOOLONG: 'the name is too long',
  EEXIST: 'already exists',
  EBUSY: 'busy (in use by another program)',
  EINVAL: 'cannot be read as a file',
};

/** An error as a person should read it: the plain meaning of an OS error code, else the error's message. */
export function plainError(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | null)?.code;
  if (typeof code === 'string' && code in PLAIN) return PLAIN[code];
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return 'the operating system refused it';
  return err instanceof Error ? err.message : String(err);
}
