import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { ConnectionEntry, ConnectionError, ConnectionValue } from './connectionsFile';
import { Redactor } from './secrets';

// connections.toml (snake_case, Snowflake's names) → snowflake-sdk connection options.
// Only the authenticators the SDK can drive without a UI of ours are accepted; each maps to
// the options the SDK documents for it.

export type Authenticator = 'SNOWFLAKE' | 'SNOWFLAKE_JWT' | 'EXTERNALBROWSER' | 'OAUTH' | 'PROGRAMMATIC_ACCESS_TOKEN' | 'USERNAME_PASSWORD_MFA';

/** The subset of snowflake-sdk's ConnectionOptions this project sets. */
export interface SdkConnectionOptions {
  account: string;
  username?: string;
  password?: string;
  authenticator: Authenticator;
  token?: string;
  privateKeyPath?: string;
  privateKeyPass?: string;
  privateKey?: string;
  passcode?: string;
  database?: string;
  schema?: string;
  role?: string;
  warehouse?: string;
  host?: string;
  port?: number;
  protocol?: 'http' | 'https';
  accessUrl?: string;
  application?: string;
  queryTag?: string;
  clientSessionKeepAlive?: boolean;
  loginTimeout?: number;
  /** Fail fast: a wrong host should not retry for minutes. */
  sfRetryMaxLoginRetries?: number;
  /**
   * The SDK's default writes a SQL NULL as the text 'NULL' when values are fetched as
   * strings (as we fetch NUMBER, to keep its digits): a NULL number would fail to convert
   * and a NULL string would read as 'NULL'.
   */
  representNullAsStringNull?: boolean;
}

export interface MappedConnection {
  options: SdkConnectionOptions;
  /** Knows every secret of this connection (including a token read from a file). */
  redactor: Redactor;
}

const AUTHENTICATOR_ALIASES: Record<string, Authenticator> = {
  SNOWFLAKE: 'SNOWFLAKE',
  PASSWORD: 'SNOWFLAKE',
  SNOWFLAKE_JWT: 'SNOWFLAKE_JWT',
  JWT: 'SNOWFLAKE_JWT',
  KEYPAIR: 'SNOWFLAKE_JWT',
  EXTERNALBROWSER: 'EXTERNALBROWSER',
  OAUTH: 'OAUTH',
  PROGRAMMATIC_ACCESS_TOKEN: 'PROGRAMMATIC_ACCESS_TOKEN',
  PAT: 'PROGRAMMATIC_ACCESS_TOKEN',
  USERNAME_PASSWORD_MFA: 'USERNAME_PASSWORD_MFA',
};

export function authenticatorOf(entry: ConnectionEntry): Authenticator {
  const raw = text(entry, 'authenticator');
  if (raw === undefined) return entry.values.private_key_file || entry.values.private_key_path ? 'SNOWFLAKE_JWT' : 'SNOWFLAKE';
  const mapped = AUTHENTICATOR_ALIASES[raw.toUpperCase()];
  if (!mapped) {
    throw new ConnectionError(
      `Connection '${entry.name}': authenticator '${raw}' is not supported here. ` +
        'Use one of snowflake (password), snowflake_jwt (key pair), externalbrowser, oauth, programmatic_access_token.',
    );
  }
  return mapped;
}

export function toSdkOptions(entry: ConnectionEntry): MappedConnection {
  const redactor = new Redactor().addConnection(entry);
  const authenticator = authenticatorOf(entry);
  const account = text(entry, 'account');
  const host = text(entry, 'host');
  if (!account && !host) missing(entry, 'account', 'account = "myorg-myaccount"');
  const options: SdkConnectionOptions = {
    account: account ?? host!.split('.')[0],
    authenticator,
    username: text(entry, 'user') ?? text(entry, 'username'),
    database: text(entry, 'database'),
    schema: text(entry, 'schema'),
    role: text(entry, 'role'),
    warehouse: text(entry, 'warehouse'),
    host,
    application: 'SnowparkLocal',
    queryTag: text(entry, 'query_tag'),
    sfRetryMaxLoginRetries: 2,
    representNullAsStringNull: false,
  };
  const port = entry.values.port;
  if (port !== undefined) {
    const number = Number(port);
    if (!Number.isInteger(number) || number <= 0 || number > 65535) throw new ConnectionError(`Connection '${entry.name}': port must be a number from 1 to 65535.`);
    options.port = number;
  }
  const protocol = text(entry, 'protocol');
  if (protocol !== undefined) {
    if (protocol !== 'http' && protocol !== 'https') throw new ConnectionError(`Connection '${entry.name}': protocol must be https (or http), not '${protocol}'.`);
    options.protocol = protocol;
  }
  const loginTimeout = entry.values.login_timeout;
  if (typeof loginTimeout === 'number') options.loginTimeout = loginTimeout;
  if (entry.values.client_session_keep_alive !== undefined) options.clientSessionKeepAlive = entry.values.client_session_keep_alive === true || entry.values.client_session_keep_alive === 'true';

  switch (authenticator) {
    case 'SNOWFLAKE':
    case 'USERNAME_PASSWORD_MFA': {
      needUser(entry, options);
      const password = text(entry, 'password');
      if (password === undefined) missing(entry, 'password', 'password = "…"  (or SNOWFLAKE_CONNECTIONS_<NAME>_PASSWORD)');
      options.password = password;
      const passcode = text(entry, 'passcode');
      if (passcode !== undefined) options.passcode = passcode;
      break;
    }
    case 'SNOWFLAKE_JWT': {
      needUser(entry, options);
      const keyFile = text(entry, 'private_key_file') ?? text(entry, 'private_key_path');
      const rawKey = text(entry, 'private_key_raw');
      if (keyFile === undefined && rawKey === undefined) missing(entry, 'private_key_file', 'private_key_file = "~/.ssh/snowflake_rsa_key.p8"');
      if (keyFile !== undefined) options.privateKeyPath = expandHome(keyFile);
      else options.privateKey = rawKey;
      const passphrase = text(entry, 'private_key_file_pwd') ?? text(entry, 'private_key_passphrase') ?? text(entry, 'private_key_pwd');
      if (passphrase !== undefined) options.privateKeyPass = passphrase;
      break;
    }
    case 'EXTERNALBROWSER':
      if (options.username === undefined) delete options.username;
      break;
    case 'OAUTH':
    case 'PROGRAMMATIC_ACCESS_TOKEN': {
      let token = text(entry, 'token');
      const tokenFile = text(entry, 'token_file_path');
      if (token === undefined && tokenFile !== undefined) {
        try {
          token = readFileSync(expandHome(tokenFile), 'utf8').trim();
        } catch (error) {
          throw new ConnectionError(`Connection '${entry.name}': cannot read token_file_path ${tokenFile} (${(error as NodeJS.ErrnoException).code ?? 'unreadable'}).`);
        }
        redactor.add(token);
      }
      // A programmatic access token may also be given as the password, as the SDK allows.
      if (token === undefined && authenticator === 'PROGRAMMATIC_ACCESS_TOKEN') token = text(entry, 'password');
      if (token === undefined) missing(entry, 'token', 'token = "…"  or  token_file_path = "/path/to/token"');
      options.token = token;
      if (options.username === undefined) delete options.username;
      break;
    }
  }
  for (const key of Object.keys(options) as Array<keyof SdkConnectionOptions>) if (options[key] === undefined) delete options[key];
  return { options, redactor };
}

function text(entry: ConnectionEntry, key: string): string | undefined {
  const value: ConnectionValue | undefined = entry.values[key];
  if (value === undefined || Array.isArray(value)) return undefined;
  const string = String(value);
  return string === '' ? undefined : string;
}

function needUser(entry: ConnectionEntry, options: SdkConnectionOptions): void {
  if (options.username === undefined) missing(entry, 'user', 'user = "me"');
}

function missing(entry: ConnectionEntry, key: string, example: string): never {
  throw new ConnectionError(`Connection '${entry.name}' (${entry.source}) has no ${key}. Add ${example} to its table.`);
}

function expandHome(path: string): string {
  return path === '~' || path.startsWith('~/') ? join(homedir(), path.slice(1)) : path;
}
