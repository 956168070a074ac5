"""Snowpark's internals in miniature: expression trees, logical plans and the SQL compiler."""
