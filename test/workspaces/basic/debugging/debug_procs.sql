-- Fixture for the debugging tests: a breakpoint goes on the body's line 12.
CREATE OR REPLACE PROCEDURE tripled(n INT)
RETURNS INT
LANGUAGE PYTHON
RUNTIME_VERSION = '3.11'
PACKAGES = ('snowflake-snowpark-python')
HANDLER = 'run'
AS
$$
def run(session, n):
    label = "tripled"
    tripled = n * 3
    return tripled
$$;
