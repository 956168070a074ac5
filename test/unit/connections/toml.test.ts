import assert from 'node:assert/strict';
import { parseToml, TomlError } from '../../../src/core/connections/toml';

describe('TOML reader (connections.toml subset)', () => {
  it('reads tables, dotted headers, quoted keys, strings, numbers, booleans, arrays and comments', () => {
    const doc = parseToml(
      [
        '# comment',
        'default_connection_name = "dev"  # trailing',
        '',
        '[connections.dev]',
        'account = "myorg-acct"',
        "user = 'me'",
        'port = 4_43',
        'ratio = 1.5e2',
        'enabled = true',
        'roles = ["a", \'b\', ]',
        'site.region = "eu"',
        '[connections."with space"]',
        'password = "tab\\there \\"q\\" \\u00e9 \\\\"',
        "path = 'C:\\\\raw\\dir'",
        'multi = """',
        'one',
        'two"""',
        "lit = '''",
        "x\\y'''",
      ].join('\n'),
    );
    assert.equal(doc.default_connection_name, 'dev');
    assert.deepEqual(doc.connections, {
      dev: { account: 'myorg-acct', user: 'me', port: 443, ratio: 150, enabled: true, roles: ['a', 'b'], site: { region: 'eu' } },
      'with space': { password: 'tab\there "q" é \\', path: 'C:\\\\raw\\dir', multi: 'one\ntwo', lit: 'x\\y' },
    });
  });

  it('accepts CRLF line endings and empty files', () => {
    assert.deepEqual(parseToml('[a]\r\nb = 1\r\n'), { a: { b: 1 } });
    assert.deepEqual(parseToml(''), {});
  });

  it('reports the line of an error without quoting the (possibly secret) value', () => {
    const secret = 'S3ntinel-Pa55w0rd-XYZ';
    for (const text of [`[x]\npassword = ${secret}`, `[x]\npassword = "${secret}`, `[x]\npassword = "${secret}" extra`, `[x]\npassword = "a\\q${secret}"`]) {
      assert.throws(
        () => parseToml(text),
        (error: Error) => error instanceof TomlError && error.line === 2 && !error.message.includes(secret),
      );
    }
  });

  it('rejects duplicate keys and tables', () => {
    assert.throws(() => parseToml('a = 1\na = 2'), /defined twice/);
    assert.throws(() => parseToml('[a]\n[a]'), /defined twice/);
  });
});
