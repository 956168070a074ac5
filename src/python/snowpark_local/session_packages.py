"""``session.add_packages`` / ``add_import`` for a locally run handler.

Snowflake installs a procedure's packages from its Anaconda channel; locally the handler's
own interpreter must have them. Each package is checked when it is added, and a missing one
is an error naming the package and the interpreter (packages_check.py), never a stand-in.
"""

import os
import threading
import types

from snowpark_local.packages_check import check_packages, distribution_name


def thread_id():
    return threading.get_ident()


def package_name(requirement):
    name = distribution_name(str(requirement))
    if name is None:
        raise ValueError("'{}' is not a package requirement (expected a name such as 'numpy' or "
                         "'numpy==1.26.4')".format(requirement))
    return name.lower()


def _requirements(packages):
    for item in packages:
        if isinstance(item, (list, tuple, set)):
            for inner in _requirements(item):
                yield inner
        elif isinstance(item, types.ModuleType):
            # A module stands for its top-level package at the version installed here, as in Snowpark.
            top = item.__name__.split(".")[0]
            version = getattr(item, "__version__", None)
            yield "{}=={}".format(top, version) if version else top
        elif isinstance(item, str):
            yield item.strip()
        else:
            raise TypeError("add_packages() takes package names, modules or lists of them, not {}".format(
                type(item).__name__))


def checked_packages(packages, existing=None):
    """``{name: requirement}`` for the given packages, after checking each is importable here."""
    added = {}
    for requirement in _requirements(packages):
        name = package_name(requirement)
        previous = (existing or {}).get(name) or added.get(name)
        if previous is not None and previous != requirement:
            raise ValueError("Cannot add package '{}' because '{}' is already added.".format(requirement, previous))
        added[name] = requirement
    check_packages(list(added.values()))
    return added


def absolute(path):
    return os.path.abspath(os.path.expanduser(path.strip()))


def checked_import(path):
    trimmed = path.strip()
    if trimmed.startswith("@"):
        raise NotImplementedError(
            "add_import() of a stage path ({}) is not in Snowpark Local: there is no stage here. "
            "Add the local file or folder instead.".format(trimmed))
    if not os.path.exists(trimmed):
        raise FileNotFoundError("{} is not found".format(trimmed))
    return absolute(trimmed)
