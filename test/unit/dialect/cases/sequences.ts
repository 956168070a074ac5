import type { FunctionCase } from '../snowflakeFunctionCases';
import { docEx, docSemantics, sql } from './docHelpers';

// Sequences and AUTOINCREMENT / IDENTITY columns: the CREATE SEQUENCE page's examples with
// their printed output, and the CREATE TABLE page's rules for the identity property.

const CREATE_SEQUENCE = '../sql/create-sequence';
const CREATE_TABLE = '../sql/create-table';
const seq01 = ['CREATE OR REPLACE SEQUENCE seq_01 START = 1 INCREMENT = 1', 'CREATE OR REPLACE TABLE sequence_test_table (i INTEGER)'];
const seq90 = [
  'CREATE OR REPLACE SEQUENCE seq90',
  'CREATE OR REPLACE TABLE sequence_demo (i INTEGER DEFAULT seq90.nextval, dummy SMALLINT)',
  'INSERT INTO sequence_demo (dummy) VALUES (0)',
  'INSERT INTO sequence_demo (dummy) SELECT dummy FROM sequence_demo',
  'INSERT INTO sequence_demo (dummy) SELECT dummy FROM sequence_demo',
  'INSERT INTO sequence_demo (dummy) SELECT dummy FROM sequence_demo',
];
const identityTable = (columnType: string): string[] => [`CREATE OR REPLACE TABLE identity_demo (id NUMBER ${columnType}, v VARCHAR)`, "INSERT INTO identity_demo (v) VALUES ('a'), ('b'), ('c')"];

export const SEQUENCE_CASES: FunctionCase[] = [
  docEx('SEQUENCE', CREATE_SEQUENCE, 'SELECT seq_01.nextval', [[1]], 'the first example', { setup: seq01 }),
  docEx('SEQUENCE', CREATE_SEQUENCE, 'SELECT seq_01.nextval', [[2]], 'run the same query again', { setup: [...seq01, 'SELECT seq_01.nextval'] }),
  docEx('SEQUENCE', CREATE_SEQUENCE, 'SELECT i FROM sequence_test_table', [[3]], 'after INSERT … VALUES (seq_01.nextval)', {
    setup: [...seq01, 'SELECT seq_01.nextval', 'SELECT seq_01.nextval', 'INSERT INTO sequence_test_table (i) VALUES (seq_01.nextval)'],
  }),
  docEx('SEQUENCE', CREATE_SEQUENCE, sql`SELECT seq_5.nextval a, seq_5.nextval b, seq_5.nextval c, seq_5.nextval d`, [[1, 6, 11, 16]], 'a sequence that increments by 5', {
    setup: ['CREATE OR REPLACE SEQUENCE seq_5 START = 1 INCREMENT = 5'],
  }),
  docSemantics('SEQUENCE', CREATE_SEQUENCE, 'SELECT COUNT(*), COUNT(DISTINCT i), MIN(i) FROM sequence_demo', [[8, 8, 1]], 'a sequence as a column DEFAULT gives every row its own value (the doc example doubles the rows)', {
    setup: seq90,
  }),
  docSemantics('SEQUENCE', CREATE_SEQUENCE, "CREATE OR REPLACE SEQUENCE seq_c WITH START WITH 10 INCREMENT BY 2 ORDER COMMENT = 'ids'", [['Sequence SEQ_C successfully created.']], 'WITH, START WITH, INCREMENT BY, ORDER and COMMENT are all accepted'),
  docSemantics('AUTOINCREMENT', CREATE_TABLE, 'SELECT id, v FROM identity_demo ORDER BY id', [[1, 'a'], [2, 'b'], [3, 'c']], 'AUTOINCREMENT starts at 1 and steps by 1 by default', {
    setup: identityTable('AUTOINCREMENT'),
  }),
  docSemantics('AUTOINCREMENT', CREATE_TABLE, 'SELECT id FROM identity_demo ORDER BY id', [[10], [15], [20]], 'IDENTITY (start, step)', { setup: identityTable('IDENTITY(10, 5) ORDER') }),
  docSemantics('AUTOINCREMENT', CREATE_TABLE, 'SELECT id FROM identity_demo ORDER BY v', [[100], [90], [80]], 'START … INCREMENT … with a negative step', {
    setup: identityTable('NOT NULL AUTOINCREMENT START 100 INCREMENT -10 NOORDER'),
  }),
  docSemantics('AUTOINCREMENT', CREATE_TABLE, 'SELECT id FROM identity_demo ORDER BY id', [[1], [2], [3]], 'CREATE OR REPLACE starts the identity again', {
    setup: [...identityTable('AUTOINCREMENT'), ...identityTable('AUTOINCREMENT')],
  }),
  docSemantics('AUTOINCREMENT', CREATE_TABLE, 'CREATE TABLE identity_demo (id NUMBER AUTOINCREMENT)', undefined, 'CREATE TABLE over an existing table fails as for any table', {
    setup: identityTable('AUTOINCREMENT'),
    error: '002002',
  }),
];
