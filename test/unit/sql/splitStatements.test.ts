import assert from 'node:assert/strict';
import { splitStatements } from '../../../src/core/sql/splitStatements';

describe('splitStatements', () => {
  it('splits at top-level semicolons and trims', () => {
    const sql = 'select 1;\n  select 2 ;\n\nselect 3';
    const statements = splitStatements(sql);
    assert.deepEqual(statements.map((s) => s.text), ['select 1', 'select 2', 'select 3']);
    assert.deepEqual(statements.map((s) => [s.startLine, s.startColumn]), [[0, 0], [1, 2], [3, 0]]);
    for (const s of statements) assert.equal(sql.slice(s.startOffset, s.endOffset), s.text);
  });

  const notSplitting: Array<[string, string]> = [
    ['a single-quoted string', "select 'a;b'"],
    ["a string with ''", "select 'it''s;'"],
    ['a string with \\\'', "select 'it\\'s;'"],
    ['a quoted identifier', 'select 1 as "a;b"'],
    ['a $$ block', 'create procedure p() returns int language python handler=\'h\' as $$\nx = 1; y = 2\n$$'],
    ['a -- comment', 'select 1 -- ; not here\n+ 1'],
    ['a // comment', 'select 1 // ; not here\n+ 1'],
    ['a block comment', 'select /* ; */ 1'],
  ];
  for (const [where, sql] of notSplitting) {
    it(`does not split inside ${where}`, () => {
      assert.deepEqual(splitStatements(sql).map((s) => s.text), [sql]);
    });
  }

  it('drops empty and comment-only statements', () => {
    assert.deepEqual(splitStatements(';; -- only a comment\n; /* c */ ; select 1;').map((s) => s.text), ['select 1']);
  });

  it('starts a statement at its first token, after leading comments', () => {
    const [statement] = splitStatements('-- run this\n  CALL p();');
    assert.equal(statement.text, 'CALL p()');
    assert.deepEqual([statement.startLine, statement.startColumn], [1, 2]);
  });

  it('keeps a statement without a trailing semicolon', () => {
    assert.deepEqual(splitStatements('select 1; select 2').map((s) => s.text), ['select 1', 'select 2']);
  });

  it('counts lines across \\r\\n', () => {
    const [, second] = splitStatements('select 1;\r\nselect 2');
    assert.equal(second.startLine, 1);
  });
});
