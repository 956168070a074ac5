import { createHash } from 'node:crypto';
import { readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { QueryResult } from '../../../runner/protocol';
import { unquoteStringLiteral } from '../../../sql/literals';
import { SqlError } from '../../sqlError';
import { patternOf, stageFiles } from './stagedFileList';
import { identifier, lastPart, StageFolders } from './stageFolders';
import { stagePropertiesOf, writeStageProperties } from './stageProperties';

// The stage statements a handler uses around an unload, answered from the stage folders:
//   CREATE [OR REPLACE] [TEMP|TEMPORARY] STAGE [IF NOT EXISTS] name …   DROP STAGE [IF EXISTS] name
//   LIST @stage[/path] [PATTERN = 'regex']      → name, size, md5, last_modified
//   REMOVE @stage[/path] [PATTERN = 'regex']    → name, result
// A stage keeps its FILE_FORMAT and COPY_OPTIONS (stageProperties.ts) for later COPY INTO
// <table> and queries of its files; other options (URL, ENCRYPTION, …) are accepted and not
// kept. A temporary stage lives as long as the database's stage folder, not the session.

const NAME = String.raw`((?:(?:"(?:[^"]|"")+"|[^\s."]+)\.){0,2}(?:"(?:[^"]|"")+"|[^\s."]+))`;
const CREATE = new RegExp(String.raw`^\s*create\s+(or\s+replace\s+)?(?:(?:temp|temporary)\s+)?stage\s+(if\s+not\s+exists\s+)?${NAME}`, 'i');
const DROP = new RegExp(String.raw`^\s*drop\s+stage\s+(if\s+exists\s+)?${NAME}\s*;?\s*$`, 'i');
const LIST_OR_REMOVE = /^\s*(list|ls|remove|rm)\s+('(?:[^']|'')*'|@\S+)(?:\s+pattern\s*=\s*('(?:[^'\\]|''|\\.)*'))?\s*;?\s*$/i;

/** The answer to a stage statement, or undefined when the statement is not one. */
export function runStageCommand(sql: string, stages: StageFolders, queryId: string, current: { database: string; schema: string } = stages.defaults): QueryResult | undefined {
  try {
    const created = CREATE.exec(sql);
    if (created) {
      const name = identifier(lastPart(created[3]));
      const properties = stagePropertiesOf(sql.slice(created[0].length), current);
      const folder = stages.create(name, Boolean(created[1]), Boolean(created[2]));
      if (folder) writeStageProperties(folder, properties);
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

function status(text: string, queryId: string): QueryResult {
  return { queryId, columns: [{ name: 'status', type: 'VARCHAR' }], data: [[text]], rowCount: 1 };
}
