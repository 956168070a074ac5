import assert from 'node:assert/strict';
import { EventLoopTurns } from '../../../src/core/util/eventLoopTurns';

/** A clock the test moves: each continuation "costs" what the test says. */
function fakeClock(): { now: () => number; advance: (ms: number) => void } {
  let time = 1_000;
  return { now: () => time, advance: (ms) => (time += ms) };
}

/** Counts loop turns (check phases) until stopped. */
function turnCounter(): { readonly turn: number; stop: () => void } {
  let turn = 0;
  let stopped = false;
  const tick = (): void => {
    if (stopped) return;
    turn++;
    setImmediate(tick);
  };
  setImmediate(tick);
  return {
    get turn() {
      return turn;
    },
    stop: () => (stopped = true),
  };
}

describe('EventLoopTurns', () => {
  it('lets a continuation go on at once while the turn has budget left', () => {
    const clock = fakeClock();
    const turns = new EventLoopTurns(6, clock.now);
    assert.equal(turns.pass(), undefined);
    clock.advance(5);
    assert.equal(turns.pass(), undefined);
    assert.equal(turns.waitingCount, 0);
  });

  it('past the budget, makes continuations wait for a later turn, after what this turn had queued', async () => {
    const clock = fakeClock();
    const turns = new EventLoopTurns(6, clock.now);
    assert.equal(turns.pass(), undefined);
    clock.advance(7);
    const order: string[] = [];
    const waited = turns.pass();
    assert.ok(waited instanceof Promise);
    assert.equal(turns.waitingCount, 1);
    setImmediate(() => order.push('this turn'));
    await waited;
    order.push('continued');
    assert.deepEqual(order, ['this turn', 'continued']);
    assert.equal(turns.waitingCount, 0);
  });

  it('keeps arrival order, and a newcomer queues behind waiting ones even when the budget is back', async () => {
    const clock = fakeClock();
    const turns = new EventLoopTurns(6, clock.now);
    turns.pass();
    clock.advance(10);
    const order: number[] = [];
    const all = [1, 2, 3].map(async (n) => {
      await turns.pass();
      order.push(n);
    });
    // A new turn's budget does not let a latecomer overtake the three waiting.
    await new Promise((resolve) => setImmediate(resolve));
    const late = (async () => {
      await turns.pass();
      order.push(4);
    })();
    await Promise.all([...all, late]);
    assert.deepEqual(order, [1, 2, 3, 4]);
  });

  /** Six continuations arriving past the budget; each runs `continuation` with the turn it ran in. */
  async function turnsTaken(continuation: (turns: EventLoopTurns, work: () => void) => Promise<void>): Promise<number[]> {
    const clock = fakeClock();
    const turns = new EventLoopTurns(6, clock.now);
    turns.pass();
    clock.advance(10);
    const counter = turnCounter();
    const ranInTurn: number[] = [];
    await Promise.all(
      Array.from({ length: 6 }, () =>
        continuation(turns, () => {
          ranInTurn.push(counter.turn);
          clock.advance(4); // each continuation's own work
        }),
      ),
    );
    counter.stop();
    return ranInTurn;
  }

  it('releases waiting continuations a budget per turn, not all in one', async () => {
    const ranInTurn = await turnsTaken(async (turns, work) => {
      await turns.pass();
      work();
    });
    // 4 ms each against a 6 ms budget: two per turn, so three different turns.
    assert.equal(ranInTurn.length, 6);
    assert.equal(new Set(ranInTurn).size, 3, `turns: ${ranInTurn.join(',')}`);
    assert.deepEqual([...ranInTurn].sort((a, b) => a - b), ranInTurn);
  });

  it('counts a released continuation\'s work up to its next real wait, however many awaits it takes to get there', async () => {
    const ranInTurn = await turnsTaken(async (turns, work) => {
      await turns.pass();
      // As the engine's statements: a few promise hops (a pooled connection, a cached macro
      // check) before the work, then a wait for I/O.
      for (let hop = 0; hop < 5; hop++) await null;
      work();
      await new Promise((resolve) => setTimeout(resolve, 1));
    });
    assert.equal(ranInTurn.length, 6);
    assert.equal(new Set(ranInTurn).size, 3, `turns: ${ranInTurn.join(',')}`);
  });
});
