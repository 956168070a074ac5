import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { StatementOutcome } from '../../../src/core/worksheet/worksheetRunner';
import { runSql, runSqlOk } from '../support/runtimeFixture';
import { columnNames, resultRows } from '../support/resultRows';

// PUT and GET with real files (docs: PUT, GET; snowpark-python's test_file_operation_suite for
// the result rows): PUT gzips an uncompressed file (data.csv → data.csv.gz, target_compression
// GZIP) unless AUTO_COMPRESS = FALSE, keeps an already compressed one as it is, skips a file
// already staged unless OVERWRITE = TRUE; GET copies staged files into a local folder.

describe('PUT and GET on the local engine', function () {
  this.timeout(60_000);
  let runtime: SnowparkRuntime;
  let folder: string;
  let local: string;
  before(async () => {
    folder = mkdtempSync(join(tmpdir(), 'snowpark-local-putget-'));
    local = join(folder, 'local files');
    mkdirSync(local);
    runtime = await SnowparkRuntime.open({ dbPath: join(folder, 'db', 'local.duckdb') });
  });
  after(async () => {
    await runtime.dispose();
    rmSync(folder, { recursive: true, force: true });
  });

  const sql = (text: string): Promise<StatementOutcome[]> => runSqlOk(runtime, text);

  it('PUT gzips into the stage path and answers source, target, sizes, compressions, status and message', async () => {
    const text = 'id,name\n1,a\n2,b\n';
    writeFileSync(join(local, 'data.csv'), text);
    const [, put] = await sql(`create or replace stage files; put 'file://${join(local, 'data.csv')}' @files/in/`);
    assert.deepEqual(columnNames(put), ['source', 'target', 'source_size', 'target_size', 'source_compression', 'target_compression', 'status', 'message']);
    const stored = readFileSync(join(folder, 'db', 'stages', 'FILES', 'in', 'data.csv.gz'));
    assert.deepEqual(resultRows(put), [
      { source: 'data.csv', target: 'data.csv.gz', source_size: text.length, target_size: stored.length, source_compression: 'NONE', target_compression: 'GZIP', status: 'UPLOADED', message: '' },
    ]);
    assert.equal(gunzipSync(stored).toString(), text);
    // Again: skipped, unless OVERWRITE = TRUE.
    const [again, overwritten] = await sql(`put 'file://${join(local, 'data.csv')}' @files/in; put 'file://${join(local, 'data.csv')}' @files/in overwrite = true`);
    assert.equal(resultRows(again)[0].status, 'SKIPPED');
    assert.equal(resultRows(overwritten)[0].status, 'UPLOADED');
    const [listed] = await sql('list @files');
    assert.deepEqual(resultRows(listed).map((row) => row.name), ['files/in/data.csv.gz']);
  });

  it('AUTO_COMPRESS = FALSE stores the file as it is; a .gz file stays GZIP; wildcards pick several files', async () => {
    // A path without blanks may be written unquoted, `//` and all.
    const bare = join(folder, 'bare');
    mkdirSync(bare);
    writeFileSync(join(bare, 't1.csv'), '1\n');
    writeFileSync(join(bare, 't2.csv'), '2\n');
    writeFileSync(join(local, 'packed.csv.gz'), gzipSync('3\n'));
    const [plain, packed, many] = await sql(`
      put file://${join(bare, 't1.csv')} @~/plain auto_compress = false;
      put 'file://${join(local, 'packed.csv.gz')}' @~/packed;
      put file://${join(bare, 't*.csv')} @~/many parallel = 4;
    `);
    assert.deepEqual([resultRows(plain)[0].target, resultRows(plain)[0].target_compression], ['t1.csv', 'NONE']);
    assert.deepEqual([resultRows(packed)[0].target, resultRows(packed)[0].source_compression, resultRows(packed)[0].target_compression], ['packed.csv.gz', 'GZIP', 'GZIP']);
    assert.deepEqual(resultRows(many).map((row) => row.target), ['t1.csv.gz', 't2.csv.gz']);
    // What PUT stored loads: the table stage and COPY's AUTO compression read it back.
    const [, copied] = await sql('create or replace table nums (n int); copy into nums from @~/many');
    assert.deepEqual(resultRows(copied).map((row) => row.rows_loaded), [1, 1]);
  });

  it('GET copies the files under a stage path (or matching PATTERN) into a local folder, creating it', async () => {
    writeFileSync(join(local, 'g1.csv'), 'g1\n');
    writeFileSync(join(local, 'g2.txt'), 'g2\n');
    await sql(`put 'file://${join(local, 'g*')}' @files/get/ auto_compress = false`);
    const target = join(folder, 'downloaded', 'here');
    const [got, matched] = await sql(`get @files/get/ 'file://${target}/'; get @files/get 'file://${target}-csv' pattern = '.*[.]csv'`);
    assert.deepEqual(columnNames(got), ['file', 'size', 'status', 'message']);
    assert.deepEqual(resultRows(got), [
      { file: 'g1.csv', size: 3, status: 'DOWNLOADED', message: '' },
      { file: 'g2.txt', size: 3, status: 'DOWNLOADED', message: '' },
    ]);
    assert.equal(readFileSync(join(target, 'g1.csv'), 'utf8'), 'g1\n');
    assert.deepEqual(resultRows(matched).map((row) => row.file), ['g1.csv']);
    assert.equal(existsSync(join(`${target}-csv`, 'g2.txt')), false);
  });

  it('errors: a local file that does not exist, a stage that does not exist', async () => {
    const [missing, stage] = await runSql(runtime, `
      put 'file://${join(local, 'nope.csv')}' @~;
      put 'file://${join(local, 'data.csv')}' @no_such_stage;
    `);
    assert.equal(missing.error?.errorCode, '253006');
    assert.match(missing.error!.message, /File doesn't exist: \['.*nope\.csv'\]/);
    assert.match(stage.error!.message, /Stage 'LOCAL_DB\.PUBLIC\.NO_SUCH_STAGE' does not exist or not authorized/);
  });
});
