import { SequenceRule } from './ruleTypes';
import { CallMatch, functionRule } from './functionCall';

// Snowflake numeric functions DuckDB lacks: equi-width histogram buckets and great-circle distance.

/** The Earth radius, in kilometres, HAVERSINE measures with (its documented answers need 6371). */
const EARTH_RADIUS_KM = 6371;

/** sin²(x / 2) of an angle in degrees. */
const halfSineSquared = (degrees: string): string => `pow(sin(radians(${degrees}) / 2), 2)`;

export const mathRules: SequenceRule<CallMatch>[] = [
  functionRule({
    name: 'WIDTH_BUCKET',
    why: 'DuckDB has no WIDTH_BUCKET: 1…n for the equal-width buckets between min and max, 0 below the range, n + 1 at or past its end (a range from high to low counts downwards).',
    functions: ['WIDTH_BUCKET'],
    arity: [4, 4],
    // Multiplying before dividing keeps boundary values (400000 of 200000…600000 in 4) exact.
    rewrite: ([x, lo, hi, n]) =>
      [
        `CAST(CASE WHEN (${x}) IS NULL OR (${lo}) IS NULL OR (${hi}) IS NULL OR (${n}) IS NULL THEN NULL`,
        `WHEN (${n}) < 1 THEN error('WIDTH_BUCKET needs a positive number of buckets (got ' || (${n}) || ')')`,
        `WHEN (${lo}) = (${hi}) THEN error('WIDTH_BUCKET needs a range whose min and max differ')`,
        `WHEN (${lo}) < (${hi}) THEN CASE WHEN (${x}) < (${lo}) THEN 0 WHEN (${x}) >= (${hi}) THEN (${n}) + 1 ELSE floor(((${x}) - (${lo})) * (${n}) / ((${hi}) - (${lo}))) + 1 END`,
        `ELSE CASE WHEN (${x}) > (${lo}) THEN 0 WHEN (${x}) <= (${hi}) THEN (${n}) + 1 ELSE floor(((${lo}) - (${x})) * (${n}) / ((${lo}) - (${hi}))) + 1 END END AS BIGINT)`,
      ].join(' '),
  }),
  functionRule({
    name: 'HAVERSINE',
    why: 'DuckDB has no HAVERSINE: the great-circle distance in km between two latitude/longitude points given in degrees.',
    functions: ['HAVERSINE'],
    arity: [4, 4],
    rewrite: ([lat1, lon1, lat2, lon2]) =>
      `(2 * ${EARTH_RADIUS_KM} * asin(sqrt(${halfSineSquared(`(${lat2}) - (${lat1})`)} + cos(radians(${lat1})) * cos(radians(${lat2})) * ${halfSineSquared(`(${lon2}) - (${lon1})`)})))`,
  }),
];
