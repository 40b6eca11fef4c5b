// PGlite takes no lock on its folder, and two processes opening one folder corrupt it
// (electric-sql/pglite#1106), so Hearth holds its own lock file while the folder is open.
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join, resolve } from 'node:path';

export class DataDirLockedError extends Error {}

/** Lock files this process holds: its own pid in a lock file is only stale if it is not in here. */
const held = new Set<string>();

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes the lock or throws DataDirLockedError naming the holder. Returns a release function. */
export function lockDataDir(dir: string): () => void {
  const path = join(resolve(dir), 'hearth.lock');
  if (held.has(path)) {
    throw new DataDirLockedError(`This process (pid ${process.pid}) already has the database in ${dir} open.`);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, String(process.pid));
      closeSync(fd);
      held.add(path);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        held.delete(path);
        try { unlinkSync(path); } catch { /* already gone */ }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isFinite(holder) && holder !== process.pid && alive(holder)) {
        throw new DataDirLockedError(
          `Another Hearth process (pid ${holder}) has the database in ${dir} open. ` +
          'Stop it first: the embedded database allows one process at a time (use PostgreSQL via DATABASE_URL for more).',
        );
      }
      unlinkSync(path); // stale lock from a process that died
    }
  }
  throw new DataDirLockedError(`Could not lock ${dir}`);
}
