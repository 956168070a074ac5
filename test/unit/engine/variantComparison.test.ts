import assert from 'node:assert/strict';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { openMemoryRuntime, runSqlOk } from '../support/runtimeFixture';

// A VARIANT path compared with a string constant, as handlers filter semi-structured rows
// (`WHERE v:status = 'active'`). snowpark-python's test_read_json_with_no_schema filters
// `df["$1"]["color"] == "Red"` and keeps the row whose color is the string Red, while rows whose
// color is 10 or true are not equal (no error). LIKE takes text (https://docs.snowflake.com/en/sql-reference/functions/like),
// so a VARIANT string is matched without its JSON quotes.
describe('a VARIANT path compared with a string constant', () => {
  let runtime: SnowparkRuntime;
  before(async () => {
    runtime = await openMemoryRuntime();
    await runSqlOk(
      runtime,
      `create or replace table fruit (v variant);
       insert into fruit select parse_json(column1) from values ('{"color": "Red", "fruit": "Apple"}'), ('{"color": 10, "fruit": "NewApple"}'), ('{"color": true, "fruit": "Banana"}'), ('{"fruit": "Kiwi"}');`,
    );
  });
  after(async () => runtime.dispose());

  async function fruits(where: string): Promise<string[]> {
    const [outcome] = await runSqlOk(runtime, `select v:fruit::string from fruit where ${where} order by 1`);
    // Results are column by column.
    return (outcome.result!.data[0] ?? []).map(String);
  }

  it('= and <> / != compare with the string, other types are just not equal', async () => {
    assert.deepEqual(await fruits(`v:color = 'Red'`), ['Apple']);
    assert.deepEqual(await fruits(`v['color'] = 'Red'`), ['Apple']);
    assert.deepEqual(await fruits(`v:color <> 'Red'`), ['Banana', 'NewApple']);
    assert.deepEqual(await fruits(`v:color != 'Red' and v:fruit = 'Banana'`), ['Banana']);
    // A missing field is SQL NULL: neither equal nor unequal.
    assert.deepEqual(await fruits(`v:color = 'Red' or v:color <> 'Red'`), ['Apple', 'Banana', 'NewApple']);
  });

  it('[NOT] IN a list of strings', async () => {
    assert.deepEqual(await fruits(`v:fruit in ('Apple', 'Kiwi')`), ['Apple', 'Kiwi']);
    assert.deepEqual(await fruits(`v:fruit not in ('Apple', 'Kiwi')`), ['Banana', 'NewApple']);
  });

  it('LIKE and ILIKE match the text, without JSON quotes', async () => {
    assert.deepEqual(await fruits(`v:fruit like 'A%'`), ['Apple']);
    assert.deepEqual(await fruits(`v:fruit not ilike '%a%'`), ['Kiwi']);
    assert.deepEqual(await fruits(`v:color like '1%'`), ['NewApple']);
  });

  it('a path compared with another path is left as it was', async () => {
    assert.deepEqual(await fruits(`v:fruit = v:fruit`), ['Apple', 'Banana', 'Kiwi', 'NewApple']);
  });
});
