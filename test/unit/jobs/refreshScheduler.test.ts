import assert from 'node:assert/strict';
import { RefreshScheduler } from '../../../src/vscode/jobs/refreshScheduler';

// The Jobs view's refresh coalescing (no VS Code needed): rows are strings here, and
// `tree` gives each row's parent.

const tree: Record<string, string | undefined> = { run: undefined, q1: 'run', q2: 'run', batch: 'run', t1: 'batch', other: undefined, q9: 'other' };
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function scheduler(intervalMs: () => number): { scheduler: RefreshScheduler<string>; flushes: Array<string[] | undefined> } {
  const flushes: Array<string[] | undefined> = [];
  const made = new RefreshScheduler<string>(intervalMs, (items) => flushes.push(items && [...items].sort()), (row) => tree[row]);
  return { scheduler: made, flushes };
}

describe('RefreshScheduler', () => {
  it('turns a burst of row changes into one refresh of the distinct rows', async () => {
    const { scheduler: s, flushes } = scheduler(() => 20);
    for (let i = 0; i < 500; i++) s.changedItem(i % 2 ? 'q1' : 'q9');
    await sleep(60);
    assert.deepEqual(flushes, [['q1', 'q9']]);
    s.dispose();
  });

  it('leaves out rows under a parent that is refreshed anyway, at any depth', async () => {
    const { scheduler: s, flushes } = scheduler(() => 10);
    s.changedItem('q1');
    s.changedItem('t1');
    s.changedItem('q9');
    s.changedChildren('run');
    await sleep(50);
    assert.deepEqual(flushes, [['q9', 'run']]);
    s.dispose();
  });

  it('refreshes the whole tree when root rows come or go', async () => {
    const { scheduler: s, flushes } = scheduler(() => 10);
    s.changedItem('q9');
    s.changedChildren(undefined);
    await sleep(50);
    assert.deepEqual(flushes, [undefined]);
    s.dispose();
  });

  it('waits the interval current at scheduling time since the last refresh', async () => {
    let interval = 10;
    const { scheduler: s, flushes } = scheduler(() => interval);
    s.changedItem('q1');
    await sleep(40);
    assert.equal(flushes.length, 1);
    interval = 400; // many jobs running now
    s.changedItem('q2');
    await sleep(150);
    assert.equal(flushes.length, 1, 'not before the slower interval has passed');
    await sleep(400);
    assert.deepEqual(flushes, [['q1'], ['q2']]);
    s.dispose();
  });

  it('sends nothing after dispose', async () => {
    const { scheduler: s, flushes } = scheduler(() => 10);
    s.changedItem('q1');
    s.dispose();
    await sleep(40);
    assert.deepEqual(flushes, []);
  });
});
