import { describe, expect, it } from 'vitest';
import { IPC_CHANNEL } from '../../electron/transport/channel';
import { runBuiltPreload } from './built-preload';

/**
 * Electron security checklist #20, "Do not expose Electron APIs to untrusted web content": the
 * built preload hands the page one frozen object with one function, which forwards an operation
 * and its input over the one IPC channel, and nothing else: no ipcRenderer, no require, no
 * process, no event objects.
 */
describe('the built preload', () => {
  it('requires nothing but electron, and on loading uses only contextBridge', () => {
    const run = runBuiltPreload();
    expect(run.required).toEqual(['electron']);
    expect(new Set(run.electronMembers)).toEqual(new Set(['contextBridge']));
    expect(run.ipcMembers).toEqual([]);
  });

  it('exposes exactly one frozen object, window.kundenkreis, whose only key is call', () => {
    const { exposed } = runBuiltPreload();
    expect(exposed).toHaveLength(1);
    const [{ key, api }] = exposed as [{ key: string; api: Record<string, unknown> }];
    expect(key).toBe('kundenkreis');
    expect(Object.isFrozen(api)).toBe(true);
    expect(Reflect.ownKeys(api)).toEqual(['call']);
    expect(api.call).toBeTypeOf('function');
    // Frozen: the page cannot swap the function or add a way around it.
    expect(Reflect.set(api, 'call', () => 'replaced')).toBe(false);
    expect(Reflect.set(api, 'ipcRenderer', {})).toBe(false);
  });

  it('forwards the operation and its input over the one channel and answers the envelope, nothing more', async () => {
    const envelope = { ok: true, data: { items: [], total: 0 } };
    const run = runBuiltPreload(envelope);
    const api = run.exposed[0]!.api as { call: (...args: unknown[]) => Promise<unknown> };
    const input = { query: 'Meier' };
    // Extra arguments (here something posing as a sender or callback) are not passed on.
    await expect(api.call('contacts.list', input, 'extra', () => undefined)).resolves.toBe(envelope);
    expect(run.invokes).toEqual([[IPC_CHANNEL, 'contacts.list', input]]);
    expect(new Set(run.electronMembers)).toEqual(new Set(['contextBridge', 'ipcRenderer']));
    expect(run.ipcMembers).toEqual(['invoke']);
  });
});
