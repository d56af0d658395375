/**
 * `npm start`: one process, one port (PANTAU_HOST:PANTAU_PORT), data in PANTAU_DATA_DIR or PANTAU_DATABASE_URL.
 * SIGTERM/SIGINT: graceful stop (requests in flight get PANTAU_SHUTDOWN_SECONDS to finish), then exit 0.
 */
import 'reflect-metadata';
import { ConfigError, loadConfig } from './config';
import { createApp } from './app';

async function main() {
  const config = loadConfig();
  const handle = await createApp(config);
  console.log(`Pantau ZI berjalan di ${handle.url} (pid ${process.pid}, data: ${config.databaseUrl ? 'PostgreSQL' : config.dataDir})`);
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

main().catch((e) => {
  console.error(e instanceof ConfigError ? e.message : `Gagal menjalankan server: ${e instanceof Error ? e.message : e}`);
  process.exit(e instanceof ConfigError ? 2 : 1);
});
