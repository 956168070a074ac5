// The error the stubs in this folder throw: what the bundled snowflake-sdk leaves out.

export class NotInBundleError extends Error {
  constructor(what: string) {
    super(
      `Snowpark Local's bundled snowflake-sdk leaves out ${what}: stage file transfer (PUT/GET) and ` +
        'workload-identity login are not supported. Use the Snowflake CLI or SnowSQL for PUT/GET, ' +
        'or another authenticator in connections.toml.',
    );
    this.name = 'NotInBundleError';
  }
}
