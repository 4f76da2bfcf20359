import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createRequire, syncBuiltinESMExports } from 'node:module';
import { open, readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import type { FileHandle } from 'node:fs/promises';

/** The calls through which the store writes; a fault names one of them. */
export type Syscall = 'open' | 'write' | 'fsync' | 'rename' | 'mkdir' | 'copy';
export type FaultCode = 'ENOSPC' | 'EROFS' | 'EACCES' | 'EIO';

interface Fault {
  code: FaultCode;
  syscalls: Syscall[];
  /** Which paths fail (absolute); default every path. */
  where: (path: string) => boolean;
  /** How many matching calls still succeed before the fault strikes. */
  after: number;
}

const messages: Record<FaultCode, string> = {
  ENOSPC: 'no space left on device',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EIO: 'i/o error',
};

/** An error as Node's file system raises it (code, errno, syscall, path). */
export function errnoError(code: FaultCode, syscall: string, path: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: ${messages[code]}, ${syscall} '${path}'`), { code, syscall, path, errno: -1 });
}

/**
 * A disk that fails on demand, injected where the store meets the file system:
 * node:fs/promises' open, rename, mkdir and cp (live ES-module bindings of a
 * built-in follow its CommonJS exports after syncBuiltinESMExports) and the
 * FileHandle's writeFile and sync (reached through a real handle's
 * prototype). Works as root too, where chmod cannot make a folder read-only.
 * A failing write writes part of the data first, as a full disk does.
 */
export async function installFaultyDisk() {
  const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');
  const promises = fs.promises as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>;
  const probe = await open(import.meta.filename, 'r');
  const handlePrototype = Object.getPrototypeOf(probe) as FileHandle;
  await probe.close();

  let faults: Fault[] = [];
  /** The calls that failed, to prove a test hit what it meant to. */
  let failures: { code: FaultCode; syscall: Syscall; path: string }[] = [];
  const pathsOfHandles = new WeakMap<object, string>();
  const check = (syscall: Syscall, path: string) => {
    const fault = faults.find((candidate) => candidate.syscalls.includes(syscall) && candidate.where(path));
    if (!fault || fault.after-- > 0) return;
    failures.push({ code: fault.code, syscall, path });
    throw errnoError(fault.code, syscall, path);
  };

  const originals = { open: promises.open!, rename: promises.rename!, mkdir: promises.mkdir!, cp: promises.cp! };
  const { writeFile, sync } = handlePrototype;
  promises.open = async (...args: unknown[]) => {
    const [path, flags = 'r'] = args as [string, string | number];
    if (typeof flags !== 'string' || /[wa+]/.test(flags)) check('open', String(path));
    const handle = (await originals.open(...args)) as object;
    pathsOfHandles.set(handle, String(path));
    return handle;
  };
  promises.rename = async (...args: unknown[]) => {
    check('rename', String(args[1]));
    return originals.rename(...args);
  };
  promises.mkdir = async (...args: unknown[]) => {
    // mkdir -p of a folder that exists succeeds on a read-only file system too.
    if (!existsSync(String(args[0]))) check('mkdir', String(args[0]));
    return originals.mkdir(...args);
  };
  promises.cp = async (...args: unknown[]) => {
    const [source, destination, options = {}] = args as [string, string, { filter?: (source: string, destination: string) => boolean | Promise<boolean> }];
    // Copies entry by entry through the filter: the fault strikes after the copy has begun.
    const filter = async (from: string, to: string) => {
      if (from !== source) check('copy', to);
      return options.filter ? options.filter(from, to) : true;
    };
    return originals.cp(source, destination, { ...options, filter });
  };
  handlePrototype.writeFile = async function (this: FileHandle, data: string | Uint8Array, ...rest: unknown[]) {
    const path = pathsOfHandles.get(this) ?? '';
    try {
      check('write', path);
    } catch (error) {
      const bytes = typeof data === 'string' ? Buffer.from(data) : data;
      await writeFile.call(this, bytes.subarray(0, Math.floor(bytes.length / 2)));
      throw error;
    }
    return writeFile.call(this, data, ...(rest as []));
  } as FileHandle['writeFile'];
  handlePrototype.sync = async function (this: FileHandle) {
    check('fsync', pathsOfHandles.get(this) ?? '');
    return sync.call(this);
  };
  syncBuiltinESMExports();

  return {
    /** From now on (after `after` more successful calls), `syscalls` on paths `where` matches fail with `code`. */
    fail(code: FaultCode, syscalls: Syscall[], where: (path: string) => boolean = () => true, after = 0) {
      faults.push({ code, syscalls, where, after });
    },
    /** The fault is gone (space freed, folder writable again). */
    heal() {
      faults = [];
    },
    /** The calls that failed since the last `reset`. */
    failures: () => failures,
    reset() {
      faults = [];
      failures = [];
    },
    uninstall() {
      Object.assign(promises, originals);
      handlePrototype.writeFile = writeFile;
      handlePrototype.sync = sync;
      syncBuiltinESMExports();
    },
  };
}

/**
 * Every directory and file under `dir` (the lock aside) with a hash of its
 * bytes, sorted: equal snapshots mean the folder did not change at all.
 */
export async function folderSnapshot(dir: string): Promise<string[]> {
  const entries: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    const path = join(entry.parentPath, entry.name);
    const name = relative(dir, path);
    if (name.startsWith('.lock')) continue;
    entries.push(entry.isFile() ? `${name} ${createHash('sha256').update(await readFile(path)).digest('hex')}` : `${name}/`);
  }
  return entries.sort();
}
