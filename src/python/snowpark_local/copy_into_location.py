"""The COPY INTO <location> text ``df.write.copy_into_location`` (and ``csv``/``json``/``parquet``)
sends, built as snowpark-python builds it, so the Snowflake target receives what Snowpark would
send and the DuckDB engine reads the same statement (it unloads to a local stage folder)."""

import logging

_logger = logging.getLogger("snowflake.snowpark")

# Snowpark's writer aliases (Spark-style names) and its split of writer options.
WRITER_OPTION_ALIASES = {
    "SEP": "FIELD_DELIMITER",
    "LINESEP": "RECORD_DELIMITER",
    "QUOTE": "FIELD_OPTIONALLY_ENCLOSED_BY",
    "NULLVALUE": "NULL_IF",
    "DATEFORMAT": "DATE_FORMAT",
    "TIMESTAMPFORMAT": "TIMESTAMP_FORMAT",
}
COPY_OPTIONS = {"OVERWRITE", "SINGLE", "MAX_FILE_SIZE", "INCLUDE_QUERY_ID", "DETAILED_OUTPUT"}
_NOT_FORMAT_OPTIONS = {"PATTERN", "VALIDATION_MODE", "FILE_FORMAT", "FORMAT_NAME", "FILES", "INFER_SCHEMA",
                       "INFER_SCHEMA_OPTIONS", "SAMPLING_RATIO", "FORMAT_TYPE_OPTIONS", "TARGET_COLUMNS",
                       "TRANSFORMATIONS", "COPY_OPTIONS", "ENFORCE_EXISTING_FILE_FORMAT", "TRY_CAST"}


def aliased_option(key):
    upper = key.strip().upper()
    aliased = WRITER_OPTION_ALIASES.get(upper, upper)
    if aliased != upper:
        _logger.warning("Option '%s' is aliased to '%s'. You may see unexpected behavior. Please refer to format "
                        "specific options for more information", key, aliased)
    return aliased


def split_writer_options(options):
    """Writer options (already aliased, upper case) → (format type options, copy options)."""
    format_options = dict(options.get("FORMAT_TYPE_OPTIONS", {}))
    copy_options = dict(options.get("COPY_OPTIONS", {}))
    for key, value in options.items():
        if key in COPY_OPTIONS:
            copy_options[key] = value
        elif key not in _NOT_FORMAT_OPTIONS:
            format_options[key] = value
    return format_options, copy_options


def _is_single_quoted(text):
    return len(text) > 1 and text.startswith("'") and text.endswith("'")


def _option_value(value):
    if isinstance(value, dict):
        return "({})".format(", ".join("{} = {}".format(k, v) for k, v in value.items()))
    if isinstance(value, str):
        return value if _is_single_quoted(value) else "'" + value.replace("'", "''") + "'"
    if isinstance(value, (list, tuple)):
        return "({})".format(", ".join(_option_value(v) for v in value))
    return str(value)


def _options(options):
    return " " + " ".join("{} = {}".format(k, _option_value(v)) for k, v in options.items() if v is not None) + " "


def stage_location(location):
    """Snowpark's normalisation: a path without ``@`` (or ``snow://``) gets ``@``; the result is one
    single-quoted literal, backslashes and quotes escaped."""
    if _is_single_quoted(location) and "'" not in location[1:-1].replace("''", ""):
        return location
    path = location.strip()
    if not path.startswith(("@", "snow://", "/")):
        path = "@" + path
    return "'" + path.replace("\\", "\\\\").replace("'", "''") + "'"


def copy_into_location_sql(location, query, partition_by=None, file_format_name=None, file_format_type=None,
                           format_type_options=None, header=False, copy_options=None):
    parts = ["COPY INTO ", stage_location(location), " FROM ( ", query, " )"]
    if partition_by:
        parts.append(" PARTITION BY " + partition_by)
    inner = ""
    if file_format_name:
        inner += " FORMAT_NAME = " + file_format_name
    if file_format_type:
        inner += " TYPE = " + file_format_type.upper()
    if format_type_options:
        inner += _options(format_type_options)
    if inner:
        parts.append(" FILE_FORMAT = (" + inner + ")")
    if copy_options:
        parts.append(_options(copy_options))
    if header is not None:
        parts.append(" HEADER = " + str(bool(header)))
    return "".join(parts)
