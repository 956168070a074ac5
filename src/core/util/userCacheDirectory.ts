import { currentHost, userCacheDirectoryFor } from '../platform/platformPaths';

/** Where Snowpark Local keeps per-user caches (resolved interpreters, the shim's bytecode); see userCacheDirectoryFor. */
export function userCacheDirectory(): string {
  return userCacheDirectoryFor(currentHost());
}
