// Snowflake's temporary tables and views belong to the session; DuckDB's TEMP objects belong
// to one connection, which a pooled session does not keep. So `CREATE TEMPORARY TABLE x`
// becomes `CREATE TABLE <session catalog>.main.x`: the session's own in-memory database,
// on the search path of whichever connection runs that session's statements.

const CREATE_TEMP =
  /^(\s*(?:--[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*create\s+(?:or\s+replace\s+)?)(?:(?:local|global)\s+)?(?:scoped\s+)?(?:temp|temporary|volatile)\s+(table|view)\s+((?:if\s+not\s+exists\s+)?)((?:(?:"(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*)\s*\.\s*)*)("(?:[^"]|"")*"|[A-Za-z_][A-Za-z0-9_$]*)/i;

/** Whether the statement creates a temporary table or view (cheap: no rewrite). */
export function createsTempObject(sql: string): boolean {
  return CREATE_TEMP.test(sql);
}

/**
 * The statement with its temporary object created in `catalog` instead. A database or
 * schema the user wrote is dropped: the object is found by its bare name, as Snowflake
 * finds a temporary table in the current schema.
 */
export function targetSessionCatalog(sql: string, catalog: string): string {
  return sql.replace(CREATE_TEMP, (_all, create: string, kind: string, ifNotExists: string, _qualifier: string, name: string) => {
    return `${create}${kind} ${ifNotExists}"${catalog}".main.${name}`;
  });
}
