-- Snowflake's joblib example. Its default backend depends on the warehouse type:
-- threading on a standard warehouse, loky (processes) on a Snowpark-optimized one.
-- Switch with "Snowpark Local: Select Warehouse Type" (CLI: --warehouse).
-- Needs joblib in the chosen interpreter (Debian: apt-get install python3-joblib).

CREATE OR REPLACE PROCEDURE joblib_multiprocessing_proc(i INT)
  RETURNS STRING
  LANGUAGE PYTHON
  RUNTIME_VERSION = 3.12
  HANDLER = 'joblib_multiprocessing'
  PACKAGES = ('snowflake-snowpark-python', 'joblib')
AS $$
import joblib
from math import sqrt

def joblib_multiprocessing(session, i):
  result = joblib.Parallel(n_jobs=-1)(joblib.delayed(sqrt)(i ** 2) for i in range(10))
  return str(result)
$$;

CALL joblib_multiprocessing_proc(1);
