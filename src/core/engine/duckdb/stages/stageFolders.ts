import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, sep } from 'node:path';
import { SqlError } from '../../sqlError';
import { makeDirectory } from '../../../util/makeDirectory';

// Snowflake's internal stages, as folders beside the database file:
//   @~/path        → <db folder>/stages/user/path
//   @%table/path   → <db folder>/stages/table_<TABLE>/path
//   @name/path     → <db folder>/stages/<NAME>/path   (CREATE STAGE name makes the folder)
// so files a handler unloads outlive the run, as they would in a Snowflake stage. A ':memory:'
// database keeps nothing, so its stages live in a temporary folder removed when the engine closes.

export interface StageLocation {
  /** The stage's folder on disk. */
  readonly folder: string;
  /** The path inside the stage as written (`result/data_`), '' for the stage's root. */
  readonly path: string;
  /** How LIST names files of this stage: `my_stage/` for named stages, '' for user and table stages. */
  readonly listPrefix: string;
  /** The location as the user wrote it, for messages. */
  readonly display: string;
}

const LOCATION = /^@(~|%("(?:[^"]|"")+"|[^/\s"]+)|((?:(?:"(?:[^"]|"")+"|[^/\s."]+)\.){0,2}(?:"(?:[^"]|"")+"|[^/\s."]+)))(\/.*)?$/s;

export class StageFolders {
  private temporaryRoot?: string;

  constructor(
    private readonly databasePath: string,
    private readonly qualifier: { database: string; schema: string },
  ) {}

  /** `@~/a/b`, `@%t/a`, `@db.schema."Stage"/a` → the folder and the path inside it. */
  resolve(location: string): StageLocation {
    const match = LOCATION.exec(location.trim());
    if (!match) throw invalidLocation(location);
    const path = (match[4] ?? '').replace(/^\/+/, '');
    if (path.split('/').some((part) => part === '..')) {
      throw new SqlError('001003', '42000', `SQL compilation error:\nThe stage path in ${location} contains '..'; stage paths cannot leave their stage.`);
    }
    if (match[1] === '~') return { folder: join(this.root(), 'user'), path, listPrefix: '', display: location };
    if (match[2] !== undefined) return { folder: join(this.root(), `table_${folderName(identifier(match[2]))}`), path, listPrefix: '', display: location };
    const name = identifier(lastPart(match[3]));
    const folder = join(this.root(), folderName(name));
    if (!existsSync(folder)) {
      throw new SqlError(
        '002003',
        '02000',
        `SQL compilation error:\nStage '${this.qualifier.database}.${this.qualifier.schema}.${name}' does not exist or not authorized. ` +
          `On the local engine a named stage is a folder made by CREATE STAGE ${name}; run that first (user stage @~ and table stages @%table need nothing).`,
      );
    }
    return { folder, path, listPrefix: `${name.toLowerCase()}/`, display: location };
  }

  /**
   * CREATE [OR REPLACE] STAGE: the folder, emptied when replacing (Snowflake drops a replaced
   * stage's files). Undefined when IF NOT EXISTS found the stage there (it is left as it is).
   */
  create(name: string, replace: boolean, ifNotExists: boolean): string | undefined {
    const folder = join(this.root(), folderName(name));
    if (existsSync(folder)) {
      if (replace) rmSync(folder, { recursive: true, force: true });
      else if (!ifNotExists) {
        throw new SqlError('002002', '42710', `SQL compilation error:\nObject '${name}' already exists.`);
      } else return undefined;
    }
    makeDirectory(folder);
    return folder;
  }

  /** The workspace's database and schema, where a stage statement without a session resolves names. */
  get defaults(): { database: string; schema: string } {
    return this.qualifier;
  }

  drop(name: string, ifExists: boolean): void {
    const folder = join(this.root(), folderName(name));
    if (!existsSync(folder)) {
      if (ifExists) return;
      throw new SqlError('002003', '02000', `SQL compilation error:\nStage '${name}' does not exist or not authorized.`);
    }
    rmSync(folder, { recursive: true, force: true });
  }

  /** The folder that holds every stage: beside the database file, or a temporary one for ':memory:'. */
  root(): string {
    if (this.databasePath !== ':memory:') return join(dirname(this.databasePath), 'stages');
    this.temporaryRoot ??= mkdtempSync(join(tmpdir(), 'snowpark-local-stages-'));
    return this.temporaryRoot;
  }

  /** Removes the temporary stages of a ':memory:' database; file databases keep theirs. */
  dispose(): void {
    if (this.temporaryRoot) rmSync(this.temporaryRoot, { recursive: true, force: true });
    this.temporaryRoot = undefined;
  }
}

/** Unquoted names are upper case, as Snowflake resolves them; quoted names are exact. */
export function identifier(text: string): string {
  return text.startsWith('"') ? text.slice(1, -1).replace(/""/g, '"') : text.toUpperCase();
}

export function lastPart(qualified: string): string {
  const parts = qualified.match(/"(?:[^"]|"")+"|[^."]+/g) ?? [qualified];
  return parts[parts.length - 1];
}

/** A stage name as one safe folder name (quoted names may hold any character). */
function folderName(name: string): string {
  return name.replace(/[\\/:*?"<>|\0]/g, '_').split(sep).join('_');
}

function invalidLocation(location: string): SqlError {
  return new SqlError(
    '001003',
    '42000',
    `SQL compilation error:\nInvalid stage location ${location}. The local engine writes to internal stages: ` +
      `@~/path (user stage), @%table/path (table stage) or @stage_name/path; external locations (s3://, gcs://, azure://) need the Snowflake target.`,
  );
}
