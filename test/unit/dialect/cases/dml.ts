import type { FunctionCase } from '../snowflakeFunctionCases';
import { docEx, sql } from './docHelpers';

// DML with the counts Snowflake prints: MERGE (and the tables the doc displays around it).

const basic = [
  'CREATE OR REPLACE TABLE merge_example_target (id INTEGER, description VARCHAR)',
  "INSERT INTO merge_example_target (id, description) VALUES (10, 'To be updated (this is the old value)')",
  'CREATE OR REPLACE TABLE merge_example_source (id INTEGER, description VARCHAR)',
  "INSERT INTO merge_example_source (id, description) VALUES (10, 'To be updated (this is the new value)')",
];
const basicMerge = sql`MERGE INTO merge_example_target USING merge_example_source ON merge_example_target.id = merge_example_source.id WHEN MATCHED THEN UPDATE SET merge_example_target.description = merge_example_source.description`;
const mult = [
  'CREATE OR REPLACE TABLE merge_example_mult_target (id INTEGER, val INTEGER, status VARCHAR)',
  "INSERT INTO merge_example_mult_target (id, val, status) VALUES (1, 10, 'Production'), (2, 20, 'Alpha'), (3, 30, 'Production')",
  'CREATE OR REPLACE TABLE merge_example_mult_source (id INTEGER, marked VARCHAR, isnewstatus INTEGER, newval INTEGER, newstatus VARCHAR)',
  "INSERT INTO merge_example_mult_source (id, marked, isnewstatus, newval, newstatus) VALUES (1, 'Y', 0, 10, 'Production'), (2, 'N', 1, 50, 'Beta'), (3, 'N', 0, 60, 'Deprecated'), (4, 'N', 0, 40, 'Production')",
];
const multMerge = sql`MERGE INTO merge_example_mult_target USING merge_example_mult_source ON merge_example_mult_target.id = merge_example_mult_source.id WHEN MATCHED AND merge_example_mult_source.marked = 'Y' THEN DELETE WHEN MATCHED AND merge_example_mult_source.isnewstatus = 1 THEN UPDATE SET val = merge_example_mult_source.newval, status = merge_example_mult_source.newstatus WHEN MATCHED THEN UPDATE SET val = merge_example_mult_source.newval WHEN NOT MATCHED THEN INSERT (id, val, status) VALUES (merge_example_mult_source.id, merge_example_mult_source.newval, merge_example_mult_source.newstatus)`;
const all = [
  'CREATE OR REPLACE TABLE merge_example_target_all (id INTEGER, x INTEGER, y VARCHAR)',
  'CREATE OR REPLACE TABLE merge_example_source_all (id INTEGER, y VARCHAR, x INTEGER)',
  "INSERT INTO merge_example_target_all (id, x, y) VALUES (1, 10, 'Skiing'), (2, 20, 'Snowboarding')",
  "INSERT INTO merge_example_source_all (id, y, x) VALUES (1, 'Skiing', 10), (2, 'Snowboarding', 25), (3, 'Skating', 30)",
];
const allByNameMerge = sql`MERGE INTO merge_example_target_all USING merge_example_source_all ON merge_example_target_all.id = merge_example_source_all.id WHEN MATCHED THEN UPDATE ALL BY NAME WHEN NOT MATCHED THEN INSERT ALL BY NAME`;
const duplicates = [
  'CREATE OR REPLACE TABLE merge_example_target (id INTEGER, description VARCHAR)',
  'CREATE OR REPLACE TABLE merge_example_source (id INTEGER, description VARCHAR)',
  "INSERT INTO merge_example_source (id, description) VALUES (50, 'This is a duplicate in the source and has no match in target'), (50, 'This is a duplicate in the source and has no match in target')",
];
const duplicatesMerge = sql`MERGE INTO merge_example_target USING merge_example_source ON merge_example_target.id = merge_example_source.id WHEN MATCHED THEN UPDATE SET merge_example_target.description = merge_example_source.description WHEN NOT MATCHED THEN INSERT (id, description) VALUES (merge_example_source.id, merge_example_source.description)`;
const AFTER = 'the MERGE runs as setup; the doc then displays the table';

export const DML_CASES: FunctionCase[] = [
  docEx('MERGE', '../sql/merge', sql`SELECT * FROM merge_example_target`, [[10, 'To be updated (this is the old value)']], undefined, { setup: basic }),
  docEx('MERGE', '../sql/merge', sql`SELECT * FROM merge_example_source`, [[10, 'To be updated (this is the new value)']], undefined, { setup: basic }),
  docEx('MERGE', '../sql/merge', basicMerge, [[1]], 'result: number of rows updated', { setup: basic }),
  docEx('MERGE', '../sql/merge', sql`SELECT * FROM merge_example_target`, [[10, 'To be updated (this is the new value)']], AFTER, { setup: [...basic, basicMerge] }),
  docEx('MERGE', '../sql/merge', sql`SELECT * FROM merge_example_mult_target`, [[1, 10, 'Production'], [2, 20, 'Alpha'], [3, 30, 'Production']], undefined, { setup: mult }),
  docEx('MERGE', '../sql/merge', sql`SELECT * FROM merge_example_mult_source`, [[1, 'Y', 0, 10, 'Production'], [2, 'N', 1, 50, 'Beta'], [3, 'N', 0, 60, 'Deprecated'], [4, 'N', 0, 40, 'Production']], undefined, { setup: mult }),
  docEx('MERGE', '../sql/merge', multMerge, [[1, 2, 1]], 'result: number of rows inserted, updated, deleted', { setup: mult }),
  docEx('MERGE', '../sql/merge', sql`SELECT * FROM merge_example_mult_target ORDER BY id`, [[2, 50, 'Beta'], [3, 60, 'Production'], [4, 40, 'Production']], AFTER, { setup: [...mult, multMerge] }),
  docEx('MERGE', '../sql/merge', sql`SELECT * FROM merge_example_target_all`, [[1, 10, 'Skiing'], [2, 20, 'Snowboarding']], undefined, { setup: all }),
  docEx('MERGE', '../sql/merge', sql`SELECT * FROM merge_example_source_all`, [[1, 'Skiing', 10], [2, 'Snowboarding', 25], [3, 'Skating', 30]], undefined, { setup: all }),
  docEx(
    'MERGE',
    '../sql/merge',
    allByNameMerge,
    [[1, 2]],
    'result: number of rows inserted, updated',
    { setup: all },
  ),
  docEx('MERGE', '../sql/merge', sql`SELECT * FROM merge_example_target_all ORDER BY id`, [[1, 10, 'Skiing'], [2, 25, 'Snowboarding'], [3, 30, 'Skating']], AFTER, {
    setup: [...all, allByNameMerge],
  }),
  docEx('MERGE', '../sql/merge', duplicatesMerge, [[2, 0]], 'source duplicates with no match are all inserted', { setup: duplicates }),
  docEx('MERGE', '../sql/merge', sql`SELECT COUNT(*), MIN(description) FROM merge_example_target`, [[2, 'This is a duplicate in the source and has no match in target']], AFTER, {
    setup: [...duplicates, duplicatesMerge],
  }),
];
