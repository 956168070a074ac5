import { SdkConnectionOptions } from '../../connections/sdkOptions';
import { requireWithCodeCache } from '../../util/requireWithCodeCache';

// The narrow slice of snowflake-sdk this engine uses, typed here so the rest of the engine
// does not depend on the SDK's (large, partly `any`) declarations, and loaded on first use:
// the SDK (even bundled, without its cloud clients) is a local run's cost for nothing.

export interface SdkColumn {
  getName(): string;
  /** Snowflake's internal type name: fixed, real, text, boolean, date, time, timestamp_ntz … */
  getType(): string;
  getScale(): number;
  getPrecision(): number;
}

export interface SdkStatement {
  getQueryId(): string | undefined;
  getColumns(): SdkColumn[] | undefined;
}

export interface SdkError extends Error {
  code?: string | number;
  sqlState?: string;
  data?: { queryId?: string; sqlState?: string; [key: string]: unknown };
}

export type SdkBind = string | number | boolean | null;

export interface SdkStatementOptions {
  sqlText?: string;
  queryId?: string;
  binds?: SdkBind[];
  asyncExec?: boolean;
  rowMode?: 'array' | 'object';
  fetchAsString?: Array<'String' | 'Boolean' | 'Number' | 'Date' | 'JSON' | 'Buffer'>;
  parameters?: Record<string, unknown>;
  complete?: (error: SdkError | undefined, statement: SdkStatement, rows?: unknown) => void;
}

export interface SdkConnection {
  connect(callback: (error: SdkError | undefined) => void): unknown;
  execute(options: SdkStatementOptions & { sqlText: string }): SdkStatement;
  fetchResult(options: SdkStatementOptions & { queryId: string }): SdkStatement;
  getQueryStatus(queryId: string): Promise<string>;
  getResultsFromQueryId(options: SdkStatementOptions & { queryId: string }): Promise<SdkStatement>;
  destroy(callback: (error: SdkError | undefined) => void): void;
}

export interface SdkModule {
  createConnection(options: SdkConnectionOptions): SdkConnection;
  configure(options: Record<string, unknown>): void;
}

let loaded: SdkModule | undefined;

export async function loadSnowflakeSdk(): Promise<SdkModule> {
  if (loaded) return loaded;
  // The cloud clients are left out of the bundle (cloudClientStub); under tsc (the tests)
  // the real S3 client loads, and its Node-version notice would print on every run.
  // A user's own setting wins.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  // On load the SDK probes cloud metadata endpoints (AWS, Azure, GCP; up to 200 ms, and
  // login waits for it) to report the platform in its login telemetry: nothing a local
  // developer run needs, and a request to the network nobody asked for.
  process.env.SNOWFLAKE_DISABLE_PLATFORM_DETECTION ??= 'true';
  // The SDK's native "minicore" only reports its version in the login's telemetry, and the
  // bundle cannot load it (it is not beside dist/snowflakeSdk.js). Left on, every login sent
  // Snowflake one more telemetry event carrying the failed require's stack, with this machine's
  // paths (the user's home folder among them) in it.
  process.env.SNOWFLAKE_DISABLE_MINICORE ??= 'true';
  let sdk: SdkModule;
  try {
    // dist/snowflakeSdk.js beside the bundle (scripts/build.mjs resolves './sdkBundle' to
    // it); under tsc, sdkBundle.js, which requires the package from node_modules.
    sdk = (requireWithCodeCache(require.resolve('./sdkBundle')).exports as { sdk: SdkModule }).sdk;
  } catch (error) {
    throw new Error(
      `The Snowflake engine needs snowflake-sdk, which could not be loaded (${(error as Error).message.split('\n')[0]}). ` +
        'Reinstall Snowpark Local (or run `npm run build` in its folder).',
    );
  }
  // The SDK's own logger writes snowflake.log into the working directory and can include
  // request details; nothing of it is needed here, and nothing of it may leak a secret.
  sdk.configure({ logLevel: 'OFF', additionalLogToConsole: false });
  loaded = sdk;
  return sdk;
}
