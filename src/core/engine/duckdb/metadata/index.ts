import { DuckSession } from '../session/duckSession';
import { CatalogLookup, describeQuery } from './describeTable';
import { describeSequenceQuery } from './describeSequence';
import { MetadataQuery } from './metadataQuery';
import { sessionShowQuery } from './sessionShow';
import { describeFunctionQuery } from './describeFunction';
import { userFunctionsShowQuery } from './showUserFunctions';
import { showQuery } from './showStatements';

export { rewriteInformationSchema } from './informationSchema';
export { objectDdl } from './getDdl';
export { CatalogLookup } from './describeTable';
export { MetadataQuery } from './metadataQuery';

/**
 * SHOW … and DESCRIBE TABLE/VIEW/SEQUENCE/FUNCTION as a DuckDB query over the catalog, answered before
 * translation (like stage commands), or undefined for every other statement.
 */
export async function metadataQuery(sql: string, session: DuckSession, lookup: CatalogLookup, queryId: string): Promise<MetadataQuery | undefined> {
  if (!/^\s*(show|desc|describe)\b/i.test(sql)) return undefined;
  return (
    showQuery(sql, session) ??
    sessionShowQuery(sql, session) ??
    (await userFunctionsShowQuery(sql, session, lookup)) ??
    (await describeQuery(sql, session, lookup, queryId)) ??
    (await describeSequenceQuery(sql, session, lookup, queryId)) ??
    (await describeFunctionQuery(sql, session, lookup, queryId))
  );
}
