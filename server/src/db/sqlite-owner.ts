/**
 * One process owns a SQLite file: `<file>.owner` holds the owner's pid and host, created exclusively (O_EXCL). A
 * second server process on the same file refuses to start with a message naming the owner. A lock left by a
 * process that died (kill -9, power loss) is taken over: its pid no longer runs on this host.
 * (Several processes need PostgreSQL: PANTAU_DATABASE_URL + PANTAU_WORKERS.)
 */
import fs from 'node:fs';
import os from 'node:os';

export class SqliteOwnedError extends Error {}

interface Owner {
  pid: number;
  host: string;
  since: string;
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Takes ownership of `dbFile`; returns a release function. Throws SqliteOwnedError when another process owns it. */
export function claimSqliteFile(dbFile: string): () => void {
  const lock = `${dbFile}.owner`;
  const me: Owner = { pid: process.pid, host: os.hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(lock, JSON.stringify(me), { flag: 'wx', mode: 0o640 });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          if ((JSON.parse(fs.readFileSync(lock, 'utf8')) as Owner).pid === process.pid) fs.rmSync(lock, { force: true });
        } catch {
          /* already gone */
        }
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
    }
    let owner: Owner | null = null;
    try {
      owner = JSON.parse(fs.readFileSync(lock, 'utf8')) as Owner;
    } catch {
      owner = null; // half-written or unreadable: the writer died between create and write
    }
    const foreignHost = owner && owner.host !== me.host;
    if (owner && (owner.pid === process.pid || foreignHost || alive(owner.pid))) {
      throw new SqliteOwnedError(
        `Berkas basis data ${dbFile} sedang dipakai oleh proses lain (pid ${owner.pid} di ${owner.host} sejak ${owner.since}). ` +
          'Satu berkas SQLite hanya boleh dipakai satu proses server; untuk beberapa proses gunakan PostgreSQL ' +
          `(PANTAU_DATABASE_URL, PANTAU_WORKERS). Jika proses itu sudah tidak ada, hapus ${lock}.`,
      );
    }
    fs.rmSync(lock, { force: true }); // stale: its process is gone
  }
  throw new SqliteOwnedError(`Tidak dapat mengambil alih ${lock}`);
}
