import type { FunctionCase } from '../snowflakeFunctionCases';
import { docEx, docSemantics, known, sql } from './docHelpers';

// Metadata statements (SHOW …, DESCRIBE …, GET_DDL) with the output their pages print. Columns
// the local engine cannot know (created_on, owner …) are left out: the statement runs in `setup`
// and the case reads the columns it can know through RESULT_SCAN(LAST_QUERY_ID()), as the
// pages' usage notes suggest for post-processing SHOW output.

const SCAN = 'FROM TABLE(RESULT_SCAN(LAST_QUERY_ID()))';

// The doc's AREA_OF_CIRCLE is JavaScript; the local engine registers Python procedures, so the
// same signature is declared with a Python handler (language and body are not compared).
const AREA_OF_CIRCLE = sql`CREATE OR REPLACE PROCEDURE area_of_circle(radius FLOAT)
RETURNS FLOAT
LANGUAGE PYTHON
RUNTIME_VERSION = '3.12'
PACKAGES = ('snowflake-snowpark-python')
HANDLER = 'run'
AS $$
def run(session, radius):
    return 3.1415926 * radius * radius
$$`;
const LANGUAGE_NOTE = 'the procedure is declared in Python (the doc uses JavaScript); only language-independent columns are compared';

const sem = docSemantics;

export const METADATA_CASES: FunctionCase[] = [
  // SHOW PROCEDURES / DESCRIBE PROCEDURE
  docEx(
    'SHOW PROCEDURES',
    '../sql/show-procedures',
    sql`SELECT "name", "is_builtin", "is_aggregate", "is_ansi", "min_num_arguments", "max_num_arguments", "arguments", "description", "is_table_function", "valid_for_clustering", "is_secure" ${SCAN}`,
    [['AREA_OF_CIRCLE', 'N', 'N', 'N', 1, 1, 'AREA_OF_CIRCLE(FLOAT) RETURN FLOAT', 'user-defined procedure', 'N', 'N', 'N']],
    LANGUAGE_NOTE,
    { setup: [AREA_OF_CIRCLE, "SHOW PROCEDURES LIKE 'area_of_%'"] },
  ),
  docEx(
    'DESCRIBE PROCEDURE',
    '../sql/desc-procedure',
    sql`SELECT "property", "value" ${SCAN} WHERE "property" IN ('signature', 'returns', 'null handling', 'volatility', 'execute as')`,
    [['signature', '(RADIUS FLOAT)'], ['returns', 'FLOAT'], ['null handling', 'CALLED ON NULL INPUT'], ['volatility', 'VOLATILE'], ['execute as', 'OWNER']],
    LANGUAGE_NOTE,
    { setup: [AREA_OF_CIRCLE, 'DESC PROCEDURE area_of_circle(FLOAT)'] },
  ),
  sem('DESCRIBE PROCEDURE', '../sql/desc-procedure', 'DESC PROCEDURE area_of_circle(VARCHAR)', undefined, 'the argument types are part of the name: a procedure with other types does not exist', {
    setup: [AREA_OF_CIRCLE],
    error: '002003',
  }),
  // SHOW FUNCTIONS / SHOW USER FUNCTIONS
  docEx('SHOW FUNCTIONS', '../sql/show-functions', sql`SELECT "name", "is_builtin", "is_aggregate", "language", "is_memoizable", "is_data_metric" ${SCAN}`, [['SQUARE', 'Y', 'N', 'SQL', 'N', 'N']], 'the doc also prints is_ansi, argument counts, arguments and description, which the local engine does not know', {
    setup: ["SHOW FUNCTIONS LIKE 'SQUARE'"],
  }),
  docEx(
    'SHOW USER FUNCTIONS',
    '../sql/show-user-functions',
    sql`SELECT "name", "schema_name", "is_builtin", "arguments", "language", "is_memoizable" ${SCAN}`,
    [['ALLOWED_REGIONS', 'PUBLIC', 'N', 'ALLOWED_REGIONS() RETURN ARRAY', 'SQL', 'Y'], ['ALLOWED_REGIONS_NON_MEMO', 'PUBLIC', 'N', 'ALLOWED_REGIONS_NON_MEMO() RETURN ARRAY', 'SQL', 'N']],
    'the doc does not show the CREATE FUNCTION statements; these are the memoizable-UDF page ones',
    {
      setup: [
        "CREATE OR REPLACE FUNCTION allowed_regions() RETURNS ARRAY MEMOIZABLE AS 'SELECT ARRAY_AGG(1)'",
        "CREATE OR REPLACE FUNCTION allowed_regions_non_memo() RETURNS ARRAY AS 'SELECT ARRAY_AGG(1)'",
        "SHOW USER FUNCTIONS LIKE 'ALLOWED_REGIONS%' IN SCHEMA",
      ],
    },
  ),
  // SHOW VARIABLES / SHOW PARAMETERS
  docEx('SHOW VARIABLES', '../session-variables', sql`SELECT "name", "value", "type", "comment" ${SCAN}`, [['MAX', '70', 'fixed', ''], ['MIN', '40', 'fixed', '']], undefined, {
    setup: ['SET (min, max)=(40, 70)', 'SHOW VARIABLES'],
  }),
  sem('SHOW VARIABLES', '../sql/show-variables', sql`SELECT "name", "value", "type" ${SCAN}`, [['MY_VARIABLE2', 'example', 'text']], 'LIKE filters by name without case (the variables of the session-variables page)', {
    setup: ['SET my_variable1 = 10', "SET my_variable2 = 'example'", "SHOW VARIABLES LIKE '%variable2'"],
  }),
  docEx(
    'SHOW PARAMETERS',
    '../sql/show-parameters',
    sql`SELECT "key", "value", "default" ${SCAN} WHERE "key" IN ('AUTOCOMMIT', 'DATE_OUTPUT_FORMAT', 'LOCK_TIMEOUT', 'TIME_OUTPUT_FORMAT', 'TWO_DIGIT_CENTURY_START')`,
    [['AUTOCOMMIT', 'true', 'true'], ['DATE_OUTPUT_FORMAT', 'YYYY-MM-DD', 'YYYY-MM-DD'], ['LOCK_TIMEOUT', '43200', '43200'], ['TIME_OUTPUT_FORMAT', 'HH24:MI:SS', 'HH24:MI:SS'], ['TWO_DIGIT_CENTURY_START', '1970', '1970']],
    'rows of the session parameters the doc lists',
    { setup: ['SHOW PARAMETERS'] },
  ),
  sem('SHOW PARAMETERS', '../sql/show-parameters', sql`SELECT "key", "value", "level" ${SCAN}`, [['QUERY_TAG', 'nightly', 'SESSION']], 'a parameter set with ALTER SESSION shows its value at level SESSION', {
    setup: ["ALTER SESSION SET QUERY_TAG = 'nightly'", "SHOW PARAMETERS LIKE 'query_tag' IN SESSION"],
  }),
  // SHOW SEQUENCES / DESCRIBE SEQUENCE
  sem('SHOW SEQUENCES', '../sql/show-sequences', sql`SELECT "name", "schema_name", "next_value", "interval" ${SCAN}`, [['META_SEQ_5', 'PUBLIC', 16, 5]], 'next_value is the value NEXTVAL returns next (create-sequence: seq_5 gave 1, 6, 11 before)', {
    setup: ['CREATE OR REPLACE SEQUENCE meta_seq_5 START WITH 1 INCREMENT BY 5', "SELECT nextval('meta_seq_5'), nextval('meta_seq_5'), nextval('meta_seq_5')", "SHOW SEQUENCES LIKE 'meta_seq%'"],
  }),
  sem('DESCRIBE SEQUENCE', '../sql/desc-sequence', sql`SELECT "name", "next_value", "interval" ${SCAN}`, [['META_SEQ_DESC', 50, 5]], 'one row with the SHOW SEQUENCES columns', {
    setup: ['CREATE OR REPLACE SEQUENCE meta_seq_desc START WITH 50 INCREMENT BY 5', 'DESC SEQUENCE meta_seq_desc'],
  }),
  sem('DESCRIBE SEQUENCE', '../sql/desc-sequence', 'DESC SEQUENCE meta_no_such_sequence', undefined, 'an unknown sequence', { error: '002003' }),
  // SHOW OBJECTS
  sem('SHOW OBJECTS', '../sql/show-objects', sql`SELECT "name", "kind", "schema_name" ${SCAN}`, [['META_OBJ_T', 'TABLE', 'PUBLIC'], ['META_OBJ_V', 'VIEW', 'PUBLIC']], 'tables and views together, kind TABLE or VIEW, in name order', {
    setup: ['CREATE OR REPLACE TABLE meta_obj_t (id INT)', 'CREATE OR REPLACE VIEW meta_obj_v AS SELECT id FROM meta_obj_t', "SHOW OBJECTS LIKE 'meta_obj%'"],
  }),
  // GET_DDL
  sem('GET_DDL', 'get_ddl', "SELECT GET_DDL('TABLE', 'meta_ddl_t')", [['create or replace TABLE META_DDL_T (\n\tA NUMBER(38,0),\n\tB VARCHAR(16777216)\n);']], 'the table layout of the GET_DDL examples; DuckDB keeps no VARCHAR length, so VARCHAR is the maximum', {
    setup: ['CREATE OR REPLACE TABLE meta_ddl_t (a NUMBER(38,0), b VARCHAR)'],
  }),
  sem('GET_DDL', 'get_ddl', "SELECT GET_DDL('table', 'public.meta_ddl_pk', true)", [['create or replace TABLE LOCAL_DB.PUBLIC.META_DDL_PK (\n\tID NUMBER(38,0) NOT NULL,\n\tNAME VARCHAR(16777216),\n\tprimary key (ID)\n);']], 'fully qualified names; NOT NULL and the primary key out of line, as in the hybrid-table example', {
    setup: ['CREATE OR REPLACE TABLE meta_ddl_pk (id INT PRIMARY KEY, name VARCHAR)'],
  }),
  sem('GET_DDL', 'get_ddl', "SELECT GET_DDL('TABLE', 'meta_no_such_table')", undefined, "an unknown object: 002003 Table 'META_NO_SUCH_TABLE' does not exist or not authorized.", { error: '002003' }),
  sem('GET_DDL', 'get_ddl', "SELECT GET_DDL('SEQUENCE', 'meta_ddl_seq')", [['create or replace sequence META_DDL_SEQ start with 1 increment by 5 noorder;']], 'a sequence (NOORDER by default)', {
    setup: ['CREATE OR REPLACE SEQUENCE meta_ddl_seq START WITH 1 INCREMENT BY 5'],
  }),
  known(
    docEx(
      'GET_DDL',
      'get_ddl',
      "SELECT GET_DDL('SCHEMA', 'books_schema')",
      [['CREATE OR REPLACE SCHEMA BOOKS_SCHEMA;\n\nCREATE OR REPLACE TABLE BOOKS_TABLE (\n\tID NUMBER(38,0),\n\tTITLE VARCHAR(255),\n\tAUTHOR VARCHAR(255)\n);\n\nCREATE OR REPLACE VIEW BOOKS_VIEW as select title, author from books_table;\n']],
      'the doc does not show its CREATE statements; these follow from its output',
      {
        setup: [
          'CREATE OR REPLACE SCHEMA books_schema',
          'CREATE OR REPLACE TABLE books_schema.books_table (id NUMBER(38,0), title VARCHAR(255), author VARCHAR(255))',
          'CREATE OR REPLACE VIEW books_schema.books_view AS select title, author from books_table',
          'USE SCHEMA public',
        ],
      },
    ),
    "GET_DDL does not keep VARCHAR lengths nor a view's original text (DuckDB stores neither), and writes `create or replace` in lower case",
  ),
];
