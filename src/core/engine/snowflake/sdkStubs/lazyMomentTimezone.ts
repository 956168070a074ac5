// Stands in for `moment-timezone` inside the bundled snowflake-sdk (scripts/build.mjs): the
// same library, but its zone data (700 KB) is read the first time a time zone is looked up,
// not while the SDK loads. The build leaves the data out of the bundle and copies it beside
// it (dist/momentTimezoneZones.json), so the SDK's start neither reads nor compiles it. Most
// runs against Snowflake never convert a TIMESTAMP_LTZ/TZ through the SDK.

// The library without its data: the same module moment-timezone's own index.js wraps.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const moment: typeof import('moment-timezone') = require('moment-timezone/moment-timezone');

type Tz = typeof moment.tz;
type AnyFunction = (this: unknown, ...args: unknown[]) => unknown;

let zonesLoaded = false;
function loadZones(): void {
  if (zonesLoaded) return;
  zonesLoaded = true;
  // Inside this function so that the data is read only here. The bundle's build turns this
  // into require('./momentTimezoneZones.json'), the copy beside the bundle (scripts/build.mjs).
  moment.tz.load(require('moment-timezone/data/packed/latest.json'));
}

function loadingZonesFirst<F extends AnyFunction>(original: F): F {
  return function (this: unknown, ...args: unknown[]) {
    loadZones();
    return original.apply(this, args);
  } as F;
}

// Everything that reads zones: moment().tz(name), moment.tz(…), and the lookups on moment.tz.
const eager = moment.tz as unknown as AnyFunction & Record<string, unknown>;
const lazy = Object.assign(loadingZonesFirst(eager), eager);
for (const name of ['zone', 'zoneExists', 'guess', 'names', 'countries', 'zonesForCountry', 'setDefault']) {
  if (typeof eager[name] === 'function') lazy[name] = loadingZonesFirst(eager[name] as AnyFunction);
}
(moment as unknown as { tz: Tz }).tz = lazy as unknown as Tz;
moment.fn.tz = loadingZonesFirst(moment.fn.tz as unknown as AnyFunction) as unknown as typeof moment.fn.tz;

export = moment;
