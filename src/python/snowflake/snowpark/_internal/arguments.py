"""How Snowpark methods take their arguments: ``select("a", "b")``, ``select(["a", "b"])`` and
``select(["a"], "b")`` all mean the same columns."""


def flatten_arguments(values):
    for value in values:
        if isinstance(value, (list, tuple)):
            for item in flatten_arguments(value):
                yield item
        else:
            yield value
