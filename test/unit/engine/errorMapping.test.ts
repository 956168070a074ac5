import assert from 'node:assert/strict';
import { errorRuleCount, toSnowflakeError } from '../../../src/core/engine/duckdb/errorMapping';
import { resultExpired } from '../../../src/core/engine/sqlError';

describe('DuckDB → Snowflake error mapping', () => {
  const cases: Array<[string, string, string, RegExp]> = [
    ['Invalid Input Error: Division by zero', '100051', '22012', /: Division by zero$/],
    ["Invalid Input Error: Boolean value 'maybe' is not recognized", '100037', '22018', /Boolean value 'maybe' is not recognized/],
    ['Conversion Error: invalid date field format: "Date \'01-02-2019\' is not recognized", expected format is (YYYY-MM-DD)', '100040', '22007', /^100040 \(22007\): Date '01-02-2019' is not recognized$/],
    ['Conversion Error: invalid date field format: "Timestamp \'x\' is not recognized", expected format is (YYYY-MM-DD)', '100035', '22007', /^100035 \(22007\): Timestamp 'x' is not recognized$/],
    ["Invalid Input Error: Numeric value 'aaa' is not recognized", '100038', '22018', /^100038 \(22018\): Numeric value 'aaa' is not recognized$/],
    ["Invalid Input Error: Numeric value '12.3456' is out of range", '100039', '22003', /^100039 \(22003\): Numeric value '12.3456' is out of range$/],
    [
      "Constraint Error: CHECK constraint failed on table t with expression CHECK(CASE  WHEN (((a IS NULL) OR (length(a) <= 3))) THEN (CAST('t' AS BOOLEAN)) ELSE \"error\"((('String ''' || a) || ''' is too long and would be truncated')) END) (Error: String 'abcd' is too long and would be truncated)",
      '100074',
      '22000',
      /^100074 \(22000\): String 'abcd' is too long and would be truncated$/,
    ],
    ["Invalid Input Error: String 'abcdef' is too long and would be truncated", '100074', '22000', /^100074 \(22000\): String 'abcdef' is too long and would be truncated$/],
    ['Conversion Error: Could not cast value 12345 to DECIMAL(5,2)\n\nLINE 1', '100039', '22003', /^100039 \(22003\): Numeric value '12345' is out of range$/],
    ['Conversion Error: Casting value "12.300000" to type DECIMAL(3,2) failed: value is out of range!', '100039', '22003', /^100039 \(22003\): Numeric value '12.3' is out of range$/],
    ['Conversion Error: Could not convert string "1000" to DECIMAL(5,2)', '100039', '22003', /^100039 \(22003\): Numeric value '1000' is out of range$/],
    ['Conversion Error: Could not convert string "abc" to DECIMAL(5,2)', '100038', '22018', /^100038 \(22018\): Numeric value 'abc' is not recognized$/],
    ["Invalid Input Error: Can't parse 'ae5' as number with format 'XX'", '100140', '22007', /^100140 \(22007\): Can't parse 'ae5' as number with format 'XX'$/],
    ["Invalid Input Error: Invalid argument types for function 'ROUND': a rounding_mode needs a fixed-point NUMBER, not FLOAT", '001044', '42P13', /SQL compilation error:\nInvalid argument types for function 'ROUND'/],
    ['Invalid Input Error: Error parsing JSON: duplicate object attribute "a" (PARSE_JSON(text, \'d\') keeps the last value instead)', '100069', '22P02', /^100069 \(22P02\): Error parsing JSON: duplicate object attribute "a"/],
    ['Conversion Error: Malformed JSON at byte 1 of input: unexpected character.  Input: "{a:1}"', '100069', '22P02', /^100069 \(22P02\): Error parsing JSON: unexpected character, pos 1$/],
    ['Catalog Error: Table with name test_tb does not exist!\nDid you mean "x"?', '002003', '42S02', /Object 'TEST_TB' does not exist or not authorized/],
    ['Catalog Error: Table with name t already exists!', '002002', '42710', /Object 'T' already exists/],
    ['Catalog Error: Scalar Function with name foo does not exist!', '002140', '42601', /Unknown function FOO/],
    ['Invalid Input Error: 100107 (22000): Not an array: 5', '100107', '22000', /^100107 \(22000\): Not an array: 5$/],
    ['Catalog Error: Table Function with name my_udtf does not exist!\nDid you mean "range"?', '002140', '42601', /Unknown table function MY_UDTF$/],
    [
      'Binder Error: Macro ADD1() does not support the supplied arguments. You might need to add explicit type casts.\nCandidate macros:\n\tADD1("X")\n\tADD1("X", "Y")\n\nLINE 1: select add1(1, 2, 3)',
      '001044',
      '42P13',
      /Invalid argument types for function 'ADD1': it takes ADD1\("X"\) or ADD1\("X", "Y"\)$/,
    ],
    ['Binder Error: Macro AMB() has multiple overloads that match the supplied arguments.', '001044', '42P13', /Invalid argument types for function 'AMB': more than one overload/],
    ['Invalid Input Error: NULL result in a non-nullable column', '100072', '22000', /^100072 \(22000\): NULL result in a non-nullable column$/],
    ['Binder Error: Referenced column "nope" not found in FROM clause!', '000904', '42000', /invalid identifier 'NOPE'/],
    ['Binder Error: Referenced column "y" was not found because the FROM clause is missing', '000904', '42000', /invalid identifier 'Y'/],
    ['Binder Error: Table "t" does not have a column named "zz"', '000904', '42000', /invalid identifier 'ZZ'/],
    ['Binder Error: Table "w" does not have a column with name "C"', '000904', '42000', /invalid identifier 'C'/],
    ['Binder Error: Referenced update column nope not found in table!', '000904', '42000', /invalid identifier 'NOPE'/],
    ['Invalid Input Error: no argument for repetition operator: +', '100000', '2201B', /Invalid regular expression: no argument for repetition operator: \+/],
    ['Binder Error: Ambiguous reference to column name "a" (use: "l.a" or "r.a")', '002028', '42601', /ambiguous column name 'A'/],
    [
      "Binder Error: No function matches the given name and argument types 'corr(VARCHAR, VARCHAR)'. You might need to add explicit type casts.",
      '001044',
      '42P13',
      /Invalid argument types for function 'CORR': \(VARCHAR, VARCHAR\)/,
    ],
    ['Binder Error: WHERE clause cannot contain window functions!', '002003', '42601', /Window function \[\.\.\.\] appears outside of SELECT, QUALIFY, and ORDER BY clauses\./],
    ['Binder Error: GROUP BY clause cannot contain aggregates!', '000979', '42601', /\[\.\.\.\] is not a valid group by expression/],
    ['Binder Error: Cannot compare values of type VARCHAR and type INTEGER_LITERAL - an explicit cast is required', '100038', '22018', /cannot compare VARCHAR with INTEGER_LITERAL/],
    ["Conversion Error: Could not convert string 'abc' to INT32\n\nLINE 1", '100038', '22018', /^100038 \(22018\): Numeric value 'abc' is not recognized$/],
    ['Parser Error: syntax error at or near "selec"', '001003', '42000', /SQL compilation error:\nsyntax error at or near "selec"/],
    ["Conversion Error: Could not convert string 'x' to DATE", '100038', '22018', /Could not convert string 'x' to DATE/],
    ['Constraint Error: NOT NULL constraint failed: t.a', '100072', '22000', /NOT NULL/],
    ['Out of Range Error: Overflow in multiplication', '100046', '22003', /Overflow/],
    ['TransactionContext Error: Catalog write-write conflict', '000625', '57014', /conflicted/],
    ['Binder Error: something else', '002003', '42000', /something else/],
  ];

  it('has a case for every rule (some rules have more than one)', () => assert.ok(cases.length >= errorRuleCount, `${cases.length} cases for ${errorRuleCount} rules`));

  for (const [duck, code, state, message] of cases) {
    it(`maps "${duck.split('\n')[0]}" to ${code}`, () => {
      const error = toSnowflakeError(new Error(duck), 'qid-1');
      assert.equal(error.errorCode, code);
      assert.equal(error.sqlState, state);
      assert.equal(error.queryId, 'qid-1');
      assert.match(error.message, message);
      assert.ok(error.message.startsWith(`${code} (${state}): `));
    });
  }

  it('keeps an unknown error readable and marks it as local', () => {
    const error = toSnowflakeError(new Error('IO Error: disk full\nmore'), 'q');
    assert.equal(error.message, '100000 (XX000): Local engine error: IO Error: disk full');
  });

  it('says "Result for query <id> has expired" with 000710 / 02000', () => {
    const error = resultExpired('01b2-x');
    assert.equal(error.message, '000710 (02000): Result for query 01b2-x has expired');
  });
});
