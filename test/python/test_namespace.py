"""The shim's snowflake.snowpark must win while an installed snowflake.connector keeps working."""

import os
import subprocess
import sys
import tempfile
import textwrap
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from fake_node import SHIM_ROOT  # noqa: E402

CHECK = textwrap.dedent("""
    import json
    from snowpark_local.namespace import put_shim_snowpark_first
    put_shim_snowpark_first()
    import snowflake.connector
    import snowflake.snowpark
    from snowflake.snowpark import Session
    print(json.dumps({
        "connector": snowflake.connector.WHO,
        "snowpark_is_shim": getattr(snowflake.snowpark, "__snowpark_local__", False),
        "session_module": Session.__module__,
        "session_file": __import__("snowflake.snowpark.session", fromlist=["x"]).__file__,
    }))
""")


def fake_installed_tree(root, regular_package):
    files = {
        "snowflake/connector/__init__.py": 'WHO = "installed-connector"\n',
        "snowflake/snowpark/__init__.py": 'WHO = "installed-snowpark"\n',
        "snowflake/snowpark/session.py": 'class Session:\n    pass\n',
    }
    if regular_package:
        files["snowflake/__init__.py"] = ""
    for relative, text in files.items():
        path = os.path.join(root, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as handle:
            handle.write(text)


class CoexistenceTest(unittest.TestCase):
    def check(self, regular_package, installed_first):
        with tempfile.TemporaryDirectory() as installed:
            fake_installed_tree(installed, regular_package)
            entries = [installed, SHIM_ROOT] if installed_first else [SHIM_ROOT, installed]
            env = dict(os.environ, PYTHONPATH=os.pathsep.join(entries))
            completed = subprocess.run([sys.executable, "-c", CHECK], env=env, capture_output=True, text=True,
                                       timeout=60, cwd=installed)
            self.assertEqual(completed.returncode, 0, completed.stderr)
            import json
            report = json.loads(completed.stdout)
            self.assertEqual(report["connector"], "installed-connector")
            self.assertTrue(report["snowpark_is_shim"])
            self.assertEqual(report["session_module"], "snowflake.snowpark.session")
            self.assertTrue(report["session_file"].startswith(os.path.join(SHIM_ROOT, "snowflake", "snowpark")),
                            report["session_file"])

    def test_installed_regular_package(self):
        self.check(regular_package=True, installed_first=False)

    def test_installed_regular_package_first_on_path(self):
        self.check(regular_package=True, installed_first=True)

    def test_installed_namespace_package(self):
        self.check(regular_package=False, installed_first=False)

    def test_installed_namespace_package_first_on_path(self):
        self.check(regular_package=False, installed_first=True)


if __name__ == "__main__":
    unittest.main()
