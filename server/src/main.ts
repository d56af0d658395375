/**
 * `npm start`: PANTAU_WORKERS processes (default 1) on one port (PANTAU_HOST:PANTAU_PORT), data in PANTAU_DATA_DIR
 * or PANTAU_DATABASE_URL. With PANTAU_WORKERS > 1 (PostgreSQL only) this process is the node:cluster primary: it
 * opens no database, forks the workers (they migrate under the database's migration lock), restarts a worker that
 * dies, and prints the address once every worker listens.
 * SIGTERM/SIGINT: graceful stop (requests in flight get PANTAU_SHUTDOWN_SECONDS to finish), then exit 0; the
 * primary passes the signal on to its workers and exits when they have.
 */
import 'reflect-metadata';
import cluster, { type Worker } from 'node:cluster';
import { ConfigError, loadConfig, type AppConfig } from './config';
import { createApp } from './app';

async function serve(config: AppConfig) {
  const handle = await createApp(config);
  const data = config.databaseUrl ? 'PostgreSQL' : config.dataDir;
  if (cluster.isWorker) console.log(`pekerja ${process.env.PANTAU_WORKER_INDEX ?? '?'} siap (pid ${process.pid})`);
  else console.log(`Pantau ZI berjalan di ${handle.url} (pid ${process.pid}, data: ${data})`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: menghentikan server (permintaan yang berjalan diberi ${config.shutdownSeconds} detik)…`);
    // a stuck close never keeps the process alive
    setTimeout(() => process.exit(1), (config.shutdownSeconds + 10) * 1000).unref();
    await handle.shutdown(config.shutdownSeconds * 1000);
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

/** The cluster primary: N workers, restarted when one dies; a worker failing before it listens stops everything. */
function primary(config: AppConfig) {
  const n = config.workers;
  const index = new Map<Worker, number>();
  const listening = new Set<number>();
  let stopping = false;
  let announced = false;
  let exitCode = 0;

  const fork = (i: number) => {
    // the notification scheduler is safe in several processes, but one is enough
    const env: Record<string, string> = { PANTAU_WORKER_INDEX: String(i) };
    if (i > 1) env.PANTAU_SCHEDULER_INTERVAL_SECONDS = '0';
    const w = cluster.fork(env);
    index.set(w, i);
    w.on('listening', (addr) => {
      listening.add(i);
      if (!announced && listening.size === n) {
        announced = true;
        const host = addr.address?.includes(':') ? `[${addr.address}]` : (addr.address ?? config.host);
        console.log(`Pantau ZI berjalan di http://${host}:${addr.port}${config.basePath} (pid ${process.pid}, ${n} proses pekerja, data: PostgreSQL)`);
      }
    });
  };

  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: menghentikan ${index.size} proses pekerja…`);
    for (const w of index.keys()) w.process.kill('SIGTERM');
    setTimeout(() => process.exit(1), (config.shutdownSeconds + 15) * 1000).unref();
    if (index.size === 0) process.exit(exitCode);
  };

  cluster.on('exit', (w, code, signal) => {
    const i = index.get(w) ?? 0;
    index.delete(w);
    const wasListening = listening.delete(i);
    if (stopping) {
      if (code !== 0) exitCode = 1;
      if (index.size === 0) process.exit(exitCode);
      return;
    }
    if (!wasListening || !announced) {
      // a worker that could not start (bad database URL, port taken): the others would fail alike
      console.error(`pekerja ${i} berhenti sebelum siap (kode ${code ?? signal}); server dihentikan`);
      exitCode = 1;
      stop('SIGTERM');
      return;
    }
    console.error(`pekerja ${i} (pid ${w.process.pid}) berhenti tiba-tiba (kode ${code ?? signal}); dijalankan ulang`);
    setTimeout(() => !stopping && fork(i), 500);
  });

  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
  for (let i = 1; i <= n; i++) fork(i);
}

async function main() {
  const config = loadConfig();
  if (config.workers > 1 && cluster.isPrimary) return primary(config);
  await serve(config);
}

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : `Gagal menjalankan server: ${e instanceof Error ? e.message : e}`);
  process.exit(e instanceof ConfigError ? 2 : 1);
});
