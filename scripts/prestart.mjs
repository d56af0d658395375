// `npm start` builds first: shared and server (must succeed), then the admin SPA when it exists
// (admin/index.html). A failing admin build does not stop the API: it is reported, and the previous
// admin/dist (if any) is served.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const run = (cmd) => execSync(cmd, { cwd: root, stdio: 'inherit' });
try {
  run('npm run --silent build -w shared');
  run('npm run --silent build -w server');
} catch {
  console.error('prestart: build shared/server gagal (lihat pesan di atas)');
  process.exit(1);
}
if (existsSync(join(root, 'admin', 'index.html'))) {
  try {
    run('npm run --silent build -w admin');
  } catch {
    console.error(
      existsSync(join(root, 'admin', 'dist', 'index.html'))
        ? 'prestart: build admin gagal; server memakai admin/dist yang lama'
        : 'prestart: build admin gagal; server berjalan tanpa SPA admin',
    );
  }
} else {
  console.log('prestart: admin/index.html belum ada, SPA admin dilewati');
}
