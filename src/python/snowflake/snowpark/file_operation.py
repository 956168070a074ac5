"""``session.file``: PUT and GET between local files and a stage, as Snowpark's FileOperation sends
them (``PUT 'file://…' '@stage/…' PARALLEL = 4 …``). The local engine's stages are folders on this
machine, so it copies the files itself; ``put_stream``/``get_stream`` go through a temporary file."""

import gzip
import io
import os
import shutil
import tempfile
from typing import NamedTuple

from snowpark_local.results import rows_from_result


class PutResult(NamedTuple):
    """The result of uploading one local file to a stage location."""

    source: str
    target: str
    source_size: int
    target_size: int
    source_compression: str
    target_compression: str
    status: str
    message: str


class GetResult(NamedTuple):
    """The result of downloading one staged file to a local folder."""

    file: str
    size: str
    status: str
    message: str


def _quoted_path(path, prefixes, default_prefix):
    """Snowpark's normalize_path: one single-quoted literal with its prefix, backslashes and quotes escaped."""
    if len(path) > 1 and path.startswith("'") and path.endswith("'"):
        return path
    path = path.strip()
    if os.name == "nt" and default_prefix == "file://":
        path = path.replace("\\", "/")
    path = path.replace("\\", "\\\\").replace("'", "\\'")
    if not path.startswith(prefixes):
        path = default_prefix + path
    return "'" + path + "'"


def _local(path):
    if not (len(path) > 1 and path.startswith("'") and path.endswith("'")):
        # The engine copies the files from its own process: a path relative to the handler's
        # working folder is made absolute here, where that folder is known.
        bare = path.strip()
        bare = bare[len("file://"):] if bare.startswith("file://") else bare
        path = os.path.abspath(os.path.expanduser(bare))
    return _quoted_path(path, ("file://",), "file://")


def _stage(location):
    return _quoted_path(location, ("@", "snow://"), "@")


def _options(options):
    parts = []
    for key, value in options.items():
        if value is None:
            continue
        if isinstance(value, bool):
            text = "TRUE" if value else "FALSE"
        elif isinstance(value, str):
            text = value if len(value) > 1 and value.startswith("'") and value.endswith("'") else "'" + value.replace("'", "''") + "'"
        else:
            text = str(value)
        parts.append("{} = {}".format(key.upper(), text))
    return " ".join(parts)


class FileOperation:
    """Snowpark's ``session.file``."""

    def __init__(self, session):
        self._session = session

    def put(self, local_file_name, stage_location, *, parallel=4, auto_compress=True, source_compression="AUTO_DETECT",
            overwrite=False, statement_params=None):
        """Uploads local files (``*`` and ``?`` match several) to a stage path; gzips them unless
        ``auto_compress=False``; a file already staged is SKIPPED unless ``overwrite=True``."""
        sql = "PUT {} {} {}".format(_local(local_file_name), _stage(stage_location), _options({
            "parallel": parallel, "source_compression": source_compression, "auto_compress": auto_compress,
            "overwrite": overwrite}))
        return [PutResult(**row.as_dict()) for row in rows_from_result(self._session._execute(sql))]

    def get(self, stage_location, target_directory, *, parallel=10, pattern=None, statement_params=None):
        """Downloads the files under a stage path (those matching ``pattern``) into a local folder."""
        if not target_directory.startswith("'"):
            os.makedirs(os.path.abspath(os.path.expanduser(target_directory.replace("file://", "", 1))), exist_ok=True)
        sql = "GET {} {} {}".format(_stage(stage_location), _local(target_directory), _options({"parallel": parallel, "pattern": pattern}))
        return [GetResult(**row.as_dict()) for row in rows_from_result(self._session._execute(sql))]

    def put_stream(self, input_stream, stage_location, *, parallel=4, auto_compress=True, source_compression="AUTO_DETECT",
                   overwrite=False):
        """Uploads a binary stream as the file named by the last part of ``stage_location``."""
        location = stage_location.strip("'")
        if "/" not in location:
            raise ValueError("stage_location must end with the file name to create, as in '@stage/path/file.csv'")
        prefix, name = location.rsplit("/", 1)
        folder = tempfile.mkdtemp(prefix="snowpark-local-put-")
        try:
            path = os.path.join(folder, name)
            with open(path, "wb") as target:
                shutil.copyfileobj(input_stream, target)
            return self.put(path, prefix, parallel=parallel, auto_compress=auto_compress,
                            source_compression=source_compression, overwrite=overwrite)[0]
        finally:
            shutil.rmtree(folder, ignore_errors=True)

    def get_stream(self, stage_location, *, parallel=10, decompress=False, statement_params=None):
        """One staged file as a BytesIO; ``decompress=True`` gunzips a ``.gz`` file."""
        folder = tempfile.mkdtemp(prefix="snowpark-local-get-")
        try:
            results = self.get(stage_location, folder, parallel=parallel)
            if not results:
                from snowflake.snowpark.exceptions import SnowparkSQLException
                raise SnowparkSQLException("File '{}' does not exist or not authorized.".format(stage_location), "253006")
            with open(os.path.join(folder, results[0].file), "rb") as source:
                data = source.read()
            if decompress and results[0].file.endswith(".gz"):
                data = gzip.decompress(data)
            return io.BytesIO(data)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
