import type { FunctionCase } from './snowflakeFunctionCases';
import { docSemantics, sql } from './cases/docHelpers';

// CREATE TABLE / CREATE VIEW clauses the local engine drops (CLUSTER BY, DATA_RETENTION_TIME_IN_DAYS,
// COPY GRANTS, policies, tags) or keeps as DuckDB comments (COMMENT = '…', a column's COMMENT '…'),
// and their ALTER TABLE counterparts. The COMMENT page (../sql/comment): a comment is set by
// the COMMENT parameter of CREATE/ALTER <object>, a column's by the COMMENT keyword after its
// declaration; INFORMATION_SCHEMA shows them.

const table = (options: string): string[] => [sql`CREATE OR REPLACE TABLE ddl_options (id NUMBER COMMENT 'the key', note VARCHAR) ${options}`, sql`INSERT INTO ddl_options VALUES (1, 'a')`];

export const DDL_OPTION_CASES: FunctionCase[] = [
  docSemantics(
    'CREATE TABLE options',
    '../sql/create-table',
    sql`SELECT t.comment, c.comment, (SELECT count(*) FROM ddl_options) FROM information_schema.tables t JOIN information_schema.columns c ON c.table_name = t.table_name WHERE t.table_name = 'DDL_OPTIONS' AND c.column_name = 'ID'`,
    [['a table comment', 'the key', 1]],
    "CLUSTER BY, DATA_RETENTION_TIME_IN_DAYS, CHANGE_TRACKING, COPY GRANTS and WITH TAG are clauses of CREATE TABLE (Syntax); the table is made and filled, its COMMENT and the column's COMMENT are what INFORMATION_SCHEMA shows (../sql/comment)",
    { setup: table(sql`CLUSTER BY (id) DATA_RETENTION_TIME_IN_DAYS = 1 CHANGE_TRACKING = TRUE COPY GRANTS COMMENT = 'a table comment' WITH TAG (cost_center = 'x')`) },
  ),
  docSemantics(
    'ALTER TABLE options',
    '../sql/alter-table',
    sql`SELECT t.comment, c.comment FROM information_schema.tables t JOIN information_schema.columns c ON c.table_name = t.table_name WHERE t.table_name = 'DDL_OPTIONS' AND c.column_name = 'NOTE'`,
    [['changed', 'a note']],
    "ALTER TABLE … SET COMMENT = and ALTER TABLE … ALTER COLUMN … COMMENT set the comments (../sql/alter-table-column); CLUSTER BY and SET DATA_RETENTION_TIME_IN_DAYS change no answer",
    {
      setup: [
        ...table(''),
        sql`ALTER TABLE ddl_options CLUSTER BY (id)`,
        sql`ALTER TABLE ddl_options SET DATA_RETENTION_TIME_IN_DAYS = 1 COMMENT = 'changed'`,
        sql`ALTER TABLE ddl_options ALTER COLUMN note COMMENT 'a note'`,
      ],
    },
  ),
  docSemantics(
    'ALTER TABLE SWAP WITH',
    '../sql/alter-table',
    sql`SELECT (SELECT v FROM swap_live), (SELECT v FROM swap_staging)`,
    [['new', 'old']],
    'SWAP WITH "swaps all content and metadata between two specified tables"',
    {
      setup: [
        sql`CREATE OR REPLACE TABLE swap_live (v VARCHAR)`,
        sql`INSERT INTO swap_live VALUES ('old')`,
        sql`CREATE OR REPLACE TABLE swap_staging (v VARCHAR)`,
        sql`INSERT INTO swap_staging VALUES ('new')`,
        sql`ALTER TABLE swap_live SWAP WITH swap_staging`,
      ],
    },
  ),
  docSemantics(
    'SECURE / MATERIALIZED VIEW',
    '../sql/create-view',
    sql`SELECT (SELECT count(*) FROM ddl_secure), (SELECT n FROM ddl_materialized)`,
    [[1, 1]],
    'a secure view (CREATE SECURE VIEW) and a materialized view (../sql/create-materialized-view) answer as the view of their query',
    { setup: [...table(''), sql`CREATE OR REPLACE SECURE VIEW ddl_secure AS SELECT id FROM ddl_options`, sql`CREATE OR REPLACE MATERIALIZED VIEW ddl_materialized AS SELECT count(*) AS n FROM ddl_options`] },
  ),
  docSemantics(
    'features the local engine does not have',
    '../sql/undrop-table',
    sql`UNDROP TABLE ddl_options`,
    undefined,
    'UNDROP restores a dropped table from Time Travel, which the local engine does not keep: refused by name (001003 here), not run',
    { error: '001003' },
  ),
  docSemantics(
    'Time Travel clauses',
    '../constructs/at-before',
    sql`SELECT * FROM ddl_options AT(OFFSET => -60)`,
    undefined,
    'AT(OFFSET => …) reads the table as it was; the local engine keeps only the current rows: refused by name (001003 here)',
    { error: '001003', setup: table('') },
  ),
];
