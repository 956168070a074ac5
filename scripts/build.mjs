// Bundles the extension and the CLI with esbuild and copies the Python shim beside them,
// because the runner starts Python with `dist/python` first on PYTHONPATH.
//
// The extension is several bundles, not one: activation compiles only dist/extension.js
// (views, command stubs, CodeLens provider), and the heavy parts load with require() on
// first use (see PARTS). snowflake-sdk is bundled too, without the cloud-storage clients
// it only needs for stage PUT/GET, so a Snowflake run does not resolve ~150 packages.
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, chmodSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
mkdirSync(dist, { recursive: true });

/**
 * Source files that are bundles of their own ("parts"), and the file each becomes in dist/.
 * Another bundle reaches a part only through require() or require.resolve() in a loader
 * function (src/vscode/parts/loadPart.ts, src/core/engine/snowflake/snowflakeSdk.ts); the
 * build turns its path into './<part>.js', so the part's code is neither copied in nor
 * compiled before use.
 */
const PARTS = {
  'src/vscode/parts/runsPart.ts': 'runsPart.js',
  'src/vscode/codeLens/lensBuilder.ts': 'lensBuilder.js',
  'src/vscode/savedRuns/testsPart.ts': 'testsPart.js',
  'src/core/engine/snowflake/sdkBundle.ts': 'snowflakeSdk.js',
  'src/cli.ts': 'cliMain.js',
};

const SDK_ENTRY = 'src/core/engine/snowflake/sdkBundle.ts';
/**
 * What the bundled snowflake-sdk gets instead of some of its modules (see each stub): the
 * cloud clients and the file transfer agent (stage PUT/GET and workload-identity login
 * only), winston (its logging is switched off), and moment-timezone with its zone data
 * read on first use.
 */
const SDK_STUBS = [
  { filter: /^(@aws-sdk|@aws-crypto|@smithy|@azure|@google-cloud|google-auth-library)(\/|$)/, stub: 'cloudClients.ts' },
  { filter: /\/file_transfer_agent\/file_transfer_agent$/, stub: 'fileTransfer.ts' },
  { filter: /^winston$/, stub: 'silentLogger.ts' },
  { filter: /^moment-timezone$/, stub: 'lazyMomentTimezone.ts' },
];

/**
 * Packages the SDK requires when it loads but uses only on paths a run seldom takes. Each is
 * bundled as it is, but behind a stand-in (sdkStubs/lazyModule.ts) that evaluates it on first
 * use: together about 30 % of the SDK's load at every `--connection` start. `callable`: the
 * package exports one function or class; otherwise, the members the SDK destructures at load.
 */
const SDK_LAZY = {
  open: 'callable', // browser sign-in (externalbrowser, OAuth authorization code)
  'form-data': 'callable', // axios' multipart bodies, with mime-db's 130 KB table
  'big-integer': 'callable', // results, only with jsTreatIntegerAsBigInt
  'fast-xml-parser': ['XMLParser', 'XMLValidator', 'XMLBuilder'], // XML column values
  toml: ['parse'], // the SDK's own connections.toml reader (we read the file ourselves)
};
const SDK_STUB_FOLDER = join(root, 'src/core/engine/snowflake/sdkStubs');
const LAZY_MODULE = join(SDK_STUB_FOLDER, 'lazyModule.ts');
/**
 * moment-timezone's zone data (700 KB, two fifths of the bundle) is read from a file beside the
 * bundle the first time a zone is looked up (sdkStubs/lazyMomentTimezone.ts), not read and
 * compiled with the SDK at every start.
 */
const ZONE_DATA = { request: 'moment-timezone/data/packed/latest.json', file: 'momentTimezoneZones.json' };

/**
 * Loading axios reads globalThis.FormData and seeds its fetch adapter (globalThis.Request);
 * either makes Node load its fetch implementation (undici): ~40 ms of CPU, a seventh of
 * the SDK's load once the code cache is warm. The SDK sends through axios' http adapter
 * and never passes a FormData; axios builds the fetch adapter when a request asks for it
 * and still recognises a FormData by its tag. An optimisation only: if axios changes, the
 * build warns and bundles the unmatched part unchanged.
 */
const AXIOS_PATCHES = [
  { find: "const FormDataCtor = typeof G.FormData !== 'undefined' ? G.FormData : undefined;", replace: 'const FormDataCtor = undefined;' },
  { find: '\ngetFetch();\n', replace: '\n' },
];

function partsPlugin(entry) {
  return {
    name: 'parts',
    setup(builder) {
      builder.onResolve({ filter: /^\.\.?\// }, async (args) => {
        if (args.pluginData === 'parts') return undefined;
        const resolved = await builder.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'parts' });
        if (resolved.errors.length > 0 || !resolved.path) return undefined;
        const part = PARTS[relative(root, resolved.path).split('\\').join('/')];
        if (!part || relative(root, resolved.path) === entry) return undefined;
        if (args.kind !== 'require-call' && args.kind !== 'require-resolve') {
          return { errors: [{ text: `${args.path} is a separately loaded bundle (${part}): load it with require() or require.resolve() in a loader function, not ${args.kind}` }] };
        }
        return { path: `./${part}`, external: true };
      });
      builder.onResolve({ filter: /^snowflake-sdk$/ }, (args) =>
        entry === SDK_ENTRY
          ? undefined
          : { errors: [{ text: `snowflake-sdk is imported from ${relative(root, args.importer)}: load it through loadSnowflakeSdk() (src/core/engine/snowflake/snowflakeSdk.ts)` }] },
      );
      if (entry !== SDK_ENTRY) return;
      builder.onLoad({ filter: /node_modules\/axios\/dist\/node\/axios\.cjs$/ }, async (args) => {
        let source = await readFile(args.path, 'utf8');
        const warnings = [];
        for (const { find, replace } of AXIOS_PATCHES) {
          if (source.includes(find)) source = source.replace(find, replace);
          else warnings.push({ text: `axios changed (no ${JSON.stringify(find)}): review AXIOS_PATCHES in scripts/build.mjs` });
        }
        return { contents: source, loader: 'js', warnings };
      });
      builder.onResolve({ filter: new RegExp(`^(${Object.keys(SDK_LAZY).join('|')})$`) }, async (args) => {
        if (!args.importer.includes('node_modules') || args.pluginData === 'lazy') return undefined;
        const real = await builder.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: 'lazy' });
        if (real.errors.length > 0) return { errors: real.errors };
        return { path: real.path, namespace: 'sdk-lazy', pluginData: args.path };
      });
      builder.onLoad({ filter: /.*/, namespace: 'sdk-lazy' }, (args) => {
        const exports = SDK_LAZY[args.pluginData];
        // require() inside the arrow function: esbuild evaluates the package there, on first use.
        const load = `() => require(${JSON.stringify(args.path)})`;
        const standIn =
          exports === 'callable'
            ? `lazyCallable(${load})`
            : `lazyMembers(${load}, ${JSON.stringify(exports)}, ${JSON.stringify(args.pluginData)})`;
        return { contents: `const { lazyCallable, lazyMembers } = require(${JSON.stringify(LAZY_MODULE)});\nmodule.exports = ${standIn};\n`, resolveDir: root, loader: 'js' };
      });
      builder.onResolve({ filter: /\.json$/ }, (args) => (args.path === ZONE_DATA.request ? { path: `./${ZONE_DATA.file}`, external: true } : undefined));
      for (const { filter, stub } of SDK_STUBS) {
        builder.onResolve({ filter }, (args) =>
          args.importer.includes('node_modules') ? { path: join(SDK_STUB_FOLDER, stub) } : undefined,
        );
      }
    },
  };
}

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  // The DuckDB binding is a native module: it ships as a package, never inside the bundle.
  external: ['vscode', '@duckdb/node-api', '@duckdb/node-bindings'],
  logLevel: 'warning',
};

const entries = [
  { in: 'src/extension.ts', out: 'extension.js' },
  { in: 'src/cliLauncher.ts', out: 'cli.js', banner: '#!/usr/bin/env node' },
  { in: 'src/core/parallel/taskWorkerThread.ts', out: 'taskWorkerThread.js' },
  { in: 'src/core/runner/spawnerThread.ts', out: 'spawnerThread.js' },
  ...Object.entries(PARTS).map(([source, out]) => ({ in: source, out })),
];
await Promise.all(
  entries.map((entry) =>
    build({
      ...common,
      entryPoints: [join(root, entry.in)],
      outfile: join(dist, entry.out),
      banner: entry.banner ? { js: entry.banner } : undefined,
      plugins: [partsPlugin(entry.in)],
      // snowflake-sdk's source: reading and compiling it is much of its load time; minified
      // it is about half (the source map keeps stack traces readable).
      minify: entry.in === SDK_ENTRY,
    }),
  ),
);
chmodSync(join(dist, 'cli.js'), 0o755);
// The data of the moment-timezone the stub loads, resolved from the stub as the bundle resolved it.
cpSync(createRequire(join(SDK_STUB_FOLDER, 'lazyMomentTimezone.ts')).resolve(ZONE_DATA.request), join(dist, ZONE_DATA.file));

const pythonOut = join(dist, 'python');
rmSync(pythonOut, { recursive: true, force: true });
cpSync(join(root, 'src', 'python'), pythonOut, {
  recursive: true,
  filter: (source) => !source.includes('__pycache__'),
});
