import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const source = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// The typed client is compiled from its TypeScript source, so the dashboard never waits
// for (or drifts from) a build of libs/api-client.
export default defineConfig({
  plugins: [react()],
  resolve: { alias: { '@rewardgraph/api-client': source('../libs/api-client/src/index.ts') } },
  build: {
    outDir: 'dist',
    sourcemap: true,
    // scripts/bundle-budget.mjs reads which chunks the first page load needs.
    manifest: true,
    // The budget that matters is checked by scripts/bundle-budget.mjs, gzipped.
    chunkSizeWarningLimit: 1_000,
  },
  server: { host: '127.0.0.1', port: 5173, strictPort: true },
});
