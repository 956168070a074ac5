// Stands in for winston inside the bundled snowflake-sdk (scripts/build.mjs). Snowpark
// Local sets the SDK's log level to OFF (loadSnowflakeSdk): its log lines can hold request
// details, and its default file logger writes snowflake.log into the working directory.
// Should the SDK log anyway, every call here is a no-op: nothing is written, nothing leaks.

const silent: Record<string, unknown> = new Proxy(function () {}, {
  get(_target, key) {
    if (typeof key !== 'string' || key === '__esModule' || key === 'then') return undefined;
    return silent;
  },
  apply: () => silent,
  construct: () => silent as object,
}) as unknown as Record<string, unknown>;

export = silent;
