"""``session.read``: DataFrames over staged files, as snowpark-python's DataFrameReader builds them.
A temporary file format carries the options (``CREATE TEMPORARY FILE FORMAT IF NOT EXISTS …``), and
the DataFrame is the query of the staged files Snowpark sends:
``SELECT $1::NUMBER(38,0) AS "A", … FROM @stage/path( FILE_FORMAT => '<format>', PATTERN => '…')``.
With copy options (``on_error`` …) the files are copied into a temporary table first, as Snowpark
does, and the DataFrame reads that table. Parquet without a schema gets its columns from INFER_SCHEMA,
as Snowpark's do. What the local engine cannot do yet is refused by name."""

import uuid

from snowflake.snowpark._internal import plan as _plan
from snowflake.snowpark.dataframe import DataFrame
from snowflake.snowpark.exceptions import SnowparkDataframeReaderException
from snowflake.snowpark.types import StructType
from snowpark_local.sql_literals import quote_identifier

# Snowpark's reader aliases (Spark-style names) and its split of options.
_ALIASES = {
    "DELIMITER": "FIELD_DELIMITER", "HEADER": "PARSE_HEADER", "PATHGLOBFILTER": "PATTERN", "FILENAMEPATTERN": "PATTERN",
    "INFERSCHEMA": "INFER_SCHEMA", "SAMPLINGRATIO": "SAMPLING_RATIO", "SEP": "FIELD_DELIMITER", "LINESEP": "RECORD_DELIMITER",
    "QUOTE": "FIELD_OPTIONALLY_ENCLOSED_BY", "NULLVALUE": "NULL_IF", "DATEFORMAT": "DATE_FORMAT", "TIMESTAMPFORMAT": "TIMESTAMP_FORMAT",
}
_COPY_OPTIONS = {"ON_ERROR", "SIZE_LIMIT", "PURGE", "RETURN_FAILED_ONLY", "MATCH_BY_COLUMN_NAME", "ENFORCE_LENGTH",
                 "TRUNCATECOLUMNS", "FORCE", "LOAD_UNCERTAIN_FILES", "INCLUDE_METADATA"}
_NOT_FORMAT_OPTIONS = {"PATTERN", "VALIDATION_MODE", "FILE_FORMAT", "FORMAT_NAME", "FILES", "INFER_SCHEMA",
                       "INFER_SCHEMA_OPTIONS", "SAMPLING_RATIO", "FORMAT_TYPE_OPTIONS", "TARGET_COLUMNS", "TRANSFORMATIONS",
                       "COPY_OPTIONS", "ENFORCE_EXISTING_FILE_FORMAT", "TRY_CAST"}
_METADATA_COLUMNS = {"METADATA$FILENAME", "METADATA$FILE_ROW_NUMBER", "METADATA$FILE_CONTENT_KEY",
                     "METADATA$FILE_LAST_MODIFIED", "METADATA$START_SCAN_TIME"}
_FORMATS = ("csv", "json", "parquet", "avro", "orc", "xml")


def _stage_path(path):
    stripped = path.strip("\"'")
    if not stripped.startswith(("@", "snow://")):
        raise ValueError("'{}' is an invalid Snowflake stage location. DataFrameReader can only read files from stage "
                         "locations.".format(path))
    return stripped


def _literal(value):
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (list, tuple)):
        return "({})".format(", ".join(_literal(item) for item in value))
    if isinstance(value, str):
        if len(value) > 1 and value.startswith("'") and value.endswith("'"):
            return value
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"
    return str(value)


class DataFrameReader:
    """Snowpark's reader: ``schema``, ``option(s)``, ``with_metadata``, then ``csv``/``json``/``parquet``
    (or ``format(…).load(path)``), or ``table(name)``."""

    def __init__(self, session):
        self._session = session
        self._user_schema = None
        self._options = {}
        self._metadata = []
        self._format = None

    def schema(self, schema):
        if not isinstance(schema, StructType):
            raise TypeError("schema() takes a StructType, not {}".format(type(schema).__name__))
        self._user_schema = schema
        return self

    def option(self, key, value):
        upper = key.strip().upper()
        self._options[_ALIASES.get(upper, upper)] = value
        return self

    def options(self, configs=None, **kwargs):
        if configs and kwargs:
            raise ValueError("Cannot set options with both a dictionary and keyword arguments. Please use one or the other.")
        for key, value in (configs if configs is not None else kwargs).items():
            self.option(key, value)
        return self

    def with_metadata(self, *metadata_cols):
        names = []
        for column in metadata_cols:
            name = column if isinstance(column, str) else getattr(column, "_name", None) or str(column)
            if name.upper() not in _METADATA_COLUMNS:
                raise ValueError("Metadata column name is not supported. Supported {}, Got {}".format(
                    sorted(_METADATA_COLUMNS), name))
            names.append(name.upper())
        self._metadata = names
        return self

    def format(self, format):
        name = format.strip().lower()
        if name not in _FORMATS:
            raise ValueError("Invalid format '{}'. Supported formats are {}.".format(format, list(_FORMATS)))
        self._format = name
        return self

    def load(self, path=None):
        if self._format is None:
            raise ValueError("Please specify the format of the file(s) to load using the format() method.")
        return getattr(self, self._format)(path)

    def table(self, name, **kwargs):
        return self._session.table(name)

    # ------------------------------------------------------------------ formats

    def csv(self, path):
        path = _stage_path(path)
        if self._user_schema is None:
            if self._options.get("INFER_SCHEMA", True) in (False, "false", "FALSE", "False"):
                raise SnowparkDataframeReaderException(
                    'No schema specified in DataFrameReader.schema(). Please specify the schema or set '
                    'session.read.options({"infer_schema":True})', "1106")
            raise NotImplementedError(
                "DataFrameReader.csv without schema(): Snowpark infers a CSV file's columns with INFER_SCHEMA, which the "
                "local engine does not have yet. Give the columns with session.read.schema(StructType([...])).csv(...).")
        try_cast = bool(self._options.get("TRY_CAST", False))
        project = []
        for index, field in enumerate(self._user_schema.fields, start=1):
            source = "${}".format(index)
            cast = "TRY_CAST({} AS {})".format(source, field.datatype.sql_type()) if try_cast else "{}::{}".format(source, field.datatype.sql_type())
            project.append("{} AS {}".format(cast, quote_identifier(field.name)))
        return self._read(path, "CSV", project)

    def json(self, path):
        return self._semi_structured(path, "JSON")

    def parquet(self, path):
        return self._semi_structured(path, "PARQUET")

    def avro(self, path):
        raise NotImplementedError("DataFrameReader.avro: the local engine reads staged CSV, JSON and PARQUET files.")

    def orc(self, path):
        raise NotImplementedError("DataFrameReader.orc: the local engine reads staged CSV, JSON and PARQUET files.")

    def xml(self, path):
        raise NotImplementedError("DataFrameReader.xml: the local engine reads staged CSV, JSON and PARQUET files.")

    def _semi_structured(self, path, file_type):
        path = _stage_path(path)
        if self._user_schema is not None:
            project = ["$1:{}::{} AS {}".format(quote_identifier(field.name), field.datatype.sql_type(), quote_identifier(field.name))
                       for field in self._user_schema.fields]
        elif file_type == "PARQUET" and self._options.get("INFER_SCHEMA", True) not in (False, "false", "FALSE", "False"):
            project = self._inferred_columns(path, file_type)
        else:
            # JSON (and Parquet with infer_schema=False): one VARIANT column "$1", as Snowpark reads them.
            project = ["$1"]
        return self._read(path, file_type, project)

    def _inferred_columns(self, path, file_type):
        """Snowpark's INFER_SCHEMA step: one typed column per column of the files, names as they are."""
        format_name = self._temporary_format(file_type, self._format_options())
        sql = "SELECT * FROM TABLE(INFER_SCHEMA(LOCATION => {}, FILE_FORMAT => {}))".format(_literal(path), _literal(format_name))
        rows = self._session.sql(sql).collect()
        if not rows:
            return ["$1"]
        return ['{} AS "{}"'.format(row["EXPRESSION"], row["COLUMN_NAME"].replace('"', '""')) for row in rows]

    # ------------------------------------------------------------------ the query

    def _format_options(self):
        return {key: value for key, value in self._options.items() if key not in _COPY_OPTIONS and key not in _NOT_FORMAT_OPTIONS}

    def _temporary_format(self, file_type, format_options):
        """CREATE TEMPORARY FILE FORMAT for this read (it ends with the session); its name."""
        if "FORMAT_NAME" in self._options:
            return self._options["FORMAT_NAME"]
        name = "SNOWPARK_TEMP_FILE_FORMAT_" + uuid.uuid4().hex[:10].upper()
        options = " ".join("{} = {}".format(key, _literal(value)) for key, value in format_options.items())
        self._session._execute("CREATE TEMPORARY FILE FORMAT IF NOT EXISTS {} TYPE = {} {}".format(name, file_type, options))
        return name

    def _read(self, path, file_type, project):
        format_options = self._format_options()
        copy_options = {key: value for key, value in self._options.items() if key in _COPY_OPTIONS}
        if format_options.pop("PARSE_HEADER", False) in (True, "true", "TRUE", "True") and file_type == "CSV":
            # As Snowpark: a parsed header is a skipped header line when the schema is given.
            format_options["SKIP_HEADER"] = 1
        pattern = self._options.get("PATTERN")
        metadata = ["{0} AS {1}".format(name, quote_identifier(name)) for name in self._metadata]
        if copy_options:
            return self._read_with_copy(path, file_type, project, metadata, format_options, copy_options, pattern)
        format_name = self._temporary_format(file_type, format_options)
        arguments = ["FILE_FORMAT => {}".format(_literal(format_name))]
        if pattern:
            arguments.append("PATTERN => {}".format(_literal(pattern)))
        sql = "SELECT {} FROM {}( {})".format(", ".join(metadata + project), path, ", ".join(arguments))
        return DataFrame(self._session, _plan.SqlQuery(sql))

    def _read_with_copy(self, path, file_type, project, metadata, format_options, copy_options, pattern):
        """With copy options Snowpark copies the files into a temporary table; the DataFrame reads it."""
        if self._metadata:
            raise NotImplementedError("DataFrameReader.with_metadata together with copy options (ON_ERROR …) is not supported locally.")
        if self._user_schema is None:
            raise NotImplementedError("DataFrameReader with copy options needs a schema() locally.")
        table = "SNOWPARK_TEMP_TABLE_" + uuid.uuid4().hex[:10].upper()
        columns = ", ".join("{} {}".format(quote_identifier(field.name), field.datatype.sql_type()) for field in self._user_schema.fields)
        self._session._execute("CREATE TEMPORARY TABLE {} ({})".format(table, columns))
        options = " ".join("{} = {}".format(key, _literal(value)) for key, value in format_options.items())
        copy = " ".join("{} = {}".format(key, _literal(value)) for key, value in dict(copy_options, FORCE=True).items())
        source = path if file_type == "CSV" else "(SELECT {} FROM {})".format(", ".join(project), path)
        sql = "COPY INTO {} FROM {} FILE_FORMAT = ( TYPE = {} {} ){} {}".format(
            table, source, file_type, options, " PATTERN = {}".format(_literal(pattern)) if pattern else "", copy)
        self._session._execute(sql)
        return self._session.table(table)
