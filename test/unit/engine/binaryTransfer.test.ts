import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { encodeColumnsAsJson } from '../../../src/core/engine/duckdb/columnEncoding';
import { binaryResultFrame } from '../../../src/core/engine/duckdb/resultFrame';
import { repoRoot } from '../support/cliProcess';

// Every type through the binary frame and back into Python, compared value for value (repr,
// so types, NaN, -0.0 and zones count) with what the JSON encoding of the same result gives.

const COMPARE = `
import json, sys
sys.path.insert(0, "src/python")
from snowpark_local.binary_frames import decode_binary_frame, is_binary_frame
from snowpark_local.values import decode_columns
binary = open(sys.argv[1], "rb").read()[4:]
assert is_binary_frame(binary)
result = decode_binary_frame(binary)["result"]
plain = json.loads(open(sys.argv[2], encoding="utf-8").read())
def decoded(columns, data):
    out = []
    for column, values in zip(columns, data):
        try:
            out.append(decode_columns([column], [values])[0])
        except Exception as error:
            out.append(["raises " + type(error).__name__])
    return out
ours = decoded(result["columns"], result["data"])
theirs = decoded(plain["columns"], plain["data"])
kinds = [getattr(column, "header", {"$a": "json"})["$a"] for column in result["data"]]
out = {"kinds": kinds, "rows": [len(column) for column in ours], "mismatches": []}
for name, a, b in zip([c["name"] for c in result["columns"]], ours, theirs):
    for row, (x, y) in enumerate(zip(a, b)):
        if repr(x) != repr(y) or type(x) is not type(y):
            out["mismatches"].append([name, row, repr(x), repr(y)])
    if len(a) != len(b):
        out["mismatches"].append([name, -1, len(a), len(b)])
print(json.dumps(out))
`;

const PYTHONS = ['/usr/bin/python3', `${process.env.HOME}/.pyenv/versions/3.9.18/bin/python3`, `${process.env.HOME}/.pyenv/versions/3.13.0/bin/python3`];

async function compare(sql: string): Promise<{ kinds: string[]; rows: number[]; mismatches: unknown[] }> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const reader = await connection.run(sql);
    const chunks = await reader.fetchAllChunks();
    const types = reader.columnTypes();
    const rowCount = chunks.reduce((sum, chunk) => sum + chunk.rowCount, 0);
    // Column types as the JSON path's Python decoders know them.
    const columns = reader.columnNames().map((name, i) => ({ name, type: snowflakeTypeName(types[i].toString()) }));
    const result = { queryId: 'q', columns, rowCount, data: [] };
    const directory = mkdtempSync(join(tmpdir(), 'snowpark-local-binary-'));
    writeFileSync(join(directory, 'binary'), binaryResultFrame(1, result, types, chunks));
    writeFileSync(join(directory, 'plain.json'), `{"columns":${JSON.stringify(columns)},"data":[${encodeColumnsAsJson(types, chunks).join(',')}]}`);
    writeFileSync(join(directory, 'compare.py'), COMPARE);
    let last: { kinds: string[]; rows: number[]; mismatches: unknown[] } | undefined;
    for (const python of PYTHONS.filter((path) => spawnSync(path, ['-c', '1']).status === 0)) {
      const run = spawnSync(python, [join(directory, 'compare.py'), join(directory, 'binary'), join(directory, 'plain.json')], { cwd: repoRoot, encoding: 'utf8' });
      assert.equal(run.status, 0, `${python}: ${run.stderr}`);
      last = JSON.parse(run.stdout);
      assert.deepEqual(last!.mismatches, [], `${python} decodes the binary frame as the JSON path does`);
    }
    return last!;
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

function snowflakeTypeName(duckdbType: string): string {
  const decimal = duckdbType.match(/^DECIMAL\((\d+),(\d+)\)$/);
  if (decimal) return `NUMBER(${decimal[1]},${decimal[2]})`;
  if (/INT$/.test(duckdbType) || duckdbType === 'HUGEINT') return 'NUMBER(38,0)';
  if (duckdbType === 'DOUBLE' || duckdbType === 'FLOAT') return 'FLOAT';
  if (duckdbType === 'BLOB') return 'BINARY';
  if (duckdbType === 'TIMESTAMP WITH TIME ZONE') return 'TIMESTAMP_TZ';
  if (duckdbType === 'TIMESTAMP') return 'TIMESTAMP_NTZ';
  return duckdbType;
}

const EVERY_TYPE = `
  select
    case when i % 7 = 0 then null else (i - 2) * 12345678901234567890123456789012::hugeint end as big_hugeint,
    case when i % 7 = 1 then null else ((i - 2) * 98765432109876543210987654321::decimal(38,0)) end as num38,
    case when i % 7 = 2 then null else ((i - 2) * -1234567.891234::decimal(18,6)) end as num18,
    case when i % 7 = 3 then null else ((i - 2) * -1.5::decimal(4,1)) end as num4,
    case when i % 7 = 4 then null else ((i - 2) * -1234567890123.123456789012345678::decimal(38,18)) end as num38s,
    case when i % 7 = 5 then null else ((i % 4) - 2)::bigint * 4611686018427387904 end as int64,
    case when i % 7 = 6 then null else (i % 5)::tinyint end as tiny,
    case when i % 7 = 0 then null else [0.0, -0.0, 'nan'::double, 'inf'::double, '-inf'::double, 1.5, 1e300][i % 7 + 1] end as dbl,
    case when i % 7 = 1 then null else (i * 0.1)::float end as real4,
    case when i % 7 = 2 then null else i % 3 = 0 end as bool,
    case when i % 7 = 3 then null else ['', 'héllo ✓', '😀 astral', 'plain', repeat('long ü text ', 5)][i % 5 + 1] end as text,
    case when i % 7 = 4 then null else (['', 'ab', 'a' || chr(0) || 'b'])[i % 3 + 1] end as text_list_cell,
    case when i % 7 = 5 then null else ['\\x00\\xFF'::blob, ''::blob, 'abc'::blob, repeat('x', 20)::blob][i % 4 + 1] end as bin,
    case when i % 7 = 6 then null else ['1969-07-20'::date, '0001-01-01'::date, '9999-12-31'::date, '1970-01-01'::date][i % 4 + 1] end as day,
    case when i % 7 = 0 then null else ['00:00:00'::time, '13:45:00.123456'::time, '23:59:59.999999'::time][i % 3 + 1] end as clock,
    case when i % 7 = 1 then null else ['1969-12-31 23:59:59.999999'::timestamp, '2024-01-31 13:45:00.123456'::timestamp, '0001-01-02 00:00:00'::timestamp, '9999-12-30 23:59:59'::timestamp][i % 4 + 1] end as ts_ntz,
    case when i % 7 = 2 then null else ['2024-01-31 13:45:00.123456+01:00'::timestamptz, '1960-06-01 00:00:00-05:30'::timestamptz][i % 2 + 1] end as ts_tz,
    case when i % 7 = 3 then null else {'a': i, 'b': ['1', '2', 'x' || i]} end as obj,
    case when i % 7 = 4 then null else [i, i + 1] end as arr,
    case when i % 7 = 5 then null else json_object('k', i) end as variant_json
  from range(%ROWS%) t(i)`;

describe('binary result frames decode in Python exactly as the JSON path does', function () {
  this.timeout(120_000);

  it('every type, NULLs in every column, across several DuckDB chunks (5000 rows)', async () => {
    const out = await compare(EVERY_TYPE.replace('%ROWS%', '5000'));
    assert.ok(out.rows.every((rows) => rows === 5000));
    // Every column but none went binary (the one-NUL text column falls back to offsets, still binary).
    assert.deepEqual(out.kinds.filter((kind) => kind === 'json'), []);
  });

  it('one row and zero rows', async () => {
    assert.deepEqual((await compare(EVERY_TYPE.replace('%ROWS%', '1'))).rows[0], 1);
    assert.deepEqual((await compare(EVERY_TYPE.replace('%ROWS%', '0'))).rows[0], 0);
  });

  it('values Python cannot hold (BC dates, infinite timestamps, 24:00:00) fall back to JSON text instead of failing', async () => {
    const out = await compare(`select '0044-03-15 (BC)'::date as d, 'infinity'::timestamp as t, '24:00:00'::time as c, 'x' as s from range(1)`);
    assert.deepEqual(out.kinds, ['json', 'json', 'json', 'str']);
  });
});
