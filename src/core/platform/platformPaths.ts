import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { posix, win32 } from 'node:path';

// Where each OS keeps a user's caches and Snowflake's configuration. The rules take the
// platform, environment and home directory as arguments, so every OS's rules run (and are
// tested) on any machine; the live values come from currentHost().

export interface HostFacts {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
}

export function currentHost(): HostFacts {
  return { platform: process.platform, env: process.env, home: homedir() };
}

/** The path rules of `platform` (backslashes and drive letters on Windows). */
export function pathRulesFor(platform: NodeJS.Platform): typeof posix {
  return platform === 'win32' ? win32 : posix;
}

/**
 * Per-user cache folder (resolved interpreters, the shim's bytecode):
 * Linux `$XDG_CACHE_HOME` or `~/.cache`, macOS `~/Library/Caches`, Windows `%LOCALAPPDATA%`.
 */
export function userCacheDirectoryFor(host: HostFacts): string {
  const path = pathRulesFor(host.platform);
  if (host.platform === 'win32') {
    const localAppData = nonEmpty(host.env.LOCALAPPDATA) ?? path.join(host.home, 'AppData', 'Local');
    return path.join(localAppData, 'snowpark-local', 'Cache');
  }
  if (host.platform === 'darwin') return path.join(host.home, 'Library', 'Caches', 'snowpark-local');
  // The XDG spec says a relative value is invalid and must be ignored.
  const xdg = nonEmpty(host.env.XDG_CACHE_HOME);
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(host.home, '.cache'), 'snowpark-local');
}

/**
 * The folder holding connections.toml and config.toml, as Snowflake's CLI and connectors
 * look for it: `$SNOWFLAKE_HOME`; else `~/.snowflake` when it exists; else the OS's config
 * folder (Linux `$XDG_CONFIG_HOME/snowflake` or `~/.config/snowflake`, macOS
 * `~/Library/Application Support/snowflake`, Windows `%USERPROFILE%\AppData\Local\snowflake`).
 */
export function snowflakeConfigDirectoryFor(host: HostFacts, exists: (path: string) => boolean = existsSync): string {
  const path = pathRulesFor(host.platform);
  const configured = nonEmpty(host.env.SNOWFLAKE_HOME);
  if (configured) return configured.startsWith('~') ? path.join(host.home, configured.slice(1)) : configured;
  const dotSnowflake = path.join(host.home, '.snowflake');
  if (exists(dotSnowflake)) return dotSnowflake;
  if (host.platform === 'win32') {
    const profile = nonEmpty(host.env.USERPROFILE) ?? host.home;
    return path.join(profile, 'AppData', 'Local', 'snowflake');
  }
  if (host.platform === 'darwin') return path.join(host.home, 'Library', 'Application Support', 'snowflake');
  const xdg = nonEmpty(host.env.XDG_CONFIG_HOME);
  return path.join(xdg && path.isAbsolute(xdg) ? xdg : path.join(host.home, '.config'), 'snowflake');
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
