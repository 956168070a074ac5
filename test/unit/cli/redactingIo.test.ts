import assert from 'node:assert/strict';
import { CliIo } from '../../../src/cli/cliIo';
import { redactingIo } from '../../../src/cli/connectionsCommand';
import { Redactor } from '../../../src/core/connections/secrets';

describe('redactingIo', () => {
  it('scrubs secrets from bytes written as they are (a return value passed through) as from text', () => {
    const written: string[] = [];
    const io: CliIo = {
      cwd: '/',
      stdout: (text) => written.push(`out:${text}`),
      stdoutBytes: (pieces) => written.push(`raw:${Buffer.concat(pieces).toString()}`),
      stderr: (text) => written.push(`err:${text}`),
      onInterrupt: () => undefined,
    };
    const out = redactingIo(io, new Redactor().add('hunter2-secret'));
    out.stdout('a hunter2-secret b');
    // Split inside the secret and inside a two-byte character, as socket chunks may be.
    const bytes = Buffer.from('["żółć hunter2-secret"]');
    out.stdoutBytes([bytes.subarray(0, 4), bytes.subarray(4, 14), bytes.subarray(14)]);
    out.stderr('hunter2-secret');
    assert.equal(written.join('\n').includes('hunter2-secret'), false, written.join('\n'));
    assert.equal(written.length, 3);
    assert.match(written[1], /^out:\["żółć .+"\]$/, 'bytes are joined, decoded, scrubbed and written as text');
  });
});
