import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { TaggedValue } from '../../../src/core/runner/protocol';
import { untag } from '../../../src/core/runner/taggedValues';
import { TRANSPORT_ENV, TransportKind } from '../../../src/core/runner/transport/channelTransport';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { processesWithEnv, waitUntil } from '../support/processTable';
import { useTempDirectory } from '../support/tempDirectory';

// Real runs (bootstrap, channel, TaskPool workers) under each transport, chosen the way a
// user's machine would choose it: from SNOWPARK_LOCAL_CHANNEL_TRANSPORT in the environment.

const PYTHON = '/usr/bin/python3';

const HANDLERS = `
import os, subprocess, sys, time
import joblib


def task_link():
    # A task sees the handler's environment, not the worker's: its sockets tell how the
    # worker reaches Node. Linux: /proc/self/fd.
    import socket
    links = []
    for fd in sorted(int(entry) for entry in os.listdir("/proc/self/fd")):
        try:
            if not os.readlink("/proc/self/fd/{}".format(fd)).startswith("socket:"):
                continue
            sock = socket.socket(fileno=os.dup(fd))
        except OSError:
            continue
        try:
            peer = sock.getpeername()
            links.append({"fd": fd, "family": sock.family.name, "peer": peer[0] if isinstance(peer, tuple) else peer})
        except OSError:
            pass
        finally:
            sock.close()
    return {"links": links, "pid": os.getpid()}


def where(session):
    # n_jobs=1 would run in this process: two jobs go to the pool.
    task, _ = joblib.Parallel(n_jobs=2, backend="loky")([joblib.delayed(task_link)(), joblib.delayed(task_link)()])
    return {"channel": os.environ["SNOWPARK_LOCAL_CHANNEL"], "task": task,
            "answer": session.sql("select 41 + 1").collect()[0][0]}


def stuck_task(marker, pid_file):
    with open(pid_file, "w") as out:
        out.write(str(os.getpgid(0)))
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"], env=dict(os.environ, TASK_MARKER=marker))
    time.sleep(120)


def stuck(session, marker, pid_file):
    subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
    joblib.Parallel(n_jobs=2, backend="loky")([joblib.delayed(stuck_task)(marker, pid_file), joblib.delayed(time.sleep)(120)])
`;

/** Processes (this one aside) whose process group is `pgid`. */
function groupMembers(pgid: number): number[] {
  return execFileSync('ps', ['-eo', 'pid=,pgid='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/).map(Number))
    .filter(([pid, group]) => group === pgid && pid !== process.pid)
    .map(([pid]) => pid);
}

for (const kind of ['unix', 'tcp'] as TransportKind[]) {
  describe(`runs over the ${kind} transport`, function () {
    this.timeout(120_000);
    const files = useTempDirectory(`snowpark-transport-${kind}-`);
    let runtime: SnowparkRuntime;
    let file: string;
    const previous = process.env[TRANSPORT_ENV];

    before(async function () {
      if (!existsSync(PYTHON)) this.skip();
      process.env[TRANSPORT_ENV] = kind;
      file = files.write('transport_handlers.py', HANDLERS);
      runtime = await SnowparkRuntime.open({ dbPath: ':memory:', python: PYTHON, workers: 1 });
    });

    after(async () => {
      await runtime?.dispose();
      if (previous === undefined) delete process.env[TRANSPORT_ENV];
      else process.env[TRANSPORT_ENV] = previous;
    });

    const start = (handler: string, args: TaggedValue[] = [], env: NodeJS.ProcessEnv = {}) =>
      runtime.runner.start({ handler, module: { kind: 'file', path: file }, args, returnType: null, warehouseType: 'snowpark-optimized', workers: 1, python: PYTHON, env });

    it(`hands the bootstrap and the task workers ${kind} links, and serves a query and a task over them`, async function () {
      if (process.platform !== 'linux') this.skip();
      const outcome = await start('where').outcome;
      assert.ok(outcome.ok, outcome.error?.message);
      type Link = { fd: number; family: string; peer: string };
      const seen = untag(outcome.value as TaggedValue) as { channel: string; task: { links: Link[]; pid: number }; answer: number };
      assert.equal(seen.answer, 42);
      assert.ok(runtime.parallel.poolList.some((pool) => pool.workerList.some((worker) => worker.pid === seen.task.pid)), 'the task ran in a pool worker');
      const links = seen.task.links;
      if (kind === 'tcp') {
        assert.match(seen.channel, /^tcp:127\.0\.0\.1:\d+$/);
        assert.ok(links.some((link) => link.family === 'AF_INET' && link.peer === '127.0.0.1'), JSON.stringify(links));
        // Node's stdout/stderr pipes are Unix sockets (fd 1, 2); no socket pair beyond them.
        assert.ok(!links.some((link) => link.family === 'AF_UNIX' && link.fd > 2), `no inherited socket pair under tcp: ${JSON.stringify(links)}`);
      } else {
        assert.match(seen.channel, /^unix:\/.+channel\.sock$/);
        assert.ok(links.some((link) => link.fd === 3 && link.family === 'AF_UNIX'), JSON.stringify(links));
        assert.ok(!links.some((link) => link.family === 'AF_INET'), JSON.stringify(links));
      }
    });

    it('cancel leaves no process of the run: bootstrap group, its subprocess, the task worker and its subprocess', async function () {
      if (process.platform !== 'linux') this.skip();
      const runMarker = randomUUID();
      const taskMarker = randomUUID();
      const pidFile = files.path(`task-${kind}.pgid`);
      const handle = start('stuck', [taskMarker, pidFile], { RUN_MARKER_FOR_TEST: runMarker });
      const taskRunning = () => runtime.jobs.list({ runId: handle.runId, kind: 'task' }).some((task) => task.status === 'RUNNING');
      // The bootstrap, its lifeline guard and the handler's subprocess carry the run's marker.
      const started = await waitUntil(
        () => taskRunning() && processesWithEnv('RUN_MARKER_FOR_TEST', runMarker).length >= 3 && processesWithEnv('TASK_MARKER', taskMarker).length >= 1 && existsSync(pidFile),
        60_000,
      );
      assert.ok(started, 'the handler, its subprocess and the task with its subprocess all started');
      const taskGroup = Number(readFileSync(pidFile, 'utf8'));
      const runProcesses = processesWithEnv('RUN_MARKER_FOR_TEST', runMarker);
      await handle.cancel();
      const outcome = await handle.outcome;
      assert.equal(outcome.ok, false);
      assert.equal(outcome.error?.kind, 'cancelled');
      const gone = () =>
        processesWithEnv('RUN_MARKER_FOR_TEST', runMarker).length === 0 &&
        processesWithEnv('TASK_MARKER', taskMarker).length === 0 &&
        groupMembers(taskGroup).length === 0 &&
        // The bootstrap leads its process group: nothing may be left in it either.
        runProcesses.every((pid) => groupMembers(pid).length === 0);
      assert.ok(await waitUntil(gone, 10_000), `left: run ${processesWithEnv('RUN_MARKER_FOR_TEST', runMarker)} task ${processesWithEnv('TASK_MARKER', taskMarker)} task group ${groupMembers(taskGroup)}`);
    });
  });
}

describe('an unknown transport', function () {
  this.timeout(60_000);
  const files = useTempDirectory('snowpark-transport-bad-');
  const previous = process.env[TRANSPORT_ENV];
  after(() => {
    if (previous === undefined) delete process.env[TRANSPORT_ENV];
    else process.env[TRANSPORT_ENV] = previous;
  });

  it('fails the run at start with a message naming the variable and the allowed values', async () => {
    const runtime = await SnowparkRuntime.open({ dbPath: ':memory:' });
    try {
      process.env[TRANSPORT_ENV] = 'pipe';
      const file = files.write('ok.py', 'def main(session):\n    return 1\n');
      const outcome = await runtime.runner.start({ handler: 'main', module: { kind: 'file', path: file }, args: [], returnType: null }).outcome;
      assert.equal(outcome.ok, false);
      assert.equal(outcome.error?.kind, 'startup');
      assert.match(outcome.error?.message ?? '', /SNOWPARK_LOCAL_CHANNEL_TRANSPORT="pipe" is not a channel transport: use unix or tcp/);
    } finally {
      await runtime.dispose();
    }
  });
});
