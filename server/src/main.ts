/** `npm start`: one process, one port (PANTAU_HOST:PANTAU_PORT), data in PANTAU_DATA_DIR. */
import 'reflect-metadata';
import { loadConfig } from './config';
import { createApp } from './app';

async function main() {
  const config = loadConfig();
  const handle = await createApp(config);
  console.log(`Pantau ZI berjalan di ${handle.url} (data: ${config.dataDir})`);
  const stop = async (signal: string) => {
    console.log(`${signal}: menghentikan server…`);
    await handle.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((e) => {
  console.error('Gagal menjalankan server:', e instanceof Error ? e.message : e);
  process.exit(1);
});
