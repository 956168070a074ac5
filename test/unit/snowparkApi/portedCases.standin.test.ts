import { SnowflakeEngine } from '../../../src/core/engine/snowflake/snowflakeEngine';
import { SnowparkRuntime } from '../../../src/core/snowparkRuntime';
import { SnowflakeStandin } from '../../standin/snowflakeStandin';
import { declarePortedCases } from './portedCasesSupport';

// The same ported snowpark-python cases, with the handler's SQL going through snowflake-sdk
// to the local Snowflake stand-in (HTTP on 127.0.0.1, DuckDB behind it) — not a real
// account. It proves the DataFrame layer's SQL is what the Snowflake engine path sends and
// reads back (async submission, status polling, result fetching, describe requests).
declarePortedCases({
  label: ' via snowflake-sdk on the local stand-in (not a real account)',
  modules: ['test_dataframe_join', 'test_dataframe_aggregate', 'test_window', 'test_update_delete_merge'],
  async open() {
    const standin = await SnowflakeStandin.start({ users: { dev: { password: 'pw' } } });
    const engine = await SnowflakeEngine.open(standin.connection('standin', { user: 'dev', password: 'pw' }));
    const runtime = await SnowparkRuntime.open({ dbPath: ':memory:', engine, session: engine.sessionContext });
    return {
      runtime,
      async close() {
        await runtime.dispose();
        await standin.close();
      },
    };
  },
});
