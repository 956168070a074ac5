import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectionError, findConnection, loadConnections, snowflakeHome } from '../../../src/core/connections/connectionsFile';

describe('connections.toml discovery, as Snowflake tools do it', () => {
  let home: string;
  let snowflakeDir: string;
  const write = (name: string, text: string, mode = 0o600) => {
    writeFileSync(join(snowflakeDir, name), text);
    chmodSync(join(snowflakeDir, name), mode);
  };
  beforeEach(() => {
    home = mkdtempSync(join(tmpdir(), 'sfhome-'));
    snowflakeDir = join(home, '.snowflake');
    mkdirSync(snowflakeDir);
  });
  afterEach(() => rmSync(home, { recursive: true, force: true }));

  it('SNOWFLAKE_HOME overrides ~/.snowflake, which wins over the OS config folder when it exists', () => {
    assert.equal(snowflakeHome({}, home), join(home, '.snowflake'));
    assert.equal(snowflakeHome({ SNOWFLAKE_HOME: '/etc/sf' }, home), '/etc/sf');
    rmSync(snowflakeDir, { recursive: true });
    assert.equal(snowflakeHome({}, home, 'linux'), join(home, '.config', 'snowflake'));
  });

  it('reads connections.toml top-level tables; the default is "default" unless named', () => {
    write('connections.toml', '[default]\naccount = "a1"\nuser = "u1"\n[dev]\naccount = "a2"\n');
    const catalog = loadConnections({ env: {}, homeDir: home });
    assert.deepEqual([...catalog.connections.keys()], ['default', 'dev']);
    assert.equal(catalog.defaultName, 'default');
    assert.equal(catalog.defaultSource, 'built-in');
    assert.equal(findConnection(catalog).values.account, 'a1');
    assert.equal(findConnection(catalog, 'dev').values.account, 'a2');
  });

  it('falls back to config.toml [connections.*] and its default_connection_name', () => {
    write('config.toml', 'default_connection_name = "prod"\n[connections.prod]\naccount = "p"\n[connections.dev]\naccount = "d"\n');
    const catalog = loadConnections({ env: {}, homeDir: home });
    assert.equal(catalog.file, join(snowflakeDir, 'config.toml'));
    assert.equal(catalog.defaultName, 'prod');
    assert.equal(findConnection(catalog).values.account, 'p');
  });

  it('connections.toml wins over config.toml, but config.toml still names the default', () => {
    write('config.toml', 'default_connection_name = "dev"\n[connections.dev]\naccount = "from-config"\n');
    write('connections.toml', '[dev]\naccount = "from-connections"\n');
    const catalog = loadConnections({ env: {}, homeDir: home });
    assert.equal(findConnection(catalog).values.account, 'from-connections');
  });

  it('SNOWFLAKE_DEFAULT_CONNECTION_NAME beats default_connection_name', () => {
    write('config.toml', 'default_connection_name = "dev"\n');
    write('connections.toml', '[dev]\naccount = "d"\n[ci]\naccount = "c"\n');
    const catalog = loadConnections({ env: { SNOWFLAKE_DEFAULT_CONNECTION_NAME: 'ci' }, homeDir: home });
    assert.equal(catalog.defaultName, 'ci');
    assert.equal(catalog.defaultSource, 'environment');
  });

  it('SNOWFLAKE_CONNECTIONS_<NAME>_<KEY> overrides keys, longest name first, and can define a connection', () => {
    write('connections.toml', '[dev]\naccount = "d"\npassword = "file"\n[dev_eu]\naccount = "e"\n');
    const catalog = loadConnections({
      env: { SNOWFLAKE_CONNECTIONS_DEV_PASSWORD: 'env', SNOWFLAKE_CONNECTIONS_DEV_EU_ACCOUNT: 'e2', SNOWFLAKE_CONNECTIONS_CI_ACCOUNT: 'c', SNOWFLAKE_CONNECTIONS_CI_PORT: '8080' },
      homeDir: home,
    });
    assert.equal(findConnection(catalog, 'dev').values.password, 'env');
    assert.deepEqual(findConnection(catalog, 'dev').overriddenKeys, ['password']);
    assert.equal(findConnection(catalog, 'dev_eu').values.account, 'e2');
    assert.equal(findConnection(catalog, 'dev').values.eu_account, undefined);
    assert.deepEqual(findConnection(catalog, 'ci').values, { account: 'c', port: 8080 });
    assert.equal(findConnection(catalog, 'ci').source, 'environment');
  });

  it('warns when the file is readable by others (POSIX), not when it is 0600', () => {
    write('connections.toml', '[dev]\naccount = "d"\n', 0o644);
    const warned = loadConnections({ env: {}, homeDir: home, platform: 'linux' });
    assert.equal(warned.warnings.length, 1);
    assert.match(warned.warnings[0], /0644.*chmod 0600/);
    chmodSync(join(snowflakeDir, 'connections.toml'), 0o600);
    assert.deepEqual(loadConnections({ env: {}, homeDir: home, platform: 'linux' }).warnings, []);
    chmodSync(join(snowflakeDir, 'connections.toml'), 0o644);
    assert.deepEqual(loadConnections({ env: {}, homeDir: home, platform: 'win32' }).warnings, []);
  });

  it('a missing connection names the file, the known ones and what to add', () => {
    write('connections.toml', '[dev]\naccount = "d"\n');
    assert.throws(() => findConnection(loadConnections({ env: {}, homeDir: home }), 'prod'), (error: Error) => {
      assert.ok(error instanceof ConnectionError);
      assert.match(error.message, /No connection named 'prod'/);
      assert.match(error.message, /Known connections: dev/);
      assert.match(error.message, /\[prod\]/);
      return true;
    });
  });

  it('a TOML error names file and line but not the value', () => {
    write('connections.toml', '[dev]\npassword = S3ntinel-Pa55w0rd-XYZ\n');
    assert.throws(() => loadConnections({ env: {}, homeDir: home }), (error: Error) => /connections\.toml:2/.test(error.message) && !error.message.includes('S3ntinel'));
  });
});
