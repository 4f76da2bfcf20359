import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import electron from 'vite-plugin-electron/simple';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const projectRoot = fileURLToPath(new URL('.', import.meta.url));

/**
 * One build for the whole app:
 * - the renderer (renderer/ -> dist/renderer), served by Electron and by browser mode;
 * - the main process and the browser-mode server (electron/main.ts, electron/web.ts -> dist-electron/*.js, ESM);
 * - the preload (electron/preload.ts -> dist-electron/preload.cjs), one CommonJS file because it runs sandboxed.
 * Libraries are bundled in, so the packaged app needs no node_modules.
 * The Electron builds get the project root as their root: they would inherit `root: 'renderer'` otherwise.
 */
export default defineConfig(({ command }) => {
  // The Electron outputs share dist-electron/, which their builds do not empty:
  // start clean so that stale chunks are never served or packaged.
  if (command === 'build') rmSync(`${projectRoot}/dist-electron`, { recursive: true, force: true });
  return {
    root: 'renderer',
    base: './',
    plugins: [
      react(),
      electron({
        main: {
          entry: { main: 'electron/main.ts', web: 'electron/web.ts' },
          vite: { root: projectRoot, build: { outDir: 'dist-electron', emptyOutDir: false, sourcemap: true } },
        },
        preload: {
          input: 'electron/preload.ts',
          vite: {
            root: projectRoot,
            // The plugin names CommonJS output .mjs in a "type": "module" package; a sandboxed preload must be .cjs.
            build: { outDir: 'dist-electron', emptyOutDir: false, rolldownOptions: { output: { entryFileNames: '[name].cjs' } } },
          },
        },
      }),
    ],
    build: { outDir: '../dist/renderer', emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  };
});
