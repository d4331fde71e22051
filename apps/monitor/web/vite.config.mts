import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

/** The command centres' dashboard, built into the monitor's output and served by it. */
export default defineConfig({
  root,
  base: './',
  plugins: [preact()],
  resolve: {
    alias: {
      '@enforcement-link/web': fileURLToPath(new URL('../../../libs/web/src', import.meta.url)),
    },
  },
  build: {
    outDir: fileURLToPath(new URL('../../../dist/apps/monitor/web', import.meta.url)),
    emptyOutDir: true,
    chunkSizeWarningLimit: 600,
  },
  server: { proxy: { '/api': 'http://127.0.0.1:3000' } },
});
