import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { killProcessTree, spawnGroupLeader, treeKillPlan } from '../../../src/core/runner/processTree';

/** Running, not merely a zombie waiting for whoever adopted it to reap it. */
function alive(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

async function waitUntil(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('ending a process tree on each platform', () => {
  it('POSIX: SIGKILL to the process group the child leads', () => {
    assert.deepEqual(treeKillPlan(4242, 'linux'), { kind: 'signal-group', processGroup: 4242, signal: 'SIGKILL' });
    assert.deepEqual(treeKillPlan(4242, 'darwin'), { kind: 'signal-group', processGroup: 4242, signal: 'SIGKILL' });
  });

  it('Windows: taskkill of the whole tree, forced', () => {
    assert.deepEqual(treeKillPlan(4242, 'win32'), { kind: 'command', file: 'taskkill', args: ['/PID', '4242', '/T', '/F'] });
  });

  it('refuses what is not a process id (0 or -1 would signal far more than a tree)', () => {
    for (const pid of [0, -1, 1.5, Number.NaN]) assert.throws(() => treeKillPlan(pid, 'linux'), /not a process id/);
  });

  it('here: kills a group leader and the grandchild it started, and a second kill is harmless', async function () {
    if (process.platform !== 'linux') this.skip();
    // A shell that starts a sleeping grandchild, prints its pid, and waits.
    const leader = spawnGroupLeader('sh', ['-c', 'sleep 300 & echo $!; wait'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const grandchild = await new Promise<number>((resolve) => leader.stdout!.once('data', (data: Buffer) => resolve(Number(String(data).trim()))));
    assert.ok(alive(grandchild), 'the grandchild runs');
    const exited = new Promise((resolve) => leader.once('exit', resolve));
    killProcessTree(leader.pid!);
    await exited;
    await waitUntil(() => !alive(grandchild), 'the grandchild is gone');
    assert.doesNotThrow(() => killProcessTree(leader.pid!));
  });

  it('here: a process that is not a group leader is not killed through its group id', async function () {
    if (process.platform !== 'linux') this.skip();
    // spawn without detached: the child shares our group, and -pid names no group.
    const plain = spawn('sleep', ['300'], { stdio: 'ignore' });
    try {
      killProcessTree(plain.pid!);
      assert.ok(alive(plain.pid!), 'a non-leader is untouched (and we are too)');
    } finally {
      plain.kill('SIGKILL');
    }
  });
});
