import { randomBytes } from 'node:crypto';

// Snowflake query ids look like `01b8c3a2-0000-7d2f-0001-8a3e00052f6e`: 8-4-4-4-12
// lower-case hex. Ours keep that shape (so anything that validates or displays real ids
// handles ours) and start with the time, so they sort roughly by start.
export function newQueryId(nowMs: number = Date.now()): string {
  const time = Math.floor(nowMs / 1000).toString(16).padStart(8, '0').slice(-8);
  const random = randomBytes(12).toString('hex');
  return `${time}-${random.slice(0, 4)}-${random.slice(4, 8)}-${random.slice(8, 12)}-${random.slice(12, 24)}`;
}

const QUERY_ID_SHAPE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function looksLikeQueryId(text: string): boolean {
  return QUERY_ID_SHAPE.test(text);
}
