import assert from 'node:assert/strict';
import { parseCall } from '../../../src/core/discovery/callStatement';
import { splitStatements } from '../../../src/core/sql/splitStatements';
import { ASYNC_EXAMPLE } from './docsExamples';

const call = (text: string) => parseCall({ text });

describe('parseCall', () => {
  it('reads the CALL of the docs example', () => {
    const statement = splitStatements(ASYNC_EXAMPLE).pop()!;
    assert.deepEqual(parseCall(statement), { name: 'CHECKSTATUS', argSql: [] });
  });

  it('splits arguments at top-level commas only', () => {
    assert.deepEqual(call(`CALL db.s.p(1, 'a,b', f(x, y), [1, 2], (select 1, 2))`), {
      name: 'DB.S.P',
      argSql: ['1', "'a,b'", 'f(x, y)', '[1, 2]', '(select 1, 2)'],
    });
  });

  it('reads named arguments', () => {
    assert.deepEqual(call(`call p(count => 3, "Label" => 'x')`), {
      name: 'P',
      argSql: ['3', "'x'"],
      namedArgs: { COUNT: '3', '"Label"': "'x'" },
    });
  });

  it('normalises quoted names like CREATE PROCEDURE does', () => {
    assert.equal(call('call "MYPROC"()')?.name, 'MYPROC');
    assert.equal(call('call "myProc"()')?.name, '"myProc"');
  });

  it('is undefined for other statements', () => {
    assert.equal(call('select 1'), undefined);
    assert.equal(call('call'), undefined);
  });
});
