import { report, runHandler } from './benchSupport';

// 1,000 concurrent collect_nowait() of system$wait(1), all awaited, against one such job
// alone in the same run (the floor: 1 s of waiting plus one round trip).
async function main(): Promise<void> {
  const result = await runHandler<{ one: number; all: number; done: number }>(`
import json, time
def main(session):
    t = time.perf_counter(); session.sql("select system$wait(1)").collect_nowait().result(); one = time.perf_counter() - t
    t = time.perf_counter()
    jobs = [session.sql("select system$wait(1)").collect_nowait() for _ in range(1000)]
    done = sum(1 for job in jobs if job.result()[0][0] == "waited 1 seconds")
    return json.dumps({"one": one, "all": time.perf_counter() - t, "done": done})
`);
  report(
    `1,000 concurrent collect_nowait() of system$wait(1) (${result.done} done)`,
    `all done in ${result.all.toFixed(2)} s`,
    `one job alone ${result.one.toFixed(2)} s`,
    result.all / result.one,
    'all done ≤ 3 s',
    result.all <= 3 && result.done === 1000,
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
