import { compilationError } from '../../sqlError';
import { DuckSession } from '../session/duckSession';
import { FileFormat, fileFormatOf } from './fileFormat';
import { FileFormatCatalog } from './fileFormatCatalog';
import { OptionValue, optionText } from './optionList';
import { qualify, StageProperties } from './stageProperties';

// Which file format a load or a query of staged files reads with: the one the statement gives
// (FILE_FORMAT = ( FORMAT_NAME = … ) or ( TYPE = … )), else the stage's own (CREATE STAGE …
// FILE_FORMAT), else CSV with its defaults. A statement's FILE_FORMAT replaces the stage's
// whole, as Snowflake's does: options are not merged across the two.

export async function formatForLoad(written: ReadonlyMap<string, OptionValue>, stage: StageProperties, session: DuckSession, catalog: FileFormatCatalog): Promise<FileFormat> {
  if (written.size) {
    if (written.has('FORMAT_NAME')) {
      if (written.has('TYPE')) throw compilationError('FORMAT_NAME and TYPE are mutually exclusive in FILE_FORMAT = ( … ).');
      return formatByName(optionText(written.get('FORMAT_NAME')) ?? '', session, catalog);
    }
    return fileFormatOf(written);
  }
  if (stage.formatName) return (await catalog.resolve(session, stage.formatName)).format;
  if (stage.formatOptions) return fileFormatOf(new Map(Object.entries(stage.formatOptions)));
  return fileFormatOf(new Map());
}

/** A named format (`fmt`, `s.fmt`, `db.s.fmt`, quoted parts exact). */
export async function formatByName(name: string, session: DuckSession, catalog: FileFormatCatalog): Promise<FileFormat> {
  const parts = qualify(name, session.context);
  return (await catalog.resolve(session, parts)).format;
}
