import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { formioOfflineAssets } from './build/formio-offline-assets.ts';

const designerRoot = fileURLToPath(new URL('.', import.meta.url));
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

export default defineConfig({
  root: designerRoot,
  base: '/',
  plugins: [svelte(), formioOfflineAssets()],
  // some of Form.io's CommonJS dependencies expect Node's `global`
  define: { global: 'globalThis' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The modeler and Form.io chunks are large by nature and load on demand.
    chunkSizeWarningLimit: 4096
  },
  server: {
    // element templates live in processes/, outside the designer root
    fs: { allow: [repoRoot] },
    proxy: { '/api': 'http://127.0.0.1:3000' }
  }
});
