"""PACKAGES check: every package a procedure names must be importable by the interpreter
that runs it locally. Snowflake installs them from its Anaconda channel; locally nobody
does, and a fake stand-in would hide the problem, so a missing one stops the run with the
command that fixes it."""

import importlib.util
import re
import shlex
import sys

# Distributions Snowflake provides and this shim stands in for.
_PROVIDED = {"snowflake-snowpark-python"}

# Distribution name → import name, where they differ.
_IMPORT_NAMES = {
    "scikit-learn": "sklearn",
    "scikit-image": "skimage",
    "python-dateutil": "dateutil",
    "pyyaml": "yaml",
    "beautifulsoup4": "bs4",
    "pillow": "PIL",
    "opencv-python": "cv2",
    "opencv-python-headless": "cv2",
    "opencv-contrib-python": "cv2",
    "protobuf": "google.protobuf",
    "snowflake-connector-python": "snowflake.connector",
    "snowflake-ml-python": "snowflake.ml",
    "pyjwt": "jwt",
    "attrs": "attr",
    "msgpack-python": "msgpack",
    "typing-extensions": "typing_extensions",
    "tensorflow-cpu": "tensorflow",
    "pytorch": "torch",
    "py-xgboost": "xgboost",
    "python-levenshtein": "Levenshtein",
    "faiss-cpu": "faiss",
    "pymupdf": "fitz",
    "pyopenssl": "OpenSSL",
    "pycryptodome": "Crypto",
    "pycryptodomex": "Cryptodome",
    "google-cloud-storage": "google.cloud.storage",
    "azure-storage-blob": "azure.storage.blob",
    "mysql-connector-python": "mysql.connector",
    "psycopg2-binary": "psycopg2",
    "dnspython": "dns",
    "pyzmq": "zmq",
    "scikit-optimize": "skopt",
    "sentence-transformers": "sentence_transformers",
    "umap-learn": "umap",
    "lightgbm": "lightgbm",
}

_NAME = re.compile(r"^\s*['\"]?\s*([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)")


class MissingPackageError(ImportError):
    """A package named in PACKAGES cannot be imported by the local interpreter."""

    def __init__(self, message, packages=()):
        super().__init__(message)
        self.packages = list(packages)


def distribution_name(requirement):
    """``'joblib==1.2.0'`` → ``joblib``; ``pandas[performance]>=2`` → ``pandas``."""
    match = _NAME.match(requirement or "")
    return match.group(1) if match else None


def _normalized(name):
    return re.sub(r"[-_.]+", "-", name).lower()


def import_name(distribution):
    normalized = _normalized(distribution)
    return _IMPORT_NAMES.get(normalized, normalized.replace("-", "_"))


def _importable(name):
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _installed_per_metadata(distribution):
    """A distribution whose import name is not in our table: ask its own metadata."""
    try:
        from importlib import metadata
        found = metadata.distribution(distribution)
    except Exception:  # noqa: B902 - PackageNotFoundError, or broken metadata
        return False
    top_level = (found.read_text("top_level.txt") or "").split()
    return not top_level or any(_importable(name) for name in top_level)


def is_available(requirement):
    distribution = distribution_name(requirement)
    if distribution is None:
        return True
    normalized = _normalized(distribution)
    if normalized in _PROVIDED:
        return True
    if _importable(import_name(distribution)):
        return True
    return _installed_per_metadata(distribution)


def _label(requirement):
    name = distribution_name(requirement) or requirement
    return "'{}'".format(name) if name == requirement else "'{}' ({})".format(name, requirement)


def check_packages(packages):
    """Raise MissingPackageError naming every package the interpreter cannot import."""
    missing = [requirement.strip() for requirement in (packages or []) if not is_available(requirement)]
    if not missing:
        return
    python = sys.executable or "python3"
    version = "{}.{}.{}".format(*sys.version_info[:3])
    names = ", ".join(_label(requirement) for requirement in missing)
    noun = "Package" if len(missing) == 1 else "Packages"
    verb = "is" if len(missing) == 1 else "are"
    command = "{} -m pip install {}".format(shlex.quote(python), " ".join(shlex.quote(r) for r in missing))
    raise MissingPackageError(
        "{} {} from the procedure's PACKAGES {} not installed in the interpreter that runs the handler locally: "
        "{} (Python {}). Install {} with:\n  {}\nor choose an interpreter that has {} (setting "
        "snowparkLocal.pythonPath, CLI --python).".format(
            noun, names, verb, python, version, "it" if len(missing) == 1 else "them", command,
            "it" if len(missing) == 1 else "them"),
        missing,
    )
