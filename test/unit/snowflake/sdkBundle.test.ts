import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cloudClients = require('../../../src/core/engine/snowflake/sdkStubs/cloudClients');
import FileTransferAgent = require('../../../src/core/engine/snowflake/sdkStubs/fileTransfer');
import silentLogger = require('../../../src/core/engine/snowflake/sdkStubs/silentLogger');
import { SnowflakeStandin } from '../../standin/snowflakeStandin';
import { repoRoot } from '../support/cliProcess';
import { useTempDirectory } from '../support/tempDirectory';

// snowflake-sdk as the build bundles it (dist/snowflakeSdk.js, scripts/build.mjs): one file,
// without its cloud clients, file transfer agent and logger.

describe('the bundled snowflake-sdk', function () {
  this.timeout(60_000);
  const temp = useTempDirectory('snowpark-local-sdk-bundle-');

  it('loads without resolving a package from node_modules or Node\'s fetch (undici), and logs nothing to a file', () => {
    const bundle = join(repoRoot, 'dist', 'snowflakeSdk.js');
    const script = `
      const { sdk } = require(${JSON.stringify(bundle)});
      sdk.configure({ logLevel: 'OFF' });
      const connection = sdk.createConnection({ account: 'a', username: 'u', password: 'p', accessUrl: 'http://127.0.0.1:9' });
      process.stdout.write(JSON.stringify({
        fromNodeModules: Object.keys(require.cache).filter((file) => file.includes('node_modules')),
        connects: typeof connection.connect,
        nodeFetchLoaded: process.moduleLoadList.some((name) => name.includes('undici')),
      }));`;
    const cwd = temp.path('.');
    const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { cwd, encoding: 'utf8', env: { ...process.env, SNOWFLAKE_DISABLE_PLATFORM_DETECTION: 'true' } }));
    assert.deepEqual(result, { fromNodeModules: [], connects: 'function', nodeFetchLoaded: false });
    assert.equal(existsSync(join(cwd, 'snowflake.log')), false);
  });

  it('answers a query as the package does, reading moment-timezone\'s zone data from the file beside it on first use (local stand-in)', async () => {
    const standin = await SnowflakeStandin.start({ users: { dev: { password: 'pw' } } });
    try {
      // Each SDK in its own process, asynchronously: the stand-in answers from this one.
      const query = async (sdkPath: string): Promise<Record<string, unknown>> => {
        const script = `
          const loaded = require(${JSON.stringify(sdkPath)});
          const sdk = loaded.sdk ?? loaded;
          const jsonFiles = () => Object.keys(require.cache).filter((file) => file.endsWith('.json') && file.includes('moment'));
          const zoneFilesAtLoad = jsonFiles();
          sdk.configure({ logLevel: 'OFF' });
          const connection = sdk.createConnection({ account: 'standin', username: 'dev', password: 'pw', accessUrl: 'http://127.0.0.1:${standin.port}' });
          connection.connect((error) => {
            if (error) throw error;
            connection.execute({
              sqlText: "select '2024-01-31 13:45:00.5+01:00'::timestamp_tz as tz, '2024-07-01 12:00:00'::timestamp_ltz as ltz, " +
                "'2024-01-31 13:45:00'::timestamp_ntz as ntz, '2024-02-29'::date as d, 123456789012::number(38,0) as n",
              complete: (failed, statement, rows) => {
                if (failed) throw failed;
                const values = Object.fromEntries(Object.entries(rows[0]).map(([name, value]) => [name, [String(value), JSON.stringify(value)]]));
                process.stdout.write(JSON.stringify({ values, zoneFilesAtLoad, zoneFilesAfter: jsonFiles() }));
                connection.destroy(() => undefined);
              },
            });
          });`;
        const env = { ...process.env, TZ: 'America/New_York', SNOWFLAKE_DISABLE_PLATFORM_DETECTION: 'true', SNOWFLAKE_DISABLE_MINICORE: 'true' };
        const { stdout } = await promisify(execFile)(process.execPath, ['-e', script], { cwd: repoRoot, encoding: 'utf8', env });
        return JSON.parse(stdout) as Record<string, unknown>;
      };
      const bundled = await query(join(repoRoot, 'dist', 'snowflakeSdk.js'));
      const packaged = await query('snowflake-sdk');
      assert.deepEqual(bundled.values, packaged.values);
      assert.deepEqual((bundled.values as Record<string, string[]>).NTZ, ['Wed Jan 31 2024 08:45:00 GMT-0500 (Eastern Standard Time)', '"2024-01-31 13:45:00.000"']);
      assert.deepEqual(bundled.zoneFilesAtLoad, [], 'the zone data is not read while the SDK loads');
      assert.deepEqual(bundled.zoneFilesAfter, [join(repoRoot, 'dist', 'momentTimezoneZones.json')]);
    } finally {
      await standin.close();
    }
  });

  it('cloud clients can be read but not used: the error names what is missing and what to do', () => {
    const { S3Client, BlobServiceClient } = cloudClients as Record<string, new () => unknown>;
    assert.equal(typeof S3Client, 'function');
    assert.equal((cloudClients as Record<string, unknown>).__esModule, undefined, 'not mistaken for an ES module');
    assert.equal((cloudClients as Record<string, unknown>).then, undefined, 'not mistaken for a promise');
    assert.throws(() => new S3Client(), { name: 'NotInBundleError', message: /S3Client was used.*PUT\/GET.*not supported.*Snowflake CLI/ });
    assert.throws(() => new BlobServiceClient(), /BlobServiceClient/);
  });

  it('a PUT or GET fails when the SDK creates its file transfer agent', () => {
    assert.throws(() => new (FileTransferAgent as unknown as new (context: unknown) => unknown)({}), {
      name: 'NotInBundleError',
      message: /file transfer \(a PUT or GET statement was run\)/,
    });
  });

  it('the logger accepts anything and does nothing', () => {
    const winston = silentLogger as unknown as { createLogger: new (options: unknown) => Record<string, (text: string) => unknown>; transports: { File: new (o: unknown) => unknown } };
    const logger = new winston.createLogger({ transports: [new winston.transports.File({ filename: temp.path('x.log') })] });
    assert.doesNotThrow(() => logger.info('a line with a secret'));
    assert.equal(existsSync(temp.path('x.log')), false);
  });

  it('moment-timezone reads its zone data on the first zone lookup, and converts as the full library does', () => {
    const stub = join(repoRoot, 'out', 'src', 'core', 'engine', 'snowflake', 'sdkStubs', 'lazyMomentTimezone.js');
    // A fresh process: the stub must be the first to load moment-timezone's core there.
    const script = `
      const moment = require(${JSON.stringify(stub)});
      const zonesBefore = Object.keys(moment.tz._zones).length;
      const losAngeles = moment(0).tz('America/Los_Angeles').format();
      const zonesAfter = Object.keys(moment.tz._zones).length;
      process.stdout.write(JSON.stringify({
        zonesBefore,
        loadedOnFirstUse: zonesAfter > 300,
        losAngeles,
        // West Germany kept no summer time in 1950; New York in 2030, winter and summer; a
        // half-hour zone through the static form.
        berlin1950: moment.utc('1950-07-01T12:00:00Z').tz('Europe/Berlin').format(),
        newYorkSummer2030: moment.utc('2030-07-15T12:00:00Z').tz('America/New_York').format('Z z'),
        newYork2030: moment.utc('2030-01-15T12:00:00Z').tz('America/New_York').format('Z z'),
        kolkata: moment.tz('2024-07-01 12:00', 'Asia/Kolkata').format(),
        unknownZone: moment.tz.zone('Not/AZone'),
        hasNames: moment.tz.names().includes('Australia/Adelaide'),
      }));`;
    const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
    assert.deepEqual(result, {
      zonesBefore: 0,
      loadedOnFirstUse: true,
      losAngeles: '1969-12-31T16:00:00-08:00',
      berlin1950: '1950-07-01T13:00:00+01:00',
      newYorkSummer2030: '-04:00 EDT',
      newYork2030: '-05:00 EST',
      kolkata: '2024-07-01T12:00:00+05:30',
      unknownZone: null,
      hasNames: true,
    });
  });
});
