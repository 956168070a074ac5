import { SqlError } from '../../sqlError';
import { DuckSession } from '../session/duckSession';
import { literal } from './catalogSql';
import { CatalogLookup } from './describeTable';
import { MetadataQuery } from './metadataQuery';
import { displayName, nameParts, OBJECT_NAME, qualifiedParts } from './objectNames';
import { sequencesSql, showSequencesSql, SHOW_SEQUENCES } from './sequenceSql';

// DESCRIBE | DESC SEQUENCE s (https://docs.snowflake.com/en/sql-reference/sql/desc-sequence):
// one row, with the columns SHOW SEQUENCES has.

const DESCRIBE_SEQUENCE = new RegExp(String.raw`^\s*(?:describe|desc)\s+sequence\s+(${OBJECT_NAME})\s*;?\s*$`, 'i');

export async function describeSequenceQuery(sql: string, session: DuckSession, lookup: CatalogLookup, queryId: string): Promise<MetadataQuery | undefined> {
  const match = DESCRIBE_SEQUENCE.exec(sql);
  if (!match) return undefined;
  const parts = nameParts(match[1]);
  const { database, schema } = session.context;
  const [db, sch, name] = qualifiedParts(parts, database, schema);
  const where = 'lower(database_name) = lower($1) AND lower(schema_name) = lower($2) AND lower(name) = lower($3)';
  const found = await lookup(`SELECT 1 FROM (${sequencesSql(session)}) WHERE ${where}`, [db, sch, name]);
  if (found.length === 0) {
    throw new SqlError('002003', '02000', `SQL compilation error:\nSequence '${displayName(parts)}' does not exist or not authorized.`, queryId);
  }
  const filter = `lower(database_name) = lower(${literal(db)}) AND lower(schema_name) = lower(${literal(sch)}) AND lower(name) = lower(${literal(name)})`;
  return { sql: `${showSequencesSql(session, filter)} LIMIT 1`, columns: SHOW_SEQUENCES };
}
