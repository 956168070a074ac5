import assert from 'node:assert/strict';
import { normaliseIdentifierPart, readQualifiedName } from '../../../src/core/sql/identifiers';
import { quoteStringLiteral, unquoteDollarString, unquoteStringLiteral } from '../../../src/core/sql/literals';
import { nodesText, splitAtCommas, trimTrivia } from '../../../src/core/sql/nodes';
import { scanSql } from '../../../src/core/sql/scanSql';
import { buildTokenTree } from '../../../src/core/sql/tokenTree';
import { readTypeSpan } from '../../../src/core/sql/typeSpan';

const tree = (sql: string) => buildTokenTree(scanSql(sql));

describe('SQL helpers', () => {
  it('splits only at top-level commas', () => {
    const [group] = tree('(a, f(b, c), [1, 2], \'x,y\')');
    assert.ok(group.type === 'group');
    assert.deepEqual(splitAtCommas(group.children).map((p) => nodesText(trimTrivia(p))), ['a', 'f(b, c)', '[1, 2]', "'x,y'"]);
  });

  it('keeps every character of unbalanced brackets', () => {
    const sql = 'f(a, (b) ) )';
    assert.equal(nodesText(tree(sql)), sql);
  });

  it('normalises identifiers the way Snowflake resolves them', () => {
    const name = readQualifiedName(tree('db . Sch."myProc"'), 0);
    assert.equal(name?.name, 'DB.SCH."myProc"');
    const [quotedUpper] = scanSql('"MYPROC"');
    assert.equal(normaliseIdentifierPart(quotedUpper), 'MYPROC');
  });

  it('reads multi-word and parameterised types', () => {
    const cases: Array<[string, string, number]> = [
      ['NUMBER(10,2) NOT NULL', 'NUMBER', 2],
      ['double precision, x', 'DOUBLE PRECISION', 3],
      ['TIMESTAMP WITH LOCAL TIME ZONE', 'TIMESTAMP WITH LOCAL TIME ZONE', 9],
      ['varchar', 'VARCHAR', 1],
    ];
    for (const [sql, name, end] of cases) {
      const span = readTypeSpan(tree(sql), 0);
      assert.deepEqual([span?.name, span?.end], [name, end], sql);
    }
  });

  it('reads and writes string literals', () => {
    assert.equal(unquoteStringLiteral("'it''s\\n\\'ok\\''"), "it's\n'ok'");
    assert.equal(unquoteDollarString('$$\nbody\n$$'), '\nbody\n');
    assert.equal(quoteStringLiteral("it's"), "'it''s'");
  });
});
