/**
 * The one IPC channel between the preload bridge and the main process.
 * Kept in its own module without imports so the sandboxed preload can bundle it
 * without pulling any Node or main-process code along.
 */
export const IPC_CHANNEL = 'kundenkreis:call';
