import { openMemoryRuntime } from '../support/runtimeFixture';
import { declarePortedCases } from './portedCasesSupport';

// The ported snowpark-python cases on the local engine (DuckDB); see portedCasesSupport.ts.
declarePortedCases({
  label: '',
  async open() {
    const runtime = await openMemoryRuntime();
    return { runtime, close: () => runtime.dispose() };
  },
});
