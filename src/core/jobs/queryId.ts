import { randomBytes } from 'node:crypto';

// Snowflake query ids look like `01b8c3a2-0000-7d2f-0001-8a3e00052f6e`: 8-4-4-4-12
// lower-case hex. Ours keep that shape (so anything that validates or displays real ids
// handles ours) and start with the time, so they sort roughly by start.
export function newQueryId(nowMs: number = Date.now()): string {
  const time = Math.floor(nowMs / 1000).toString(16).padStart(8, '0').slice(-8);
  const random = randomHex();
  return `${time}-${random.slice(0, 4)}-${random.slice(4, 8)}-${random.slice(8, 12)}-${random.slice(12, 24)}`;
}

// A randomBytes() call per id cost ~30 µs of a 1 ms select 1 on a busy machine (a trip into
// OpenSSL each time); one call fills ids for a while, as crypto.randomUUID's cache does.
const IDS_PER_FILL = 256;
const ID_RANDOM_BYTES = 12;
let pool = Buffer.alloc(0);
let poolOffset = 0;

/** 24 hex digits no other id has drawn. */
function randomHex(): string {
  if (poolOffset + ID_RANDOM_BYTES > pool.length) {
    pool = randomBytes(IDS_PER_FILL * ID_RANDOM_BYTES);
    poolOffset = 0;
  }
  const hex = pool.toString('hex', poolOffset, poolOffset + ID_RANDOM_BYTES);
  poolOffset += ID_RANDOM_BYTES;
  return hex;
}

const QUERY_ID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function looksLikeQueryId(text: string): boolean {
  return QUERY_ID_SHAPE.test(text);
}
