import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { QueryResult } from '../../../runner/protocol';
import { unquoteStringLiteral } from '../../../sql/literals';
import { SqlError } from '../../sqlError';
import { identifier, lastPart, StageFolders } from './stageFolders';
import { TEMPORARY_PREFIX } from './unload';

// The stage statements a handler uses around an unload, answered from the stage folders:
//   CREATE [OR REPLACE] [TEMP|TEMPORARY] STAGE [IF NOT EXISTS] name …   DROP STAGE [IF EXISTS] name
//   LIST @stage[/path] [PATTERN = 'regex']      → name, size, md5, last_modified
//   REMOVE @stage[/path] [PATTERN = 'regex']    → name, result
// Stage options (URL, FILE_FORMAT, …) are accepted and not kept; a temporary stage lives as
// long as the database's stage folder, not the session (the engine does not see sessions end).

const NAME = String.raw`((?:(?:"(?:[^"]|"")+"|[^\s."]+)\.){0,2}(?:"(?:[^"]|"")+"|[^\s."]+))`;
const CREATE = new RegExp(String.raw`^\s*create\s+(or\s+replace\s+)?(?:(?:temp|temporary)\s+)?stage\s+(if\s+not\s+exists\s+)?${NAME}`, 'i');
const DROP = new RegExp(String.raw`^\s*drop\s+stage\s+(if\s+exists\s+)?${NAME}\s*;?\s*$`, 'i');
const LIST_OR_REMOVE = /^\s*(list|ls|remove|rm)\s+('(?:[^']|'')*'|@\S+)(?:\s+pattern\s*=\s*('(?:[^'\\]|''|\\.)*'))?\s*;?\s*$/i;

/** The answer to a stage statement, or undefined when the statement is not one. */
export function runStageCommand(sql: string, stages: StageFolders, queryId: string): QueryResult | undefined {
  try {
    const created = CREATE.exec(sql);
    if (created) {
      const name = identifier(lastPart(created[3]));
      stages.create(name, Boolean(created[1]), Boolean(created[2]));
      return status(`Stage area ${name} successfully created.`, queryId);
    }
    const dropped = DROP.exec(sql);
    if (dropped) {
      const name = identifier(lastPart(dropped[2]));
      stages.drop(name, Boolean(dropped[1]));
      return status(`${name} successfully dropped.`, queryId);
    }
    const listed = LIST_OR_REMOVE.exec(sql);
    if (!listed) return undefined;
    const location = listed[2].startsWith("'") ? unquoteStringLiteral(listed[2]) : listed[2];
    const stage = stages.resolve(location);
    const pattern = listed[3] ? patternOf(unquoteStringLiteral(listed[3])) : undefined;
    const files = stageFiles(stage.folder).filter((file) => file.startsWith(stage.path) && (!pattern || pattern.test(stage.listPrefix + file)));
    if (/^\s*(list|ls)\b/i.test(sql)) return listing(files, stage.folder, stage.listPrefix, queryId);
    for (const file of files) rmSync(join(stage.folder, file), { force: true });
    return {
      queryId,
      columns: [{ name: 'name', type: 'VARCHAR' }, { name: 'result', type: 'VARCHAR' }],
      data: [files.map((file) => stage.listPrefix + file), files.map(() => 'removed')],
      rowCount: files.length,
    };
  } catch (error) {
    throw error instanceof SqlError && !error.queryId ? error.withQueryId(queryId) : error;
  }
}

/** Every file under a stage folder, as a '/'-separated path, skipping unloads still being written. */
function stageFiles(folder: string, prefix = ''): string[] {
  if (!existsSync(folder)) return [];
  const found: string[] = [];
  for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith(TEMPORARY_PREFIX)) continue;
    if (entry.isDirectory()) found.push(...stageFiles(join(folder, entry.name), `${prefix}${entry.name}/`));
    else found.push(prefix + entry.name);
  }
  return found;
}

function listing(files: string[], folder: string, listPrefix: string, queryId: string): QueryResult {
  const stats = files.map((file) => statSync(join(folder, file)));
  return {
    queryId,
    columns: [
      { name: 'name', type: 'VARCHAR' },
      { name: 'size', type: 'NUMBER(38,0)' },
      { name: 'md5', type: 'VARCHAR' },
      { name: 'last_modified', type: 'VARCHAR' },
    ],
    data: [
      files.map((file) => listPrefix + file),
      stats.map((stat) => stat.size),
      files.map((file) => createHash('md5').update(readFileSync(join(folder, file))).digest('hex')),
      stats.map((stat) => httpDate(stat.mtime)),
    ],
    rowCount: files.length,
  };
}

/** Snowflake's LIST date: `Wed, 5 Aug 2020 16:58:16 GMT` (day not zero-padded). */
function httpDate(date: Date): string {
  return date.toUTCString().replace(/, 0(\d) /, ', $1 ');
}

function patternOf(text: string): RegExp {
  try {
    // Snowflake matches PATTERN against the whole name.
    return new RegExp(`^(?:${text})$`);
  } catch (error) {
    throw new SqlError('001003', '42000', `SQL compilation error:\nInvalid PATTERN '${text}': ${(error as Error).message}`);
  }
}

function status(text: string, queryId: string): QueryResult {
  return { queryId, columns: [{ name: 'status', type: 'VARCHAR' }], data: [[text]], rowCount: 1 };
}
