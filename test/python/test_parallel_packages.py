"""PACKAGES check: missing packages stop the run with the interpreter and the fix."""

import os
import sys
import unittest

SHIM_ROOT = os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "src", "python")
if SHIM_ROOT not in sys.path:
    sys.path.insert(0, SHIM_ROOT)

from snowpark_local.packages_check import (  # noqa: E402
    MissingPackageError,
    check_packages,
    distribution_name,
    import_name,
)


class PackagesCheckTest(unittest.TestCase):
    def test_strips_version_specifiers_and_extras(self):
        self.assertEqual(distribution_name("joblib==1.2.0"), "joblib")
        self.assertEqual(distribution_name(" pandas[performance]>=2.0 "), "pandas")
        self.assertEqual(distribution_name("'xgboost'"), "xgboost")
        self.assertEqual(distribution_name("scikit-learn<1.4"), "scikit-learn")

    def test_maps_distribution_names_to_import_names(self):
        self.assertEqual(import_name("scikit-learn"), "sklearn")
        self.assertEqual(import_name("python-dateutil"), "dateutil")
        self.assertEqual(import_name("PyYAML"), "yaml")
        self.assertEqual(import_name("typing_extensions"), "typing_extensions")
        self.assertEqual(import_name("some-new-lib"), "some_new_lib")

    def test_snowpark_is_provided_by_the_shim(self):
        check_packages(["snowflake-snowpark-python", "snowflake-snowpark-python==1.20.0"])

    def test_installed_packages_pass(self):
        # Standard library modules stand in for installed distributions here.
        check_packages(["json", "unittest==1.0"])

    def test_missing_packages_name_package_interpreter_and_command(self):
        with self.assertRaises(MissingPackageError) as caught:
            check_packages(["snowflake-snowpark-python", "definitely-not-installed-pkg==1.2.0", "json"])
        message = str(caught.exception)
        self.assertIn("'definitely-not-installed-pkg'", message)
        self.assertIn(sys.executable, message)
        self.assertIn("{} -m pip install definitely-not-installed-pkg==1.2.0".format(sys.executable), message)
        self.assertNotIn("snowflake-snowpark-python", message)
        self.assertEqual(caught.exception.packages, ["definitely-not-installed-pkg==1.2.0"])

    def test_every_missing_package_is_listed_in_one_command(self):
        with self.assertRaises(MissingPackageError) as caught:
            check_packages(["no-such-a", "no-such-b"])
        self.assertIn("-m pip install no-such-a no-such-b", str(caught.exception))

    def test_joblib_missing_is_reported_when_the_interpreter_lacks_it(self):
        try:
            import joblib  # noqa: F401
        except ImportError:
            with self.assertRaises(MissingPackageError) as caught:
                check_packages(["joblib"])
            self.assertIn("'joblib'", str(caught.exception))
        else:
            check_packages(["joblib"])


if __name__ == "__main__":
    unittest.main()
