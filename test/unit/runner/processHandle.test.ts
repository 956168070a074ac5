import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { OutputListener, ProcessHandle, spawnOffThisThread, spawnOnThisThread } from '../../../src/core/runner/processHandle';
import { SpawnRequest } from '../../../src/core/runner/spawnerMessages';

// Both ways of starting a run's Python must give the same process: a group leader whose
// output arrives in full and in order, whose exit and start failure are reported, that a
// kill ends with everything it started (even a kill sent before the spawn finished), and
// whose fd 3 is a pipe (the lifeline).

function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

function python(code: string): SpawnRequest {
  return { command: 'python3', args: ['-c', code], env: { ...process.env } };
}

function collected(start: (request: SpawnRequest, onOutput: OutputListener) => ProcessHandle, request: SpawnRequest): { handle: ProcessHandle; output: { stdout: string; stderr: string } } {
  const output = { stdout: '', stderr: '' };
  const handle = start(request, (stream, text) => (output[stream] += text));
  return { handle, output };
}

for (const [name, start] of [['on this thread', spawnOnThisThread], ['off this thread (spawner thread)', spawnOffThisThread]] as const) {
  describe(`a run's process started ${name}`, function () {
    this.timeout(30_000);

    it('forwards all of stdout and stderr in order, then the exit code', async () => {
      const code = [
        'import os, sys',
        'for i in range(2000): print(i)',
        'sys.stderr.write("done\\n")',
        'sys.exit(3)',
      ].join('\n');
      const { handle, output } = collected(start, python(code));
      assert.deepEqual(await handle.exited, { code: 3, signal: null });
      await handle.outputClosed;
      assert.equal(output.stdout, Array.from({ length: 2000 }, (_, i) => `${i}\n`).join(''));
      assert.equal(output.stderr, 'done\n');
    });

    it('leads its own process group, with fd 3 a pipe to this process', async () => {
      const code = 'import os, stat; mode = os.fstat(3).st_mode; print(os.getpgid(0) == os.getpid(), stat.S_ISSOCK(mode) or stat.S_ISFIFO(mode))';
      const { handle, output } = collected(start, python(code));
      assert.equal((await handle.exited).code, 0);
      await handle.outputClosed;
      assert.equal(output.stdout.trim(), 'True True');
    });

    it('reports a command that cannot start, naming it', async () => {
      const { handle } = collected(start, { command: '/nonexistent/python3', args: [], env: {} });
      const exited = await handle.exited;
      assert.equal(exited.code, -1);
      assert.match(exited.error ?? '', /ENOENT.*\/nonexistent\/python3|\/nonexistent\/python3.*ENOENT/);
      await handle.outputClosed;
    });

    it('a kill sent at once ends the process and the child it started, nothing left behind', async function () {
      if (process.platform !== 'linux') this.skip();
      const { handle, output } = collected(start, { command: 'sh', args: ['-c', 'sleep 300 & echo $!; wait'], env: { ...process.env } });
      // Wait for the grandchild to exist, so the kill has a tree to end.
      const deadline = performance.now() + 20_000;
      while (!output.stdout.includes('\n')) {
        assert.ok(performance.now() < deadline, 'the shell printed its child pid');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      const grandchild = Number(output.stdout.trim());
      handle.kill();
      assert.deepEqual(await handle.exited, { code: null, signal: 'SIGKILL' });
      await handle.outputClosed;
      while (alive(grandchild)) {
        assert.ok(performance.now() < deadline, 'the grandchild died with the group');
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    });

    it('a kill sent before the process has started still ends it', async () => {
      const { handle } = collected(start, python('import time; time.sleep(300)'));
      handle.kill();
      assert.deepEqual(await handle.exited, { code: null, signal: 'SIGKILL' });
      await handle.outputClosed;
    });
  });
}
