import { DuckDBConnection } from '@duckdb/node-api';
import { QueryResult } from '../../../runner/protocol';
import { compilationError } from '../../sqlError';
import { mayHoldMarkers, toDuckDbMarkers } from '../bindMarkers';
import { translateToDuckDb } from '../dialect';
import { MacroCatalog } from '../macroCatalog';
import { DuckSession } from '../session/duckSession';
import { SessionConnections } from '../session/sessionConnections';
import { FileFormatCatalog } from './fileFormatCatalog';
import { formatByName } from './formatResolution';
import { OptionValue } from './optionList';
import { isInferSchema, runInferSchema } from './inferSchema';
import { LoadHistory } from './loadHistory';
import { StageFolders } from './stageFolders';
import { isCopyIntoTable } from './copyIntoTable';
import { runFileFormatStatement } from './fileFormatStatements';
import { isPutOrGet, runPutOrGet } from './putGet';
import { planStagedSelect, StagedSelect } from './stagedSelect';
import { dropStagedSources, materializeStagedSource } from './stagedSource';
import { StageServices } from './stageServices';
import { runCopyIntoTable } from './tableLoad';

// The engine's one door to loading staged files: statements answered whole (FILE FORMAT
// statements, PUT, GET, COPY INTO <table>, INFER_SCHEMA), and queries that read staged files, which run as
// any query once their files are in temporary tables on the query's own connection.

export class StagedData {
  private readonly services: StageServices;

  constructor(stages: StageFolders, connections: SessionConnections, macros: MacroCatalog) {
    const run = (session: DuckSession, sql: string, values: Array<string | null>): Promise<unknown[][]> => connections.query(session, sql, values);
    this.services = {
      stages,
      connections,
      run,
      fileFormats: new FileFormatCatalog(run),
      history: new LoadHistory(),
      toDuckDb: async (sql) => {
        const translation = translateToDuckDb(mayHoldMarkers(sql, false) ? toDuckDbMarkers(sql, false) : sql);
        if (translation.deferred.length) throw compilationError(`${translation.deferred[0].fn} cannot be used in a COPY transformation or a query of staged files on the local engine.`);
        await macros.ensureFor(translation.sql);
        return translation.sql;
      },
    };
  }

  /** The answer to a statement this module carries out whole, or undefined for any other. */
  async answer(sql: string, session: DuckSession, signal: AbortSignal, queryId: string): Promise<QueryResult | undefined> {
    if (isPutOrGet(sql)) return runPutOrGet(sql, this.services.stages, queryId);
    if (isCopyIntoTable(sql)) return runCopyIntoTable(sql, session, this.services, signal, queryId);
    if (isInferSchema(sql)) return runInferSchema(sql, session, this.services, queryId);
    return runFileFormatStatement(sql, session, this.services.fileFormats, queryId);
  }

  /** The statement reading staged files from temporary tables, or undefined when it reads none. */
  plan(sql: string): StagedSelect | undefined {
    return planStagedSelect(sql);
  }

  /** Fills the plan's tables on the connection that will run the statement. */
  async materialize(plan: StagedSelect, session: DuckSession, connection: DuckDBConnection, signal: AbortSignal, queryId: string): Promise<void> {
    const context = { session, services: this.services, connection, signal, queryId };
    for (const reference of plan.references) await materializeStagedSource(reference, context, { columnsNamed: plan.columnsNamed });
  }

  /** A named format's options with its TYPE, as COPY INTO <location> reads FILE_FORMAT = ( … ). */
  async formatOptions(name: string, session: DuckSession, connection: DuckDBConnection): Promise<Map<string, OptionValue>> {
    const format = await formatByName(name, session, this.services.fileFormats.on(connection));
    return new Map([['TYPE', { text: format.type, quoted: false }], ...format.options]);
  }

  async drop(plan: StagedSelect, connection: DuckDBConnection): Promise<void> {
    await dropStagedSources(plan.references, connection);
  }
}
