import assert from 'node:assert/strict';
import { HostFacts, snowflakeConfigDirectoryFor, userCacheDirectoryFor } from '../../../src/core/platform/platformPaths';

// Each OS's rules, checked on this Linux machine with that OS's path rules.
const linux: HostFacts = { platform: 'linux', env: {}, home: '/home/ada' };
const mac: HostFacts = { platform: 'darwin', env: {}, home: '/Users/ada' };
const windows: HostFacts = { platform: 'win32', env: { LOCALAPPDATA: 'C:\\Users\\ada\\AppData\\Local', USERPROFILE: 'C:\\Users\\ada' }, home: 'C:\\Users\\ada' };
const nothingExists = (): boolean => false;

describe('per-user folders on each platform', () => {
  describe('the cache folder', () => {
    it('Linux: $XDG_CACHE_HOME when absolute, else ~/.cache', () => {
      assert.equal(userCacheDirectoryFor(linux), '/home/ada/.cache/snowpark-local');
      assert.equal(userCacheDirectoryFor({ ...linux, env: { XDG_CACHE_HOME: '/var/cache/ada' } }), '/var/cache/ada/snowpark-local');
      // The XDG spec: a relative value is invalid and ignored.
      assert.equal(userCacheDirectoryFor({ ...linux, env: { XDG_CACHE_HOME: 'relative/cache' } }), '/home/ada/.cache/snowpark-local');
      assert.equal(userCacheDirectoryFor({ ...linux, env: { XDG_CACHE_HOME: '  ' } }), '/home/ada/.cache/snowpark-local');
    });

    it('macOS: ~/Library/Caches', () => {
      assert.equal(userCacheDirectoryFor(mac), '/Users/ada/Library/Caches/snowpark-local');
    });

    it('Windows: %LOCALAPPDATA%, else the profile\'s AppData\\Local, with backslashes', () => {
      assert.equal(userCacheDirectoryFor(windows), 'C:\\Users\\ada\\AppData\\Local\\snowpark-local\\Cache');
      assert.equal(userCacheDirectoryFor({ ...windows, env: {} }), 'C:\\Users\\ada\\AppData\\Local\\snowpark-local\\Cache');
      assert.equal(
        userCacheDirectoryFor({ ...windows, env: { LOCALAPPDATA: 'D:\\Profiles\\Ada Lovelace\\Local' } }),
        'D:\\Profiles\\Ada Lovelace\\Local\\snowpark-local\\Cache',
      );
    });
  });

  describe("Snowflake's config folder (connections.toml), as the Snowflake CLI documents it", () => {
    it('$SNOWFLAKE_HOME wins on every platform, with ~ expanded', () => {
      for (const host of [linux, mac, windows]) {
        assert.equal(snowflakeConfigDirectoryFor({ ...host, env: { ...host.env, SNOWFLAKE_HOME: '/etc/sf' } }, nothingExists), '/etc/sf');
      }
      assert.equal(snowflakeConfigDirectoryFor({ ...linux, env: { SNOWFLAKE_HOME: '~/sf' } }, nothingExists), '/home/ada/sf');
    });

    it('~/.snowflake when that folder exists', () => {
      const exists = (path: string): boolean => path === '/Users/ada/.snowflake' || path === 'C:\\Users\\ada\\.snowflake';
      assert.equal(snowflakeConfigDirectoryFor(mac, exists), '/Users/ada/.snowflake');
      assert.equal(snowflakeConfigDirectoryFor(windows, exists), 'C:\\Users\\ada\\.snowflake');
    });

    it("else the OS's own config folder", () => {
      assert.equal(snowflakeConfigDirectoryFor(linux, nothingExists), '/home/ada/.config/snowflake');
      assert.equal(snowflakeConfigDirectoryFor({ ...linux, env: { XDG_CONFIG_HOME: '/xdg' } }, nothingExists), '/xdg/snowflake');
      assert.equal(snowflakeConfigDirectoryFor(mac, nothingExists), '/Users/ada/Library/Application Support/snowflake');
      assert.equal(snowflakeConfigDirectoryFor(windows, nothingExists), 'C:\\Users\\ada\\AppData\\Local\\snowflake');
    });
  });
});
