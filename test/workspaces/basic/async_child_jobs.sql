-- The asynchronous child job examples from Snowflake's page
-- "Python handler examples for stored procedures", runnable locally as they are.
-- Run the whole worksheet (Snowpark Local: Run SQL Worksheet), or one CALL at a time
-- from its CodeLens, and watch the child jobs in the Snowpark Jobs view.

CREATE OR REPLACE TABLE test_tb (c1 STRING);

-- 1. Checking the status of a child job before it can have finished: False.
CREATE OR REPLACE PROCEDURE checkStatus()
RETURNS VARCHAR
LANGUAGE PYTHON
RUNTIME_VERSION = 3.12
PACKAGES = ('snowflake-snowpark-python')
HANDLER='async_handler'
EXECUTE AS CALLER
AS $$
def async_handler(session):
    async_job = session.sql("select system$wait(60)").collect_nowait()
    return async_job.is_done()
$$;

CALL checkStatus();

-- 2. Cancelling a child job: the insert never happens.
CREATE OR REPLACE PROCEDURE cancelJob()
RETURNS VARCHAR
LANGUAGE PYTHON
RUNTIME_VERSION = 3.12
PACKAGES = ('snowflake-snowpark-python')
HANDLER='async_handler'
EXECUTE AS OWNER
AS $$
def async_handler(session):
    async_job = session.sql("insert into test_tb (select system$wait(10))").collect_nowait()
    return async_job.cancel()
$$;

CALL cancelJob();
SELECT * FROM test_tb;

-- 3. Blocking until the child job's result is ready: about 5 seconds.
CREATE OR REPLACE PROCEDURE blockUntilResult()
RETURNS VARCHAR
LANGUAGE PYTHON
RUNTIME_VERSION = 3.12
PACKAGES = ('snowflake-snowpark-python')
HANDLER='async_handler'
EXECUTE AS CALLER
AS $$
def async_handler(session):
    async_job = session.sql("select system$wait(5)").collect_nowait()
    return async_job.result()
$$;

CALL blockUntilResult();

-- 4. Returning from the parent while a child job still runs: the child is cancelled,
--    the call returns at once, and test_tb stays empty.
CREATE OR REPLACE PROCEDURE leaveJobs()
RETURNS VARCHAR
LANGUAGE PYTHON
RUNTIME_VERSION = 3.12
PACKAGES = ('snowflake-snowpark-python')
HANDLER='async_handler'
EXECUTE AS CALLER
AS $$
def async_handler(session):
    async_job = session.sql("insert into test_tb (select system$wait(10))").collect_nowait()
    return "done"
$$;

CALL leaveJobs();
SELECT * FROM test_tb;

-- 5. Reading the result of a child job before it has finished fails with
--    000710 (02000): Result for query <id> has expired.
CREATE OR REPLACE PROCEDURE getResultsBeforeFinished()
RETURNS VARCHAR
LANGUAGE PYTHON
RUNTIME_VERSION = 3.12
PACKAGES = ('snowflake-snowpark-python')
HANDLER='async_handler'
EXECUTE AS CALLER
AS $$
def async_handler(session):
    async_job = session.sql("select system$wait(5)").collect_nowait()
    return async_job.to_df().collect()
$$;

CALL getResultsBeforeFinished();
