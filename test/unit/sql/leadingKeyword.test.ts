import assert from 'node:assert/strict';
import { leadingKeyword } from '../../../src/core/sql/leadingKeyword';

describe('leadingKeyword', () => {
  const cases: Array<[string, string, string]> = [
    ['a plain statement, any case', 'call p(1)', 'CALL'],
    ['after whitespace and line breaks', ' \t\r\n Create procedure p()', 'CREATE'],
    ['after -- and // comments', '-- a note\n// another\nshow procedures', 'SHOW'],
    ['after a block comment', '/* why ; here */desc procedure p()', 'DESC'],
    ['after empty statements', ' ; ;\n; select 1', 'SELECT'],
    ['a keyword followed by a quoted name', 'call"P"()', 'CALL'],
    ['a word that only starts with a keyword', 'call_log', ''],
    ['a word with $ after the keyword', 'create$x', ''],
    ['a word with a letter outside ASCII', 'créate x', ''],
    ['a bracket first', '(select 1)', ''],
    ['a string first', "'call'", ''],
    ['an unclosed block comment', '/* call p()', ''],
    ['a comment only', '-- call p()', ''],
    ['nothing', '', ''],
  ];
  for (const [what, text, expected] of cases) {
    it(`${what}: ${JSON.stringify(text)} → ${JSON.stringify(expected)}`, () => assert.equal(leadingKeyword(text), expected));
  }
});
