import assert from 'node:assert/strict';
import { scanSql } from '../../../src/core/sql/scanSql';

const kinds = (sql: string): string[] => scanSql(sql).filter((t) => t.kind !== 'whitespace').map((t) => `${t.kind}:${t.text}`);

describe('scanSql', () => {
  it('gives back the input exactly when the token texts are joined', () => {
    const sql = "select 'a''b', \"Q\"\"x\", $$ body; $$ -- c\n/* b */ x::int // d";
    assert.equal(scanSql(sql).map((t) => t.text).join(''), sql);
  });

  it('recognises every token kind', () => {
    assert.deepEqual(kinds("SYSTEM$WAIT(1.5e3, 'x') \"Id\" $$py$$ -- c\n:: => .5 $1"), [
      'word:SYSTEM$WAIT', 'punct:(', 'number:1.5e3', 'punct:,', "string:'x'", 'punct:)', 'quotedIdent:"Id"',
      'dollarString:$$py$$', 'comment:-- c', 'punct:::', 'punct:=>', 'number:.5', 'word:$1',
    ]);
  });

  it("keeps '' and backslash escapes inside one string", () => {
    assert.deepEqual(kinds("'it''s' 'it\\'s' 'a\\\\' x"), ["string:'it''s'", "string:'it\\'s'", "string:'a\\\\'", 'word:x']);
  });

  it('treats // and /* */ as comments', () => {
    assert.deepEqual(kinds('a // one\n/* two\nlines */ b'), ['word:a', 'comment:// one', 'comment:/* two\nlines */', 'word:b']);
  });

  it('runs unterminated strings and comments to the end instead of throwing', () => {
    assert.deepEqual(kinds("x 'open"), ['word:x', "string:'open"]);
    assert.deepEqual(kinds('x /* open'), ['word:x', 'comment:/* open']);
    assert.deepEqual(kinds('x $$ open'), ['word:x', 'dollarString:$$ open']);
  });

  it('reads t.5 as a member access, not a number', () => {
    assert.deepEqual(kinds('t.a'), ['word:t', 'punct:.', 'word:a']);
  });

  it('adds the base offset to every token', () => {
    const [first] = scanSql('abc', 10);
    assert.deepEqual([first.start, first.end], [10, 13]);
  });
});
