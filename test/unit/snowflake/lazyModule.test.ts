import assert from 'node:assert/strict';
import { lazyCallable, lazyMembers } from '../../../src/core/engine/snowflake/sdkStubs/lazyModule';

// The stand-ins the bundled snowflake-sdk gets for packages it uses only on seldom-taken paths
// (scripts/build.mjs, SDK_LAZY), tried on those real packages: nothing is loaded until first
// use, and then each behaves as the package does.

function counted(load: () => unknown): { load: () => unknown; count: () => number } {
  let loads = 0;
  return {
    load: () => {
      loads++;
      return load();
    },
    count: () => loads,
  };
}

describe('lazily loaded SDK packages', () => {
  it('a function package (big-integer) loads on its first call, once, with its static members', () => {
    const loader = counted(() => require('big-integer'));
    const bigInt = lazyCallable(loader.load) as typeof import('big-integer');
    assert.equal(loader.count(), 0);
    assert.equal(bigInt('123456789012345678901234567890').add(1).toString(), '123456789012345678901234567891');
    assert.equal(bigInt.isInstance(bigInt(5)), true);
    assert.equal(bigInt.zero.toString(), '0');
    assert.equal(loader.count(), 1);
  });

  it('a class package (form-data) constructs real instances, passes instanceof and can be subclassed', () => {
    const loader = counted(() => require('form-data'));
    const FormData = lazyCallable(loader.load) as typeof import('form-data');
    assert.equal(loader.count(), 0);
    const form = new FormData();
    form.append('field', 'value');
    assert.ok(form instanceof FormData);
    assert.ok(form instanceof (require('form-data') as typeof import('form-data')));
    assert.match(form.getBoundary(), /^-+[0-9a-f]+$/);
    class Named extends FormData {
      name(): string {
        return 'named';
      }
    }
    const named = new Named();
    assert.ok(named instanceof Named && named instanceof FormData);
    assert.equal(named.name(), 'named');
    assert.match(named.getHeaders()['content-type'], /^multipart\/form-data; boundary=/);
    assert.equal(loader.count(), 1);
  });

  it('a package destructured at load (fast-xml-parser) loads on the first use of any member', () => {
    const loader = counted(() => require('fast-xml-parser'));
    const { XMLParser, XMLValidator } = lazyMembers(loader.load, ['XMLParser', 'XMLValidator', 'XMLBuilder'], 'fast-xml-parser') as typeof import('fast-xml-parser');
    assert.equal(loader.count(), 0);
    assert.equal(XMLValidator.validate('<a><b>1</b></a>'), true);
    assert.notEqual(XMLValidator.validate('<a><b>1</a>'), true);
    assert.deepEqual(new XMLParser().parse('<a><b>1</b><c>x</c></a>'), { a: { b: 1, c: 'x' } });
    assert.equal(loader.count(), 1);
  });

  it('a member the package does not export fails on use, naming the package and the build list', () => {
    const { Missing } = lazyMembers(() => ({}), ['Missing'], 'some-package') as { Missing: () => void };
    assert.throws(() => Missing(), /some-package has no export 'Missing' \(see SDK_LAZY in scripts\/build\.mjs\)/);
  });

  it('a package that cannot load fails where it is first used, not where the SDK loads', () => {
    const open = lazyCallable(() => require('no-such-package-for-snowpark-local')) as () => void;
    assert.throws(() => open(), /Cannot find module 'no-such-package-for-snowpark-local'/);
  });
});
