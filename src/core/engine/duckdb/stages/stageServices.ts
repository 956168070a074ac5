import { SessionConnections } from '../session/sessionConnections';
import { FileFormatCatalog, SessionRunner } from './fileFormatCatalog';
import { LoadHistory } from './loadHistory';
import { StageFolders } from './stageFolders';

/** What the statements that read staged files need from the engine. */
export interface StageServices {
  stages: StageFolders;
  fileFormats: FileFormatCatalog;
  history: LoadHistory;
  connections: SessionConnections;
  /** Runs SQL as the session on a pooled (or its pinned) connection. */
  run: SessionRunner;
  /** Snowflake SQL → DuckDB SQL through the dialect layer, the macros it calls created. */
  toDuckDb(sql: string): Promise<string>;
}
