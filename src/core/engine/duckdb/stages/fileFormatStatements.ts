import { QueryResult } from '../../../runner/protocol';
import { identifierValue } from '../../../sql/identifiers';
import { unquoteStringLiteral } from '../../../sql/literals';
import { isPunct, isTokenOf, isWord } from '../../../sql/nodes';
import { scanSql } from '../../../sql/scanSql';
import { buildTokenTree, SqlNode } from '../../../sql/tokenTree';
import { compilationError } from '../../sqlError';
import { DuckSession } from '../session/duckSession';
import { fileFormatOf, FORMAT_PROPERTIES, formatOptionsJson, propertyValue } from './fileFormat';
import { FileFormatCatalog, StoredFileFormat } from './fileFormatCatalog';
import { OptionValue, optionText, optionValue, readOptionPairs } from './optionList';

// The file format statements (docs: CREATE / ALTER / DROP / SHOW / DESCRIBE FILE FORMAT):
//   CREATE [OR REPLACE] [{TEMP|TEMPORARY|VOLATILE} | SCOPED TEMPORARY] FILE FORMAT [IF NOT EXISTS] name
//     [TYPE = CSV|JSON|PARQUET|… options…] [COMMENT = '…']
//   ALTER FILE FORMAT [IF EXISTS] name { SET options… | RENAME TO new_name }
//   DROP FILE FORMAT [IF EXISTS] name
//   SHOW FILE FORMATS [LIKE '…'] [IN ACCOUNT | DATABASE [d] | SCHEMA [[d.]s] | [d.]s]
//   DESC[RIBE] FILE FORMAT name

const MAY_BE_FILE_FORMAT = /^\s*(create|alter|drop|show|desc|describe)\b[\s\S]*?\bfile\s+formats?\b/i;

export async function runFileFormatStatement(sql: string, session: DuckSession, catalog: FileFormatCatalog, queryId: string): Promise<QueryResult | undefined> {
  if (!MAY_BE_FILE_FORMAT.test(sql)) return undefined;
  const nodes = buildTokenTree(scanSql(sql.replace(/;\s*$/, ''))).filter((node) => !(node.type === 'token' && (node.token.kind === 'whitespace' || node.token.kind === 'comment')));
  const reader = new Reader(nodes);
  switch (reader.word()) {
    case 'CREATE':
      return create(reader, session, catalog, queryId);
    case 'ALTER':
      return reader.words('FILE', 'FORMAT') ? alter(reader, session, catalog, queryId) : undefined;
    case 'DROP':
      return reader.words('FILE', 'FORMAT') ? drop(reader, session, catalog, queryId) : undefined;
    case 'SHOW':
      return reader.words('FILE', 'FORMATS') ? show(reader, session, catalog, queryId) : undefined;
    case 'DESC':
    case 'DESCRIBE':
      return reader.words('FILE', 'FORMAT') ? describe(reader, session, catalog, queryId) : undefined;
    default:
      return undefined;
  }
}

async function create(reader: Reader, session: DuckSession, catalog: FileFormatCatalog, queryId: string): Promise<QueryResult | undefined> {
  const orReplace = reader.words('OR', 'REPLACE');
  reader.words('SCOPED');
  const temporary = reader.words('TEMP') || reader.words('TEMPORARY') || reader.words('VOLATILE');
  if (!reader.words('FILE', 'FORMAT')) return undefined;
  const ifNotExists = reader.words('IF', 'NOT', 'EXISTS');
  const parts = reader.name('CREATE FILE FORMAT');
  const options = reader.options('CREATE FILE FORMAT');
  const [database, schema, name] = catalog.qualify(session, parts);
  const format = fileFormatOf(options);
  const created = await catalog.create(session, { database, schema, name, format, comment: optionText(options.get('COMMENT')) ?? '', temporary }, orReplace, ifNotExists);
  return status(created ? `File format ${name} successfully created.` : `${name} already exists, statement succeeded.`, queryId);
}

async function alter(reader: Reader, session: DuckSession, catalog: FileFormatCatalog, queryId: string): Promise<QueryResult> {
  const ifExists = reader.words('IF', 'EXISTS');
  const parts = reader.name('ALTER FILE FORMAT');
  const existing = ifExists ? await catalog.find(session, parts) : await catalog.resolve(session, parts);
  if (!existing) return status('Statement executed successfully.', queryId);
  if (reader.words('RENAME', 'TO')) {
    const [database, schema, name] = catalog.qualify(session, reader.name('ALTER FILE FORMAT … RENAME TO'));
    reader.end('ALTER FILE FORMAT');
    await catalog.replace(session, existing, { ...existing, database, schema, name });
  } else if (reader.words('SET')) {
    const options = reader.options('ALTER FILE FORMAT … SET');
    const comment = optionText(options.get('COMMENT')) ?? existing.comment;
    await catalog.replace(session, existing, { ...existing, format: fileFormatOf(options, existing.format), comment });
  } else {
    throw compilationError('ALTER FILE FORMAT supports SET options… and RENAME TO name locally.');
  }
  return status('Statement executed successfully.', queryId);
}

async function drop(reader: Reader, session: DuckSession, catalog: FileFormatCatalog, queryId: string): Promise<QueryResult> {
  const ifExists = reader.words('IF', 'EXISTS');
  const parts = reader.name('DROP FILE FORMAT');
  reader.end('DROP FILE FORMAT');
  const dropped = await catalog.drop(session, parts, ifExists);
  const name = parts[parts.length - 1];
  return status(dropped ? `${name} successfully dropped.` : 'Drop statement executed successfully (' + name + ' already dropped).', queryId);
}

const SHOW_COLUMNS = ['created_on', 'name', 'database_name', 'schema_name', 'type', 'owner', 'comment', 'format_options', 'owner_role_type'];

async function show(reader: Reader, session: DuckSession, catalog: FileFormatCatalog, queryId: string): Promise<QueryResult> {
  let like: RegExp | undefined;
  if (reader.words('LIKE')) like = likePattern(reader.string('SHOW FILE FORMATS … LIKE'));
  let database: string | undefined = session.context.database;
  let schema: string | undefined;
  if (reader.words('IN')) {
    if (reader.words('ACCOUNT')) database = undefined;
    else if (reader.words('DATABASE')) database = reader.done() ? database : reader.name('SHOW FILE FORMATS IN DATABASE')[0];
    else {
      reader.words('SCHEMA');
      const parts = reader.done() ? [session.context.schema] : reader.name('SHOW FILE FORMATS IN SCHEMA');
      [database, schema] = parts.length === 2 ? parts : [database, parts[0]];
    }
  }
  reader.end('SHOW FILE FORMATS');
  const databases = database ? [database] : await catalog.databases(session);
  const shown = (await catalog.list(session, databases))
    .filter((entry) => database === undefined || entry.database.toUpperCase() === database.toUpperCase())
    .filter((entry) => schema === undefined || entry.schema.toUpperCase() === schema.toUpperCase())
    .filter((entry) => !like || like.test(entry.name))
    .sort((a, b) => `${a.database}.${a.schema}.${a.name}`.localeCompare(`${b.database}.${b.schema}.${b.name}`));
  const cells = (pick: (entry: StoredFileFormat) => unknown): unknown[] => shown.map(pick);
  return {
    queryId,
    columns: SHOW_COLUMNS.map((name) => ({ name, type: name === 'created_on' ? 'TIMESTAMP_LTZ' : 'VARCHAR' })),
    data: [
      cells((e) => e.createdOn),
      cells((e) => e.name),
      cells((e) => e.database),
      cells((e) => e.schema),
      cells((e) => e.format.type),
      cells(() => session.context.role || null),
      cells((e) => e.comment),
      cells((e) => formatOptionsJson(e.format)),
      cells(() => 'ROLE'),
    ],
    rowCount: shown.length,
  };
}

async function describe(reader: Reader, session: DuckSession, catalog: FileFormatCatalog, queryId: string): Promise<QueryResult> {
  const parts = reader.name('DESCRIBE FILE FORMAT');
  reader.end('DESCRIBE FILE FORMAT');
  const { format } = await catalog.resolve(session, parts);
  const properties = FORMAT_PROPERTIES[format.type];
  const rows: string[][] = [['TYPE', 'String', format.type, 'CSV'], ...properties.map((p) => [p.name, p.kind, propertyValue(format, p), propertyValue({ type: format.type, options: new Map() }, p)])];
  return {
    queryId,
    columns: ['property', 'property_type', 'property_value', 'property_default'].map((name) => ({ name, type: 'VARCHAR' })),
    data: [0, 1, 2, 3].map((column) => rows.map((row) => row[column])),
    rowCount: rows.length,
  };
}

/** SQL LIKE (case-insensitive, as SHOW's is) as a regular expression. */
function likePattern(pattern: string): RegExp {
  const body = pattern.replace(/[.*+?^${}()|[\]\\]/g, (ch) => `\\${ch}`).replace(/%/g, '.*').replace(/_/g, '.');
  return new RegExp(`^${body}$`, 'is');
}

function status(text: string, queryId: string): QueryResult {
  return { queryId, columns: [{ name: 'status', type: 'VARCHAR' }], data: [[text]], rowCount: 1 };
}

/** Reads significant nodes left to right. */
class Reader {
  private at = 0;
  constructor(private readonly nodes: SqlNode[]) {}

  word(): string | undefined {
    const node = this.nodes[this.at];
    if (!isTokenOf(node, 'word')) return undefined;
    this.at++;
    return node.token.text.toUpperCase();
  }

  /** Consumes the words if they come next, in order. */
  words(...words: string[]): boolean {
    for (let i = 0; i < words.length; i++) if (!isWord(this.nodes[this.at + i], words[i])) return false;
    this.at += words.length;
    return true;
  }

  done(): boolean {
    return this.at >= this.nodes.length;
  }

  end(where: string): void {
    if (!this.done()) throw compilationError(`${where}: unexpected '${nodeText(this.nodes[this.at])}'.`);
  }

  string(where: string): string {
    const node = this.nodes[this.at];
    if (!isTokenOf(node, 'string')) throw compilationError(`${where} expects a quoted string.`);
    this.at++;
    return unquoteStringLiteral(node.token.text);
  }

  /** `a`, `"a"`, `db.s.a`: the parts' values (unquoted upper case, quoted exact). */
  name(where: string): string[] {
    const parts: string[] = [];
    for (;;) {
      const node = this.nodes[this.at];
      if (!isTokenOf(node, 'word') && !isTokenOf(node, 'quotedIdent')) throw compilationError(`${where} expects a name.`);
      parts.push(identifierValue(node.token));
      this.at++;
      if (!isPunct(this.nodes[this.at], '.')) return parts;
      this.at++;
    }
  }

  /** The rest as KEY = value options. */
  options(where: string): Map<string, OptionValue> {
    const options = new Map<string, OptionValue>();
    const { pairs, end } = readOptionPairs(this.nodes, this.at, where);
    for (const { key, value } of pairs) options.set(key, optionValue(value, key, where));
    this.at = end;
    return options;
  }
}

function nodeText(node: SqlNode): string {
  return node.type === 'token' ? node.token.text : node.open.text;
}
