"""Snowpark Local's Python side: the run channel, value encoding and the run bootstrap.

Standard library only: it runs in whatever interpreter the user picked, next to (and never
instead of) an installed snowflake-connector-python.
"""
