import { NotInBundleError } from './notInBundle';

// Stands in for the AWS, Azure and Google Cloud client packages inside the bundled
// snowflake-sdk (scripts/build.mjs aliases them here). The SDK needs them only to move
// files to and from stages (PUT/GET) and for workload-identity login, neither of which
// Snowpark Local uses; leaving them out spares every Snowflake run most of the SDK's
// load time and the .vsix most of its size. Reading any export works (the SDK reads them
// when its modules load); calling or constructing one throws an error that says why.

function unavailable(name: string): unknown {
  // A plain function, so the SDK's `class X extends Client` and `new Client()` parse and link.
  const stub = function () {
    throw new NotInBundleError(`the cloud storage clients (${name} was used)`);
  };
  Object.defineProperty(stub, 'name', { value: name });
  return stub;
}

const made = new Map<string, unknown>();

const cloudClients: Record<string, unknown> = new Proxy(
  {},
  {
    get(_target, key) {
      // Not an ES module, not a promise: interop helpers and `await` must see a plain object.
      if (typeof key !== 'string' || key === '__esModule' || key === 'then') return undefined;
      if (key === 'default') return cloudClients;
      if (!made.has(key)) made.set(key, unavailable(key));
      return made.get(key);
    },
  },
);

export = cloudClients;
