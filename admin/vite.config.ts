import { fileURLToPath, URL } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const sharedSrc = fileURLToPath(new URL('../shared/src/index.ts', import.meta.url));
const backend = process.env.PANTAU_API ?? 'http://127.0.0.1:3000';

// The browser runs the same scoring code as the server: @pantau/shared is compiled from source, not from dist.
// base './': relative asset addresses, so one build serves under any PANTAU_BASE_PATH (the server makes index.html's
// addresses absolute under the base path and tells the SPA the base in <meta name="pantau-base">).
export default defineConfig({
  base: './',
  plugins: [vue()],
  resolve: {
    alias: [
      { find: /^@pantau\/shared$/, replacement: sharedSrc },
      { find: /^@\//, replacement: fileURLToPath(new URL('./src/', import.meta.url)) },
    ],
  },
  server: {
    port: 5173,
    proxy: {
      '/graphql': { target: backend, changeOrigin: true },
      '/api': { target: backend, changeOrigin: true },
      '/health': { target: backend, changeOrigin: true },
    },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    reportCompressedSize: true,
    // scripts/bundle-size.mjs reads the manifest to sum each route's first-load chunks
    manifest: true,
    chunkSizeWarningLimit: 900,
  },
});
