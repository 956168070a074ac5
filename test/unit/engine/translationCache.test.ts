import assert from 'node:assert/strict';
import { Translation, translateToDuckDb } from '../../../src/core/engine/duckdb/dialect';
import { TranslationCache } from '../../../src/core/engine/duckdb/translationCache';

// Repeated statement texts are translated once; the cache is bounded, least recently used
// first out, and a shared translation cannot be changed by the statement that got it.
describe('translation cache', () => {
  function counting(): { translate: (sql: string) => Translation; calls: string[] } {
    const calls: string[] = [];
    return { calls, translate: (sql) => (calls.push(sql), translateToDuckDb(sql)) };
  }

  it('translates a repeated text once and answers as the translator does', () => {
    const { translate, calls } = counting();
    const cache = new TranslationCache(translate);
    const sql = "select iff(a > 1, 'x', 'y'), current_database() from t";
    const first = cache.translationOf(sql);
    const second = cache.translationOf(sql);
    assert.equal(second, first);
    assert.deepEqual(calls, [sql]);
    assert.deepEqual({ ...first }, { ...translateToDuckDb(sql) });
    assert.equal(first.deferred.length, 1, 'CURRENT_DATABASE() stays a deferred call, evaluated per execution');
  });

  it('keys on the exact text', () => {
    const { translate, calls } = counting();
    const cache = new TranslationCache(translate);
    cache.translationOf('select 1');
    cache.translationOf('SELECT 1');
    cache.translationOf('select 1 ');
    assert.equal(calls.length, 3);
  });

  it('drops the least recently used text when full', () => {
    const { translate, calls } = counting();
    const cache = new TranslationCache(translate, 2);
    cache.translationOf('select 1');
    cache.translationOf('select 2');
    cache.translationOf('select 1'); // now select 2 is the least recently used
    cache.translationOf('select 3');
    assert.equal(cache.size, 2);
    cache.translationOf('select 1');
    assert.deepEqual(calls, ['select 1', 'select 2', 'select 3']);
    cache.translationOf('select 2');
    assert.deepEqual(calls, ['select 1', 'select 2', 'select 3', 'select 2']);
  });

  it('does not keep texts over the length limit', () => {
    const { translate, calls } = counting();
    const cache = new TranslationCache(translate, 10, 20);
    const long = `select '${'x'.repeat(30)}'`;
    cache.translationOf(long);
    cache.translationOf(long);
    assert.equal(calls.length, 2);
    assert.equal(cache.size, 0);
  });

  it('never caches a failure: the same text fails again with the same error', () => {
    let calls = 0;
    const cache = new TranslationCache(() => {
      calls++;
      throw new Error('cannot translate');
    });
    assert.throws(() => cache.translationOf('select bad'), /cannot translate/);
    assert.throws(() => cache.translationOf('select bad'), /cannot translate/);
    assert.equal(calls, 2);
    assert.equal(cache.size, 0);
  });

  it('hands out translations no caller can change', () => {
    const cache = new TranslationCache();
    const translation = cache.translationOf("select system$wait(1), \"lower\" from t");
    assert.throws(() => (translation as { sql: string }).sql = 'drop table t');
    assert.throws(() => translation.deferred.push(translation.deferred[0]));
    assert.throws(() => translation.deferred[0].args.push(2));
    assert.throws(() => translation.preserveCaseColumns.push('X'));
    assert.equal(cache.translationOf("select system$wait(1), \"lower\" from t").deferred.length, 1);
  });
});
