import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { QueryResult } from '../../../runner/protocol';
import { unquoteStringLiteral } from '../../../sql/literals';
import { isTrivia } from '../../../sql/nodes';
import { scanSql } from '../../../sql/scanSql';
import { buildTokenTree } from '../../../sql/tokenTree';
import { makeDirectory } from '../../../util/makeDirectory';
import { compilationError, SqlError } from '../../sqlError';
import { OptionValue, optionFlag, optionText, optionValue, readOptionPairs } from './optionList';
import { detectCompression } from './stagedFileContent';
import { patternOf, stageFiles } from './stagedFileList';
import { StageFolders } from './stageFolders';

// PUT and GET (docs: PUT, GET), which Snowflake's clients carry out themselves; here the stage
// is a folder on the same machine, so the engine copies the files:
//   PUT file://<path with * and ? allowed> @stage[/path] [AUTO_COMPRESS = TRUE] [SOURCE_COMPRESSION = AUTO_DETECT] [OVERWRITE = FALSE] [PARALLEL = n]
//     → source, target, source_size, target_size, source_compression, target_compression, status, message
//   GET @stage[/path] file://<directory> [PATTERN = '…'] [PARALLEL = n]
//     → file, size, status, message
// PUT gzips a file that is not compressed yet (data.csv → data.csv.gz) unless AUTO_COMPRESS =
// FALSE, and skips a file already in the stage unless OVERWRITE = TRUE. PARALLEL changes nothing.

const PUT = /^\s*put\s+('(?:[^'\\]|''|\\.)*'|\S+)\s+('(?:[^'\\]|''|\\.)*'|\S+)([\s\S]*?)\s*;?\s*$/i;
const GET = /^\s*get\s+('(?:[^'\\]|''|\\.)*'|\S+)\s+('(?:[^'\\]|''|\\.)*'|\S+)([\s\S]*?)\s*;?\s*$/i;

export function isPutOrGet(sql: string): boolean {
  return /^\s*(put|get)\s/i.test(sql);
}

export function runPutOrGet(sql: string, stages: StageFolders, queryId: string): QueryResult {
  const put = PUT.exec(sql);
  if (put && /^\s*put/i.test(sql)) return runPut(unquoted(put[1]), unquoted(put[2]), options(put[3], 'PUT'), stages, queryId);
  const get = GET.exec(sql);
  if (get) return runGet(unquoted(get[1]), unquoted(get[2]), options(get[3], 'GET'), stages, queryId);
  throw compilationError('PUT takes file://<path> @stage[/path] [options]; GET takes @stage[/path] file://<directory> [options].');
}

function runPut(source: string, target: string, written: Map<string, OptionValue>, stages: StageFolders, queryId: string): QueryResult {
  const stage = stages.resolve(target);
  const autoCompress = optionFlag(written, 'AUTO_COMPRESS', true);
  const overwrite = optionFlag(written, 'OVERWRITE', false);
  const sourceCompression = (optionText(written.get('SOURCE_COMPRESSION')) ?? 'AUTO_DETECT').toUpperCase();
  const files = localFiles(localPath(source, 'PUT'));
  if (!files.length) throw new SqlError('253006', '22000', `File doesn't exist: ['${localPath(source, 'PUT')}']`, queryId);
  const folder = stage.path === '' ? '' : stage.path.endsWith('/') ? stage.path : `${stage.path}/`;
  const rows = files.map((file) => {
    const bytes = readFileSync(file);
    const detected = sourceCompression === 'AUTO_DETECT' ? putCompression(bytes, file) : sourceCompression;
    const compress = autoCompress && detected === 'NONE';
    const name = basename(file) + (compress ? '.gz' : '');
    const stored = compress ? gzipSync(bytes) : bytes;
    const destination = join(stage.folder, folder, name);
    const skipped = existsSync(destination) && !overwrite;
    if (!skipped) {
      makeDirectory(dirname(destination));
      writeFileSync(destination, stored);
    }
    return [basename(file), name, bytes.length, stored.length, detected, compress ? 'GZIP' : detected, skipped ? 'SKIPPED' : 'UPLOADED', ''];
  });
  const names = ['source', 'target', 'source_size', 'target_size', 'source_compression', 'target_compression', 'status', 'message'];
  return {
    queryId,
    columns: names.map((name) => ({ name, type: name.endsWith('_size') ? 'NUMBER(38,0)' : 'VARCHAR' })),
    data: names.map((_n, i) => rows.map((row) => row[i])),
    rowCount: rows.length,
  };
}

function runGet(location: string, target: string, written: Map<string, OptionValue>, stages: StageFolders, queryId: string): QueryResult {
  const stage = stages.resolve(location);
  const directory = localPath(target, 'GET');
  const patternText = optionText(written.get('PATTERN'));
  const pattern = patternText === undefined ? undefined : patternOf(patternText);
  const files = stageFiles(stage.folder).filter((file) => file.startsWith(stage.path) && (!pattern || pattern.test(stage.listPrefix + file) || pattern.test(file)));
  if (files.length) makeDirectory(directory);
  for (const file of files) copyFileSync(join(stage.folder, file), join(directory, basename(file)));
  return {
    queryId,
    columns: [
      { name: 'file', type: 'VARCHAR' },
      { name: 'size', type: 'NUMBER(38,0)' },
      { name: 'status', type: 'VARCHAR' },
      { name: 'message', type: 'VARCHAR' },
    ],
    data: [files.map((file) => basename(file)), files.map((file) => statSync(join(stage.folder, file)).size), files.map(() => 'DOWNLOADED'), files.map(() => '')],
    rowCount: files.length,
  };
}

/** PUT's AUTO_DETECT: compressed formats by content or name; Parquet and ORC are stored as they are. */
function putCompression(bytes: Buffer, file: string): string {
  if (bytes.subarray(0, 4).toString('latin1') === 'PAR1' || /\.parquet$/i.test(file)) return 'PARQUET';
  if (bytes.subarray(0, 3).toString('latin1') === 'ORC' || /\.orc$/i.test(file)) return 'ORC';
  return detectCompression(bytes, file);
}

/** `file:///tmp/a.csv` → `/tmp/a.csv`; `file://C:/x` → `C:/x`. */
function localPath(url: string, command: string): string {
  if (!/^file:\/\//i.test(url)) throw compilationError(`${command} expects a local path as file://<path>, found '${url}'.`);
  return url.slice('file://'.length);
}

/** The files a PUT source names: one path, or the matches of `*` and `?` in its last part. */
function localFiles(path: string): string[] {
  const name = basename(path);
  if (!/[*?]/.test(name)) return existsSync(path) && statSync(path).isFile() ? [path] : [];
  const folder = dirname(path);
  if (!existsSync(folder)) return [];
  const matcher = new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');
  return readdirSync(folder)
    .filter((entry) => matcher.test(entry) && statSync(join(folder, entry)).isFile())
    .sort()
    .map((entry) => join(folder, entry));
}

function unquoted(text: string): string {
  return text.startsWith("'") ? unquoteStringLiteral(text) : text;
}

function options(rest: string, command: string): Map<string, OptionValue> {
  const nodes = buildTokenTree(scanSql(rest)).filter((node) => !isTrivia(node));
  const found = new Map<string, OptionValue>();
  for (const { key, value } of readOptionPairs(nodes, 0, command).pairs) found.set(key, optionValue(value, key, command));
  return found;
}
