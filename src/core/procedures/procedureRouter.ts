import { basename } from 'node:path';
import { parseCall } from '../discovery/callStatement';
import { parseCreateProcedure, ProcedureDefinition } from '../discovery/createProcedure';
import { SqlError } from '../engine/sqlError';
import { ExecuteRequest, SqlEngine } from '../engine/sqlEngine';
import { coerceArguments } from '../runner/argumentCoercion';
import { RunOutcome, RunRequest } from '../runner/runTypes';
import { QueryResult, TaggedValue } from '../runner/protocol';
import { leadingKeyword } from '../sql/leadingKeyword';
import { splitStatements } from '../sql/splitStatements';
import { procedureMetadataSql, substituteProcedureDdl } from './procedureMetadata';
import { procedureRunRequest } from './procedureRunRequest';
import { cellToPlain, resultForReturnValue } from './procedureValues';
import { normaliseName, ProcedureCatalog, registeredProcedureFrom } from './procedureCatalog';

/** The first words of the statements this router answers itself (the rest pass through). */
const PROCEDURE_KEYWORDS = new Set(['CREATE', 'CALL', 'SHOW', 'DESC', 'DESCRIBE']);
const GET_PROCEDURE_DDL = /get_ddl\s*\(\s*'procedure'/i;

/** Starts a nested run for a CALL and returns its outcome; cancelling `signal` cancels it. */
export type ProcedureRunner = (request: RunRequest, signal: AbortSignal) => Promise<RunOutcome>;

/**
 * Sits in front of an engine and handles the statements that are about Python procedures,
 * which no SQL engine here knows: CREATE PROCEDURE … LANGUAGE PYTHON registers a procedure;
 * CALL runs its handler as a nested run. Everything else passes through. Because it sits
 * at the engine boundary, worksheets, session.sql("CALL …") and session.call() all behave
 * the same.
 */
export class ProcedureRouter implements SqlEngine {
  readonly kind;
  readonly description;
  readonly reportsQueryIds;
  private runProcedure: ProcedureRunner | undefined;

  constructor(
    private readonly inner: SqlEngine,
    readonly catalog: ProcedureCatalog,
  ) {
    this.kind = inner.kind;
    this.description = inner.description;
    this.reportsQueryIds = inner.reportsQueryIds;
  }

  /** The runner needs the executor that needs this engine: it is wired in afterwards. */
  attachRunner(runner: ProcedureRunner): void {
    this.runProcedure = runner;
  }

  async execute(request: ExecuteRequest): Promise<QueryResult> {
    // Nearly every statement is none of these, and its first word says so: parsing it as a
    // CREATE PROCEDURE and as a CALL cost four scans of its text.
    if (!PROCEDURE_KEYWORDS.has(leadingKeyword(request.sql)) && !GET_PROCEDURE_DDL.test(request.sql)) return this.inner.execute(request);
    const [statement] = splitStatements(request.sql);
    if (statement) {
      const created = parseCreateProcedure(statement, request.sql);
      if (created && created.language.toUpperCase() === 'PYTHON') return this.create(created, request);
      // SHOW/DESCRIBE PROCEDURE: the local catalog answers (on an account, the account does).
      const metadata = this.inner.kind === 'snowflake' ? undefined : procedureMetadataSql(statement.text, this.catalog.list(), request.context.session, request.queryId);
      if (metadata) return this.inner.execute({ ...request, sql: metadata, binds: undefined });
      if (this.inner.kind !== 'snowflake' && GET_PROCEDURE_DDL.test(statement.text)) {
        return this.inner.execute({ ...request, sql: substituteProcedureDdl(statement.text, this.catalog.list(), request.queryId) });
      }
      const call = parseCall(statement);
      if (call && this.catalog.find(call.name)) return this.call(call.name, call.argSql, request);
      // On an account, a procedure this catalog does not know may exist there: let it answer.
      if (call && this.inner.kind === 'snowflake') return this.inner.execute(request);
      if (call) {
        throw new SqlError(
          '002141',
          '42601',
          `SQL compilation error:\nUnknown user-defined function ${normaliseName(call.name)}. ` +
            'Create it first: run its CREATE PROCEDURE statement in a worksheet (Snowpark Local: Run SQL Worksheet).',
          request.queryId,
        );
      }
    }
    return this.inner.execute(request);
  }

  async endSession(sessionId: string): Promise<void> {
    await this.inner.endSession?.(sessionId);
  }

  close(): Promise<void> {
    return this.inner.close();
  }

  private create(definition: ProcedureDefinition, request: ExecuteRequest): QueryResult {
    const procedure = registeredProcedureFrom(definition, { file: request.origin?.file, statementLine: request.origin?.line ?? 0 });
    try {
      this.catalog.register(procedure, definition.orReplace, definition.ifNotExists);
    } catch (error) {
      throw new SqlError('002002', '42710', (error as Error).message, request.queryId);
    }
    return {
      queryId: request.queryId,
      columns: [{ name: 'status', type: 'VARCHAR' }],
      data: [[`Function ${procedure.name} successfully created.`]],
      rowCount: 1,
    };
  }

  private async call(name: string, argSql: string[], request: ExecuteRequest): Promise<QueryResult> {
    const procedure = this.catalog.find(name)!;
    if (!this.runProcedure) throw new SqlError('100000', 'XX000', 'No runner is attached to run procedures.', request.queryId);
    const values = await this.evaluateArguments(argSql, request);
    let args: TaggedValue[];
    try {
      args = coerceArguments(procedure.name, procedure.args, values);
    } catch (error) {
      throw new SqlError('001044', '42P13', `SQL compilation error:\n${(error as Error).message}`, request.queryId);
    }
    const outcome = await this.runProcedure(
      {
        ...procedureRunRequest(procedure, args, `CALL ${procedure.name}(${argSql.join(', ')})`),
        parent: request.origin ? { runId: request.origin.runId, queryId: request.queryId, sessionId: request.context.sessionId } : undefined,
      },
      request.signal,
    );
    if (!outcome.ok) {
      if (outcome.error?.kind === 'cancelled') throw new SqlError('000604', '57014', 'SQL execution canceled', request.queryId, true);
      const where = outcome.error?.location ? ` (${basename(outcome.error.location.file)}:${outcome.error.location.line})` : '';
      const detail = outcome.error?.traceback ?? outcome.error?.message ?? 'the handler failed';
      throw new SqlError('100357', 'P0000', `Python Interpreter Error${where}:\n${detail.trimEnd()}\n in function ${procedure.name} with handler ${procedure.handler}`, request.queryId);
    }
    if (outcome.table) return { ...outcome.table, queryId: request.queryId };
    return resultForReturnValue(procedure.name, procedure.returnType, outcome.value ?? null, request.queryId);
  }

  /** CALL arguments are SQL expressions: the engine evaluates them, as Snowflake does. */
  private async evaluateArguments(argSql: string[], request: ExecuteRequest): Promise<unknown[]> {
    if (argSql.length === 0) return [];
    const result = await this.inner.execute({
      ...request,
      // Its own id, so RESULT_SCAN of the CALL never finds the argument row instead.
      queryId: `${request.queryId}-arguments`,
      sql: `SELECT ${argSql.map((sql, i) => `${sql} AS "ARG${i}"`).join(', ')}`,
    });
    return result.columns.map((column, i) => cellToPlain(result.data[i][0], column.type));
  }
}
