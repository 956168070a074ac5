import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConnectionEntry } from '../../../src/core/connections/connectionsFile';
import { toSdkOptions } from '../../../src/core/connections/sdkOptions';
import { describeConnection, Redactor } from '../../../src/core/connections/secrets';

const entry = (values: ConnectionEntry['values']): ConnectionEntry => ({ name: 'dev', values, source: '/x/connections.toml', overriddenKeys: [] });
const SENTINEL = 'S3ntinel-Pa55w0rd-XYZ';

describe('connections.toml → snowflake-sdk options', () => {
  it('password (SNOWFLAKE), with session context keys', () => {
    const { options } = toSdkOptions(entry({ account: 'org-acct', user: 'me', password: SENTINEL, database: 'DB', schema: 'S', role: 'R', warehouse: 'W', query_tag: 'tag' }));
    assert.deepEqual(
      { ...options },
      { account: 'org-acct', authenticator: 'SNOWFLAKE', username: 'me', password: SENTINEL, database: 'DB', schema: 'S', role: 'R', warehouse: 'W', application: 'SnowparkLocal', queryTag: 'tag', sfRetryMaxLoginRetries: 2, representNullAsStringNull: false },
    );
  });

  it('key pair (SNOWFLAKE_JWT) from private_key_file / private_key_path with an optional passphrase', () => {
    const a = toSdkOptions(entry({ account: 'a', user: 'me', authenticator: 'SNOWFLAKE_JWT', private_key_file: '/k.p8', private_key_file_pwd: SENTINEL })).options;
    assert.equal(a.authenticator, 'SNOWFLAKE_JWT');
    assert.equal(a.privateKeyPath, '/k.p8');
    assert.equal(a.privateKeyPass, SENTINEL);
    const b = toSdkOptions(entry({ account: 'a', user: 'me', private_key_path: '/k2.p8', private_key_passphrase: 'p' })).options;
    assert.equal(b.authenticator, 'SNOWFLAKE_JWT', 'a key file alone implies key-pair auth');
    assert.equal(b.privateKeyPath, '/k2.p8');
    assert.equal(b.privateKeyPass, 'p');
  });

  it('externalbrowser, oauth (token or token_file_path) and programmatic access tokens', () => {
    assert.equal(toSdkOptions(entry({ account: 'a', user: 'me', authenticator: 'externalbrowser' })).options.authenticator, 'EXTERNALBROWSER');
    const oauth = toSdkOptions(entry({ account: 'a', authenticator: 'oauth', token: SENTINEL }));
    assert.equal(oauth.options.authenticator, 'OAUTH');
    assert.equal(oauth.options.token, SENTINEL);
    const dir = mkdtempSync(join(tmpdir(), 'token-'));
    try {
      writeFileSync(join(dir, 'token'), `${SENTINEL}-file\n`);
      const fromFile = toSdkOptions(entry({ account: 'a', authenticator: 'OAUTH', token_file_path: join(dir, 'token') }));
      assert.equal(fromFile.options.token, `${SENTINEL}-file`);
      assert.equal(fromFile.redactor.scrub(`x ${SENTINEL}-file y`), 'x *** y', 'a token read from a file is a secret too');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const pat = toSdkOptions(entry({ account: 'a', user: 'me', authenticator: 'PROGRAMMATIC_ACCESS_TOKEN', password: SENTINEL })).options;
    assert.equal(pat.authenticator, 'PROGRAMMATIC_ACCESS_TOKEN');
    assert.equal(pat.token, SENTINEL);
  });

  it('host, port and protocol point the SDK elsewhere (how the tests reach the stand-in)', () => {
    const { options } = toSdkOptions(entry({ account: 'a', user: 'u', password: 'p', host: '127.0.0.1', port: 8080, protocol: 'http' }));
    assert.equal(options.host, '127.0.0.1');
    assert.equal(options.port, 8080);
    assert.equal(options.protocol, 'http');
  });

  it('says what is missing, never echoing a secret', () => {
    assert.throws(() => toSdkOptions(entry({ user: 'u', password: SENTINEL })), /has no account/);
    assert.throws(() => toSdkOptions(entry({ account: 'a', password: SENTINEL })), (error: Error) => /has no user/.test(error.message) && !error.message.includes(SENTINEL));
    assert.throws(() => toSdkOptions(entry({ account: 'a', user: 'u' })), /has no password/);
    assert.throws(() => toSdkOptions(entry({ account: 'a', user: 'u', authenticator: 'okta-magic' })), /not supported here/);
  });

  it('summaries carry no secrets; the redactor scrubs them from any text', () => {
    const e = entry({ account: 'a', user: 'u', password: SENTINEL, private_key_file_pwd: 'pk-secret' });
    const summary = JSON.stringify(describeConnection(e));
    assert.ok(!summary.includes(SENTINEL));
    assert.ok(!summary.includes('pk-secret'));
    const redactor = new Redactor().addConnection(e);
    assert.equal(redactor.scrub(`login ${SENTINEL} and ${encodeURIComponent(SENTINEL)} and pk-secret`), 'login *** and *** and ***');
  });
});
