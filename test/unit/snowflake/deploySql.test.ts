import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDeploySql, DeployError } from '../../../src/core/engine/snowflake/deploySql';

describe('buildDeploySql (deploy a handler as a stage-less inline procedure)', () => {
  it('builds CREATE OR REPLACE PROCEDURE from a .py handler, its signature and # packages:', () => {
    const text = '# packages: joblib, pandas==2.2.2\nfrom typing import Optional\n\ndef run(session, n: int, label: str = "x", ratio: Optional[float] = None, flags: dict = None) -> dict:\n    return {}\n';
    const plan = buildDeploySql({ file: 'job.py', text }, { procedure: 'MY_PROC' });
    assert.equal(
      plan.sql,
      "CREATE OR REPLACE PROCEDURE MY_PROC(n INT, label VARCHAR DEFAULT 'x', ratio FLOAT DEFAULT NULL, flags OBJECT DEFAULT NULL)\n" +
        'RETURNS OBJECT\nLANGUAGE PYTHON\nRUNTIME_VERSION = \'3.11\'\n' +
        "PACKAGES = ('snowflake-snowpark-python', 'joblib', 'pandas==2.2.2')\nHANDLER = 'run'\nAS $$\n" +
        text +
        '$$;',
    );
    assert.deepEqual(plan.packages, ['snowflake-snowpark-python', 'joblib', 'pandas==2.2.2']);
  });

  it('takes a CREATE PROCEDURE statement from a .sql file as it is', () => {
    const path = join(__dirname, '..', '..', '..', '..', 'examples', 'async_child_jobs.sql');
    const plan = buildDeploySql({ file: path, text: readFileSync(path, 'utf8') }, { procedure: 'blockUntilResult' });
    assert.equal(plan.name, 'BLOCKUNTILRESULT');
    assert.match(plan.sql, /^CREATE OR REPLACE PROCEDURE blockUntilResult\(\)[\s\S]*PACKAGES = \('snowflake-snowpark-python'\)[\s\S]*AS \$\$[\s\S]*\$\$;$/);
  });

  it('explains what is wrong', () => {
    assert.throws(() => buildDeploySql({ file: 'a.sql', text: 'select 1;' }, { procedure: 'P' }), /no CREATE PROCEDURE P/);
    assert.throws(() => buildDeploySql({ file: 'a.py', text: 'def a(session): pass\ndef b(session): pass\n' }, { procedure: 'P' }), /several handlers \(a, b\)/);
    assert.throws(() => buildDeploySql({ file: 'a.py', text: 'def a(session):\n    return "$$"\n' }, { procedure: 'P' }), DeployError);
    assert.throws(() => buildDeploySql({ file: 'a.txt', text: '' }, { procedure: 'P' }), /\.py handler or a \.sql file/);
  });
});
