import { DuckSession } from '../session/duckSession';
import { FunctionReference } from './functionReference';
import { StoredFunctions, storedFunctionsFrom, storedFunctionsSql } from './udfCatalog';
import { signatureKey, UdfDefinition } from './udfDefinition';

// Finding a SQL UDF overload by its Snowflake reference `[db.][schema.]name(types)`, for DROP,
// DESCRIBE and GET_DDL. A bare name looks among the session's temporary functions first (as a
// temporary table hides a permanent one), then in the current schema.

/** Reads the catalog (the session's connection, or one inside a transaction). */
export type CatalogRead = (sql: string, values: Array<string | null>) => Promise<unknown[][]>;

export interface FoundOverload {
  stored: StoredFunctions;
  overload: UdfDefinition;
  /** The overload's place among stored.overloads. */
  index: number;
}

/** The [catalog, schema] pairs a reference may name, most specific first. */
export function candidateSchemas(reference: FunctionReference, session: DuckSession): Array<[catalog: string, schema: string]> {
  const { database, schema } = session.context;
  const parts = reference.nameParts;
  if (parts.length === 3) return [[parts[0], parts[1]]];
  if (parts.length === 2) return [[database, parts[0]]];
  return session.tempCatalog ? [[session.tempCatalog, 'main'], [database, schema]] : [[database, schema]];
}

/** The stored macros (scalar and table) named `name` in one schema. */
export async function storedFunctionsIn(read: CatalogRead, catalog: string, schema: string, name: string): Promise<StoredFunctions[]> {
  const where = 'lower(database_name) = lower($1) AND lower(schema_name) = lower($2) AND lower(function_name) = lower($3)';
  return storedFunctionsFrom(await read(storedFunctionsSql(where), [catalog, schema, name]));
}

/** The overload a reference names, or undefined. */
export async function findOverload(read: CatalogRead, reference: FunctionReference, session: DuckSession): Promise<FoundOverload | undefined> {
  const name = reference.nameParts[reference.nameParts.length - 1];
  const key = signatureKey(reference.types);
  for (const [catalog, schema] of candidateSchemas(reference, session)) {
    for (const stored of await storedFunctionsIn(read, catalog, schema, name)) {
      const index = stored.overloads.findIndex((overload) => signatureKey(overload.args.map((argument) => argument.type)) === key);
      if (index >= 0) return { stored, overload: stored.overloads[index], index };
    }
  }
  return undefined;
}
