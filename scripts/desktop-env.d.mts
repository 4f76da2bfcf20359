// Types for scripts/desktop-env.mjs (plain ESM, used by npm start and the Electron tests).
export declare const PRODUCT_NAME: string;
export declare const DEFAULT_WEB_PORT: number;

export type ElectronLookup =
  | { available: true; path: string }
  | { available: false; reason: 'package-missing' | 'binary-missing'; detail: string };

export declare function findElectron(projectRoot: string): ElectronLookup;

export interface EnvOptions {
  platform?: NodeJS.Platform;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

export declare function hasDisplay(options?: Omit<EnvOptions, 'home'>): boolean;
export declare function chooseLaunch(
  electron: { available: boolean; reason?: string },
  display: boolean,
): { mode: 'desktop' } | { mode: 'browser'; why: string };
export declare function defaultUserDataDir(options?: EnvOptions): string;
export declare function defaultDataDir(options?: EnvOptions): string;
export declare function findFreePort(preferred?: number, options?: { host?: string; attempts?: number }): Promise<number>;
