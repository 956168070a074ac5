import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import cloudClients = require('../../../src/core/engine/snowflake/sdkStubs/cloudClients');
import FileTransferAgent = require('../../../src/core/engine/snowflake/sdkStubs/fileTransfer');
import silentLogger = require('../../../src/core/engine/snowflake/sdkStubs/silentLogger');
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
});
