import { SdkConnectionOptions } from '../../connections/sdkOptions';

// The narrow slice of snowflake-sdk this engine uses, typed here so the rest of the engine
// does not depend on the SDK's (large, partly `any`) declarations, and loaded on first use:
// the SDK pulls in the AWS, Azure and Google clients (~1 s), which a local run must never pay.

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
  // snowflake-sdk loads the AWS S3 client (for stage PUT/GET, unused here), whose
  // Node-version notice would otherwise print on every run. A user's own setting wins.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let sdk: SdkModule;
  try {
    // snowflake-sdk is CommonJS and stays outside the bundle: a real dynamic import (the
    // esbuild bundle) hands its exports over as `default`; tsc's output (tests) requires it.
    const module = (await import('snowflake-sdk')) as unknown as SdkModule & { default?: SdkModule };
    sdk = module.default ?? module;
  } catch (error) {
    throw new Error(
      `The Snowflake engine needs the snowflake-sdk package, which could not be loaded (${(error as Error).message.split('\n')[0]}). ` +
        'Run `npm install` in the Snowpark Local folder.',
    );
  }
  // The SDK's own logger writes snowflake.log into the working directory and can include
  // request details; nothing of it is needed here, and nothing of it may leak a secret.
  sdk.configure({ logLevel: 'OFF', additionalLogToConsole: false });
  loaded = sdk;
  return sdk;
}
