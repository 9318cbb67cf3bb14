import fs from 'node:fs';

/**
 * A failing disk under a folder, at the file-system calls the embedded database (PGlite) makes, for the tests of
 * what the API does when the disk refuses a write. Chosen over a real small file system because mounting one needs
 * privileges the test machines do not all have. Only files opened under `dir` after this call are affected; call
 * `restore()` when done.
 *
 * - `fill()`: the disk is full. A write that needs room the file does not have yet fails with ENOSPC, as Node's fs
 *   does on a full disk; overwriting room already allocated still works, as it does there (PostgreSQL's WAL
 *   segments are allocated ahead, so what fails first is a table or index growing: 53100 "could not extend file").
 * - `breakDown()`: every write fails with EIO, the WAL's too (PostgreSQL PANICs).
 * - `recover()`: writes work again.
 */
export function failingDiskUnder(dir: string) {
  const real = { openSync: fs.openSync, closeSync: fs.closeSync, writeSync: fs.writeSync };
  const filesUnderDir = new Set<number>();
  let state: 'ok' | 'full' | 'broken' = 'ok';
  let refusedWrites = 0;
  const patched = fs as { -readonly [name in keyof typeof real]: (typeof real)[name] };
  patched.openSync = ((path: fs.PathLike, ...rest: unknown[]) => {
    const fd = (real.openSync as (...args: unknown[]) => number)(path, ...rest);
    if (String(path).startsWith(dir)) filesUnderDir.add(fd);
    return fd;
  }) as typeof fs.openSync;
  patched.closeSync = ((fd: number) => {
    filesUnderDir.delete(fd);
    real.closeSync(fd);
  }) as typeof fs.closeSync;
  patched.writeSync = ((fd: number, buffer: NodeJS.ArrayBufferView, offset?: number, length?: number, position?: number | null) => {
    if (filesUnderDir.has(fd) && state !== 'ok') {
      const grows = position === null || position === undefined || position + (length ?? buffer.byteLength) > fs.fstatSync(fd).size;
      if (state === 'broken') throw refusal('EIO', -5, 'i/o error');
      if (grows) throw refusal('ENOSPC', -28, 'no space left on device');
    }
    return (real.writeSync as (...args: unknown[]) => number)(fd, buffer, offset, length, position);
  }) as typeof fs.writeSync;

  function refusal(code: string, errno: number, text: string): Error {
    refusedWrites++;
    return Object.assign(new Error(`${code}: ${text}, write`), { code, errno, syscall: 'write' });
  }

  return {
    fill: () => void (state = 'full'),
    breakDown: () => void (state = 'broken'),
    recover: () => void (state = 'ok'),
    /** How many writes were refused so far: proof the failure was hit. */
    get refusedWrites() {
      return refusedWrites;
    },
    restore: () => Object.assign(fs, real),
  };
}
