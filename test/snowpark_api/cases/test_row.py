"""Row: ported from snowpark-python tests/unit/test_row.py and tests/integration/test_dataframe.py."""

from _support import Row, check_answer, raises


# tests/unit/test_row.py::test_row_from_tuple / test_create_row
def test_row_positional_and_named(session):
    row = Row(1, 2, 3)
    assert row == (1, 2, 3)
    assert row[0] == 1 and row[2] == 3
    named = Row(a=1, b=2)
    assert named.a == 1 and named["b"] == 2
    assert named == (1, 2)
    assert named._fields == ["a", "b"] or tuple(named._fields) == ("a", "b")


# tests/unit/test_row.py::test_row_as_dict / test_as_dict_recursive
def test_row_as_dict(session):
    row = Row(a=1, b=Row(c=2, d=[Row(e=3)]))
    assert row.as_dict() == {"a": 1, "b": Row(c=2, d=[Row(e=3)])}
    assert row.as_dict(True) == {"a": 1, "b": {"c": 2, "d": [{"e": 3}]}}
    assert raises(TypeError, lambda: Row(1, 2).as_dict()) is not None


# tests/unit/test_row.py::test_row_factory (Row("a","b") used as a factory)
def test_row_factory(session):
    Employee = Row("name", "salary")
    e = Employee("John", 1000)
    assert e.name == "John" and e.salary == 1000
    assert e == Row(name="John", salary=1000)


# tests/integration/test_dataframe.py::test_collect (Row values from a query)
def test_collect_rows(session):
    check_answer(session.sql("select 1 as a, 'x' as b union all select 2, 'y'"), [Row(1, "x"), Row(2, "y")])
