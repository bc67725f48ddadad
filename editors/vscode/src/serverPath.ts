// Finds the asyncapi-ls executable: the `asyncapi.server.path` setting first,
// then a binary shipped inside the extension, then PATH. Pure: every access to
// the file system goes through the injected `isFile` so it can be unit-tested.

import * as path from 'node:path';

export const SERVER_NAME = 'asyncapi-ls';

export type ServerSource = 'setting' | 'bundled' | 'path';

export interface ResolveInput {
  /** Value of `asyncapi.server.path` (may be empty). */
  configuredPath?: string;
  /** Root folder of the installed extension. */
  extensionPath: string;
  /** First workspace folder, for relative setting values and ${workspaceFolder}. */
  workspaceFolder?: string;
  /** process.platform */
  platform: string;
  /** process.arch */
  arch: string;
  /** Value of the PATH environment variable. */
  envPath?: string;
  /** Value of PATHEXT (Windows only). */
  envPathExt?: string;
  /** Home directory, for "~" in the setting. */
  homeDir?: string;
  /** True when the given absolute path is an existing regular file. */
  isFile: (p: string) => boolean;
}

export type ResolveResult =
  | { ok: true; command: string; source: ServerSource }
  | { ok: false; message: string; tried: string[] };

function pathApi(platform: string): path.PlatformPath {
  return platform === 'win32' ? path.win32 : path.posix;
}

/** Places inside the extension where a shipped binary may live. */
export function bundledCandidates(extensionPath: string, platform: string, arch: string): string[] {
  const p = pathApi(platform);
  const exe = platform === 'win32' ? `${SERVER_NAME}.exe` : SERVER_NAME;
  return [p.join(extensionPath, 'server', `${platform}-${arch}`, exe), p.join(extensionPath, 'server', exe)];
}

/** Expands ~ and ${workspaceFolder}/${userHome} and makes the result absolute. */
export function expandConfiguredPath(value: string, input: Pick<ResolveInput, 'workspaceFolder' | 'homeDir' | 'platform'>): string {
  const p = pathApi(input.platform);
  let v = value.trim();
  if (input.workspaceFolder) {
    v = v.split('${workspaceFolder}').join(input.workspaceFolder);
  }
  if (input.homeDir) {
    v = v.split('${userHome}').join(input.homeDir);
    if (v === '~' || v.startsWith('~/') || v.startsWith('~\\')) {
      v = p.join(input.homeDir, v.slice(1));
    }
  }
  if (!p.isAbsolute(v) && input.workspaceFolder && (v.includes('/') || v.includes('\\'))) {
    v = p.resolve(input.workspaceFolder, v);
  }
  return v;
}

/** Looks a bare command name up in PATH (and PATHEXT on Windows). */
export function searchPath(name: string, input: Pick<ResolveInput, 'envPath' | 'envPathExt' | 'platform' | 'isFile'>): string | undefined {
  const p = pathApi(input.platform);
  const delimiter = input.platform === 'win32' ? ';' : ':';
  const dirs = (input.envPath ?? '').split(delimiter).filter((d) => d !== '');
  let exts = [''];
  if (input.platform === 'win32') {
    const fromEnv = (input.envPathExt ?? '.COM;.EXE;.BAT;.CMD').split(';').filter((e) => e !== '');
    exts = p.extname(name) ? [''] : fromEnv;
  }
  for (const dir of dirs) {
    for (const ext of exts) {
      const candidate = p.join(dir, name + ext);
      if (input.isFile(candidate)) {
        return candidate;
      }
    }
  }
  return undefined;
}

export function resolveServerCommand(input: ResolveInput): ResolveResult {
  const p = pathApi(input.platform);
  const tried: string[] = [];
  const configured = (input.configuredPath ?? '').trim();
  if (configured !== '') {
    const expanded = expandConfiguredPath(configured, input);
    if (p.isAbsolute(expanded)) {
      if (input.isFile(expanded)) {
        return { ok: true, command: expanded, source: 'setting' };
      }
      return {
        ok: false,
        message: `asyncapi.server.path is set to "${configured}", but ${expanded} is not a file.`,
        tried: [expanded],
      };
    }
    // A bare name such as "asyncapi-ls-dev": look it up in PATH.
    const found = searchPath(expanded, input);
    if (found) {
      return { ok: true, command: found, source: 'setting' };
    }
    return {
      ok: false,
      message: `asyncapi.server.path is set to "${configured}", which was not found in PATH.`,
      tried: [expanded],
    };
  }
  for (const candidate of bundledCandidates(input.extensionPath, input.platform, input.arch)) {
    tried.push(candidate);
    if (input.isFile(candidate)) {
      return { ok: true, command: candidate, source: 'bundled' };
    }
  }
  const onPath = searchPath(SERVER_NAME, input);
  if (onPath) {
    return { ok: true, command: onPath, source: 'path' };
  }
  tried.push(`${SERVER_NAME} on PATH`);
  return {
    ok: false,
    message: `Could not find the ${SERVER_NAME} executable. Install it (go install ./cmd/${SERVER_NAME}) and put it on PATH, or set asyncapi.server.path.`,
    tried,
  };
}
