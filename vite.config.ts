import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import electron from 'vite-plugin-electron/simple';

/**
 * One build for the whole app:
 * - the renderer (renderer/ -> dist/renderer), served by Electron and by browser mode;
 * - the main process and the browser-mode server (electron/main.ts, electron/web.ts -> dist-electron/*.js, ESM);
 * - the preload (electron/preload.ts -> dist-electron/preload.cjs), one CommonJS file because it runs sandboxed.
 * Libraries are bundled in, so the packaged app needs no node_modules.
 */
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [
    react(),
    electron({
      main: {
        entry: { main: 'electron/main.ts', web: 'electron/web.ts' },
        vite: { build: { outDir: 'dist-electron', emptyOutDir: false, sourcemap: true } },
      },
      preload: {
        input: 'electron/preload.ts',
        vite: { build: { outDir: 'dist-electron', emptyOutDir: false } },
      },
    }),
  ],
  build: { outDir: '../dist/renderer', emptyOutDir: true },
});
