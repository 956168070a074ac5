// Stands in, inside the bundled snowflake-sdk (scripts/build.mjs, SDK_LAZY), for a package the
// SDK requires when it loads but uses only on paths a run seldom takes: browser sign-in,
// multipart request bodies, XML columns, its own connections.toml reader. The bundle evaluates
// the package on first use instead of at every `--connection` start: together about 30 % of
// the SDK's load time. The stand-in behaves as the package does when called, constructed,
// subclassed, tested with instanceof or read for a static member.

type Exports = ((...args: unknown[]) => unknown) & Record<PropertyKey, unknown>;

/** A module whose exports are one function or class, with its static members. */
export function lazyCallable(load: () => unknown): unknown {
  let loaded: Exports | undefined;
  const real = (): Exports => (loaded ??= load() as Exports);
  // A function target, so that the stand-in can be called and constructed as the real one is.
  const standIn: object = new Proxy(function lazyModule() {}, {
    apply: (_target, self, args) => Reflect.apply(real(), self, args),
    // `new standIn()` builds a real instance (its prototype is the real class's); a subclass of
    // the stand-in keeps its own newTarget.
    construct: (_target, args, newTarget) => Reflect.construct(real(), args, newTarget === standIn ? real() : newTarget),
    get: (_target, key) => Reflect.get(real(), key),
    set: (_target, key, value) => Reflect.set(real(), key, value),
    has: (_target, key) => Reflect.has(real(), key),
  });
  return standIn;
}

/**
 * A module whose exports are an object the SDK destructures when it loads
 * (`const { XMLParser } = require('fast-xml-parser')`): each named member is its own stand-in,
 * and the first use of any of them loads the module.
 */
export function lazyMembers(load: () => unknown, names: readonly string[], packageName: string): Record<string, unknown> {
  let loaded: Record<string, unknown> | undefined;
  const real = (): Record<string, unknown> => (loaded ??= load() as Record<string, unknown>);
  const members: Record<string, unknown> = {};
  for (const name of names) {
    members[name] = lazyCallable(() => {
      const member = real()[name];
      // Only a new version of the package can get here: the build's list names what it exports.
      if (member === undefined) throw new Error(`${packageName} has no export '${name}' (see SDK_LAZY in scripts/build.mjs)`);
      return member;
    });
  }
  return members;
}
