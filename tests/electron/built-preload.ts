import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';

/** The preload as the app ships it: one CommonJS file bundled by `npm run build`. */
export const BUILT_PRELOAD = fileURLToPath(new URL('../../dist-electron/preload.cjs', import.meta.url));

export interface PreloadRun {
  /** Every module the preload required. */
  required: string[];
  /** Every member of the `electron` module it read. */
  electronMembers: string[];
  /** Every member of ipcRenderer it read. */
  ipcMembers: string[];
  exposed: Array<{ key: string; api: unknown }>;
  invokes: unknown[][];
}

/**
 * Runs the built preload in a bare V8 context (no Node globals: no process, no Buffer), with a
 * recording stand-in for `require('electron')`. What the page could ever see is what it passes
 * to contextBridge.exposeInMainWorld. `answer` is what ipcRenderer.invoke resolves to.
 */
export function runBuiltPreload(answer: unknown = { ok: true, data: null }): PreloadRun {
  if (!existsSync(BUILT_PRELOAD)) throw new Error(`${BUILT_PRELOAD} is missing: run \`npm run build\` first.`);
  const run: PreloadRun = { required: [], electronMembers: [], ipcMembers: [], exposed: [], invokes: [] };
  const ipcRenderer = new Proxy(
    {
      invoke: (...args: unknown[]) => {
        run.invokes.push(args);
        return Promise.resolve(answer);
      },
    },
    {
      get(target, key, receiver) {
        run.ipcMembers.push(String(key));
        return Reflect.get(target, key, receiver);
      },
    },
  );
  const contextBridge = {
    exposeInMainWorld: (key: string, api: unknown) => {
      run.exposed.push({ key, api });
    },
  };
  const electron = new Proxy(
    { contextBridge, ipcRenderer },
    {
      get(target, key, receiver) {
        run.electronMembers.push(String(key));
        return Reflect.get(target, key, receiver);
      },
    },
  );
  const require = (name: string) => {
    run.required.push(name);
    if (name !== 'electron') throw new Error(`the preload required ${name}`);
    return electron;
  };
  const module = { exports: {} };
  vm.runInNewContext(readFileSync(BUILT_PRELOAD, 'utf8'), { require, module, exports: module.exports }, { filename: BUILT_PRELOAD });
  return run;
}
