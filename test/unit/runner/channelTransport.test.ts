import assert from 'node:assert/strict';
import { chooseTransport, TRANSPORT_ENV } from '../../../src/core/runner/transport/channelTransport';
import { newRunToken, sameToken } from '../../../src/core/runner/transport/runToken';

describe('chooseTransport', () => {
  it('uses a Unix socket where Python has them, loopback TCP on Windows', () => {
    assert.equal(chooseTransport('linux', {}), 'unix');
    assert.equal(chooseTransport('darwin', {}), 'unix');
    assert.equal(chooseTransport('win32', {}), 'tcp');
  });

  it(`lets ${TRANSPORT_ENV} force either, in any case and with spaces around`, () => {
    assert.equal(chooseTransport('linux', { [TRANSPORT_ENV]: 'tcp' }), 'tcp');
    assert.equal(chooseTransport('darwin', { [TRANSPORT_ENV]: ' TCP ' }), 'tcp');
    assert.equal(chooseTransport('win32', { [TRANSPORT_ENV]: 'unix' }), 'unix');
    assert.equal(chooseTransport('win32', { [TRANSPORT_ENV]: '' }), 'tcp', 'empty means unset');
  });

  it('refuses an unknown value, naming the variable, the value and the allowed ones', () => {
    assert.throws(() => chooseTransport('linux', { [TRANSPORT_ENV]: 'pipe' }), (error: Error) => {
      assert.match(error.message, new RegExp(`^${TRANSPORT_ENV}="pipe" is not a channel transport: use unix or tcp`));
      return true;
    });
  });
});

describe('run token', () => {
  it('is fresh and long', () => {
    const token = newRunToken();
    assert.match(token, /^[0-9a-f]{48}$/);
    assert.notEqual(newRunToken(), token);
  });

  it('matches only itself, whatever the presented value', () => {
    const token = newRunToken();
    assert.equal(sameToken(token, token), true);
    assert.equal(sameToken(token.slice(0, -1), token), false);
    assert.equal(sameToken(`${token}0`, token), false);
    assert.equal(sameToken(token.toUpperCase(), token), false);
    for (const odd of [undefined, null, 42, {}, [token]]) assert.equal(sameToken(odd, token), false);
  });
});
