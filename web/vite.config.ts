import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const webRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));
const apiServer = process.env.KEDJAN_API_URL ?? 'http://localhost:3000';

// `npx vite build --config web/vite.config.ts` → dist/web (served by the server with SPA fallback).
// `npx vite --config web/vite.config.ts` → dev server, /api and /auth proxied to the API server.
export default defineConfig({
  root: webRoot,
  plugins: [react()],
  build: {
    outDir: '../dist/web',
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    port: 5173,
    // The app imports the message catalogue from ../src/i18n.
    fs: { allow: [repoRoot] },
    proxy: {
      '/api': { target: apiServer, changeOrigin: false },
      '/auth': { target: apiServer, changeOrigin: false },
      '/health': { target: apiServer },
      '/ready': { target: apiServer },
    },
  },
});
