import { ConnectionEntry, ConnectionValue } from './connectionsFile';

// No secret may reach a log, the output, an error message or a --json dump. Two layers:
// summaries are built from an allow-list of keys (secrets are never copied in), and every
// text that leaves the Snowflake path goes through a Redactor that knows the actual secret
// values, so a secret echoed back by a driver or a server error is still caught.

/** Keys whose values are credentials. Matched after lower-casing. */
export const SECRET_KEYS = new Set([
  'password',
  'token',
  'passcode',
  'private_key_file_pwd',
  'private_key_passphrase',
  'private_key_pwd',
  'private_key_raw',
  'private_key',
  'oauth_client_secret',
  'client_secret',
  'master_token',
  'session_token',
]);

/** Keys safe to show in `connections list` and status lines. */
export const DISPLAY_KEYS = ['account', 'user', 'authenticator', 'host', 'database', 'schema', 'role', 'warehouse'] as const;

export function isSecretKey(key: string): boolean {
  const lower = key.toLowerCase();
  return SECRET_KEYS.has(lower) || /(password|secret|passphrase|_pwd$|token$)/.test(lower);
}

export const REDACTED = '***';

export class Redactor {
  private readonly secrets: string[] = [];

  /** Remembers a secret value (and its common encodings) so it can be scrubbed from text. */
  add(secret: ConnectionValue | undefined): this {
    if (secret === undefined || secret === null) return this;
    const text = Array.isArray(secret) ? secret.join(',') : String(secret);
    if (text.length === 0) return this;
    for (const form of [text, encodeURIComponent(text), JSON.stringify(text).slice(1, -1)]) {
      if (!this.secrets.includes(form)) this.secrets.push(form);
    }
    // Longest first, so a secret containing another is replaced whole.
    this.secrets.sort((a, b) => b.length - a.length);
    return this;
  }

  addConnection(entry: ConnectionEntry): this {
    for (const [key, value] of Object.entries(entry.values)) if (isSecretKey(key)) this.add(value);
    return this;
  }

  scrub(text: string): string {
    let out = text;
    for (const secret of this.secrets) if (out.includes(secret)) out = out.split(secret).join(REDACTED);
    return out;
  }

  scrubError(error: unknown): Error {
    const message = error instanceof Error ? error.message : String(error);
    const scrubbed = new Error(this.scrub(message));
    scrubbed.name = error instanceof Error ? error.name : 'Error';
    return scrubbed;
  }
}

export type ConnectionSummary = { name: string; source: string } & Record<(typeof DISPLAY_KEYS)[number], string | number | boolean | null>;

/** The secret-free facts of a connection, for listings, status bars and --json. */
export function describeConnection(entry: ConnectionEntry): ConnectionSummary {
  const shown = (key: (typeof DISPLAY_KEYS)[number]): string | number | boolean | null => {
    const value = entry.values[key];
    return value === undefined || Array.isArray(value) ? null : value;
  };
  return {
    name: entry.name,
    account: shown('account'),
    user: shown('user') ?? (typeof entry.values.username === 'string' ? entry.values.username : null),
    authenticator: shown('authenticator') ?? 'snowflake',
    host: shown('host'),
    database: shown('database'),
    schema: shown('schema'),
    role: shown('role'),
    warehouse: shown('warehouse'),
    source: entry.source,
  };
}
