import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const fromHere = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** The court's workbench for clerks and task handlers, built into the court node's output. */
export default defineConfig({
  root: fromHere('.'),
  base: './',
  plugins: [preact()],
  resolve: {
    alias: {
      '@enforcement-link/web': fromHere('../../../libs/web/src'),
      '@enforcement-link/protocol': fromHere('../../../libs/protocol/src'),
    },
  },
  build: { outDir: fromHere('../../../dist/apps/court-node/web'), emptyOutDir: true },
  server: { proxy: { '/api': 'http://127.0.0.1:3001' } },
});
