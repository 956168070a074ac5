// The VS Code targets we publish, and what each needs from DuckDB's per-platform packages.
// One .vsix per target carries exactly that target's native binding: the loader
// (@duckdb/node-bindings/duckdb.js) requires `@duckdb/node-bindings-<platform>-<arch>`.

/** Mach-O cputype values (mach/machine.h): CPU_TYPE_X86_64 and CPU_TYPE_ARM64. */
export const MACHO_CPU = { x64: 0x01000007, arm64: 0x0100000c };

export const TARGETS = [
  { target: 'linux-x64', os: 'linux', arch: 'x64', library: 'libduckdb.so' },
  { target: 'linux-arm64', os: 'linux', arch: 'arm64', library: 'libduckdb.so' },
  { target: 'darwin-x64', os: 'darwin', arch: 'x64', library: 'libduckdb.dylib' },
  { target: 'darwin-arm64', os: 'darwin', arch: 'arm64', library: 'libduckdb.dylib' },
  { target: 'win32-x64', os: 'win32', arch: 'x64', library: 'duckdb.dll' },
];

export function bindingPackageName(target) {
  return `@duckdb/node-bindings-${target.target}`;
}

export function targetNamed(name) {
  const found = TARGETS.find((target) => target.target === name);
  if (!found) throw new Error(`Unknown target '${name}': use one of ${TARGETS.map((t) => t.target).join(', ')}`);
  return found;
}
