import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * Replace `target` so that a crash at any moment leaves either the old or the new content, never a mix:
 * write a temp file in the same directory, fsync it, rename it over the target, fsync the directory.
 * When `backup` is given, the current target is first copied there the same way (temp, fsync, rename),
 * so `<name>.bak` always holds a whole previous version.
 */
export async function writeFileAtomic(target: string, content: string, backup?: string): Promise<void> {
  const dir = path.dirname(target);
  if (backup) {
    const previous = await readIfExists(target);
    if (previous !== null) await replaceWith(backup, previous);
  }
  await replaceWith(target, content);
  await fsyncDir(dir);
}

/** Temp files are named `.<base>.<pid>.<random>.tmp` so a later writer can sweep what a crash left behind. */
export function isTempFile(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

async function replaceWith(target: string, content: string | Buffer): Promise<void> {
  const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (err) {
    // A full disk fails here: leave no half-written temp file behind.
    await handle.close().catch(() => {});
    await fs.rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
}

async function readIfExists(file: string): Promise<Buffer | null> {
  try {
    return await fs.readFile(file);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
}

/** Make the rename itself durable. Windows cannot open a directory for fsync; there rename is already journaled. */
async function fsyncDir(dir: string): Promise<void> {
  let handle: fs.FileHandle | null = null;
  try {
    handle = await fs.open(dir, 'r');
    await handle.sync();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM' && code !== 'EINVAL' && code !== 'EACCES') throw err;
  } finally {
    await handle?.close();
  }
}
