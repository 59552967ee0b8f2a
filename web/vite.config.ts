import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { pwa } from './build/pwa';
import { precompress } from './build/precompress';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [react(), pwa(), precompress()],
  build: {
    outDir: process.env.JANGKAU_WEB_OUT ?? fileURLToPath(new URL('./dist', import.meta.url)),
    emptyOutDir: true,
    target: 'es2020',
    // JANGKAU_SOURCEMAP=1 maps a profile of the built page back to the sources (see bench/RESULTS.md).
    sourcemap: process.env.JANGKAU_SOURCEMAP === '1',
  },
  server: {
    proxy: { '/api': 'http://localhost:8787' },
  },
});
