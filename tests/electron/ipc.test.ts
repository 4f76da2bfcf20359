import { describe, expect, it, vi } from 'vitest';
import type { Envelope } from '../../shared/errors';
import { createDispatcher, type Handlers } from '../../electron/dispatcher';
import { isTrustedFrame } from '../../electron/security';
import { operationNames } from '../../shared/contract';
import { IPC_CHANNEL, registerIpcTransport, type InvokeEvent, type IpcMainLike } from '../../electron/transport/ipc';

type Listener = (event: InvokeEvent, ...args: unknown[]) => Promise<Envelope<unknown>>;

function fakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  const invoke = (event: InvokeEvent, ...args: unknown[]) => {
    const handler = handlers.get(IPC_CHANNEL);
    if (!handler) throw new Error('no handler');
    return handler(event, ...args);
  };
  return { ipcMain, handlers, invoke };
}

const appFrame: InvokeEvent = { senderFrame: { url: 'app://kundenkreis/index.html', parent: null } };

function setup(dispatchImpl?: (operation: string, input: unknown) => Promise<Envelope<unknown>>) {
  const fake = fakeIpcMain();
  const dispatch = vi.fn(dispatchImpl ?? (async (operation: string) => ({ ok: true as const, data: { operation } })));
  const remove = registerIpcTransport(fake.ipcMain, dispatch, isTrustedFrame);
  return { ...fake, dispatch, remove };
}

describe('IPC transport', () => {
  it('uses the one shared channel', () => {
    expect(IPC_CHANNEL).toBe('kundenkreis:call');
    const { handlers } = setup();
    expect([...handlers.keys()]).toEqual([IPC_CHANNEL]);
  });

  it('hands calls from the app page to the dispatcher and returns its envelope', async () => {
    const { invoke, dispatch } = setup(async () => ({ ok: true, data: { state: 'ready' } }));
    await expect(invoke(appFrame, 'app.status', {})).resolves.toEqual({ ok: true, data: { state: 'ready' } });
    expect(dispatch).toHaveBeenCalledWith('app.status', {});
  });

  it('passes error envelopes through unchanged', async () => {
    const envelope: Envelope<unknown> = { ok: false, error: { code: 'NOT_FOUND', message: 'errors.notFound' } };
    const { invoke } = setup(async () => envelope);
    await expect(invoke(appFrame, 'contacts.get', { id: 'x' })).resolves.toEqual(envelope);
  });

  it.each([
    ['a foreign page', { senderFrame: { url: 'https://evil.example/', parent: null } }],
    ['a file: page', { senderFrame: { url: 'file:///tmp/evil.html', parent: null } }],
    ['browser mode', { senderFrame: { url: 'http://127.0.0.1:4317/', parent: null } }],
    ['a subframe of the app', { senderFrame: { url: 'app://kundenkreis/index.html', parent: { url: 'app://kundenkreis/' } } }],
    ['a vanished frame', { senderFrame: null }],
  ])('answers FORBIDDEN to %s without dispatching', async (_name, event) => {
    const { invoke, dispatch } = setup();
    await expect(invoke(event as InvokeEvent, 'app.status', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers FORBIDDEN when reading the sender frame throws', async () => {
    const { invoke, dispatch } = setup();
    const event = {
      get senderFrame(): never {
        throw new Error('Render frame was disposed before WebFrameMain could be accessed');
      },
    };
    await expect(invoke(event, 'app.status', {})).resolves.toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it.each([[42], [null], [undefined], [{ name: 'app.status' }], [''], ['x'.repeat(201)]])(
    'answers VALIDATION to the operation %j',
    async (operation) => {
      const { invoke, dispatch } = setup();
      await expect(invoke(appFrame, operation, {})).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
      expect(dispatch).not.toHaveBeenCalled();
    },
  );

  it('runs no handler for odd operations from the app page', async () => {
    const handlers = Object.fromEntries(operationNames.map((name) => [name, vi.fn(() => ({}))])) as unknown as Handlers & Record<string, ReturnType<typeof vi.fn>>;
    const { invoke } = setup(createDispatcher(handlers));
    for (const operation of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', '../contacts.list', 'contacts.list\u0000', 'CONTACTS.LIST']) {
      await expect(invoke(appFrame, operation, {}), operation).resolves.toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
    for (const operation of [new String('app.status'), ['app.status'], { toString: () => 'app.status' }]) {
      await expect(invoke(appFrame, operation, {})).resolves.toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    }
    for (const name of operationNames) expect(handlers[name]).not.toHaveBeenCalled();
  });

  it('turns a throwing dispatcher into INTERNAL instead of a rejected invoke', async () => {
    const { invoke } = setup(async () => {
      throw new Error('boom with /home/user/secret path');
    });
    const answer = await invoke(appFrame, 'app.status', {});
    expect(answer).toEqual({ ok: false, error: { code: 'INTERNAL', message: 'errors.internal' } });
  });

  it('removes its handler on request', () => {
    const { handlers, remove } = setup();
    remove();
    expect(handlers.size).toBe(0);
  });
});
