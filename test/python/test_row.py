import copy
import os
import pickle
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import fake_node  # noqa: E402,F401

from snowflake.snowpark import Row  # noqa: E402
from snowflake.snowpark.row import row_class_for_fields, rows_from_columns  # noqa: E402


class RowTest(unittest.TestCase):
    def test_named_row(self):
        row = Row(a=1, b="x")
        self.assertEqual(row.a, 1)
        self.assertEqual(row["b"], "x")
        self.assertEqual(row[0], 1)
        self.assertEqual(row[-1], "x")
        self.assertEqual(row[:1], (1,))
        self.assertEqual(row, (1, "x"))
        self.assertEqual(len(row), 2)
        self.assertEqual(row.as_dict(), {"a": 1, "b": "x"})
        self.assertEqual(row.asDict(), {"a": 1, "b": "x"})
        self.assertIn("a", row)
        self.assertNotIn(1, row)

    def test_repr_matches_snowpark(self):
        row = row_class_for_fields(["SYSTEM$WAIT(5)"])(("waited 5 seconds",))
        self.assertEqual(repr(row), "Row(SYSTEM$WAIT(5)='waited 5 seconds')")
        self.assertEqual(repr(Row(1, 2)), "Row(1, 2)")
        self.assertEqual(repr(Row(A=None, B="it's")), 'Row(A=None, B="it\'s")')

    def test_field_names_that_are_not_identifiers(self):
        row = rows_from_columns(["SYSTEM$WAIT(5)", "COUNT(*)"], [["w"], [3]])[0]
        self.assertEqual(row["SYSTEM$WAIT(5)"], "w")
        self.assertEqual(row["COUNT(*)"], 3)
        with self.assertRaises(KeyError):
            row["missing"]
        with self.assertRaises(AttributeError):
            row.MISSING

    def test_rows_from_columns_shares_one_class_per_result(self):
        rows = rows_from_columns(["A", "B"], [[1, 2], ["x", "y"]])
        self.assertEqual(rows, [(1, "x"), (2, "y")])
        self.assertIs(type(rows[0]), type(rows[1]))
        self.assertIsInstance(rows[0], Row)
        self.assertEqual(rows[1].B, "y")
        self.assertEqual(rows_from_columns([], [], 2), [(), ()])

    def test_tuple_methods_win_over_fields_as_in_snowpark(self):
        row = Row(count=5)
        self.assertTrue(callable(row.count))
        self.assertEqual(row["count"], 5)

    def test_immutable(self):
        row = Row(a=1)
        with self.assertRaises(AttributeError):
            row.a = 2
        with self.assertRaises(TypeError):
            row[0] = 2

    def test_unnamed_row_as_dict_fails(self):
        with self.assertRaises(TypeError):
            Row(1).as_dict()

    def test_values_and_names_together_fail(self):
        with self.assertRaises(ValueError):
            Row(1, a=2)

    def test_row_of_names_is_a_factory(self):
        employee = Row("name", "salary")
        self.assertEqual(repr(employee("Ann", 10)), "Row(name='Ann', salary=10)")

    def test_pickle_and_copy_keep_names(self):
        result_row = rows_from_columns(["A", "B"], [[1], [2]])[0]
        for row in (result_row, Row(x=1, y=[2]), Row(1, 2)):
            for clone in (pickle.loads(pickle.dumps(row)), copy.deepcopy(row), copy.copy(row)):
                self.assertEqual(clone, row)
                self.assertEqual(repr(clone), repr(row))

    def test_recursive_as_dict(self):
        self.assertEqual(Row(a=Row(b=1), c=[Row(d=2)]).as_dict(True), {"a": {"b": 1}, "c": [{"d": 2}]})


if __name__ == "__main__":
    unittest.main()
