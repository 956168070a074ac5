import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { scanSql } from '../../../sql/scanSql';
import { isGroup, isTrivia } from '../../../sql/nodes';
import { buildTokenTree } from '../../../sql/tokenTree';
import { identifierValue } from '../../../sql/identifiers';
import { OptionValue, optionValue, readOptionPairs } from './optionList';

// What CREATE STAGE keeps besides the folder: its FILE_FORMAT (a named format or inline
// options) and COPY_OPTIONS, which a COPY INTO <table> or a query of the stage's files uses
// when it names none itself. Kept in a hidden file inside the stage folder (LIST and REMOVE
// skip names starting with HIDDEN_PREFIX), so it goes with the stage on DROP STAGE.

/** Files of ours inside stage folders; never listed, loaded or removed as staged files. */
export const HIDDEN_PREFIX = '.snowpark-local-';
const PROPERTIES_FILE = `${HIDDEN_PREFIX}stage.json`;

export interface StageProperties {
  /** FILE_FORMAT = ( FORMAT_NAME = … ) or FILE_FORMAT = name: [database, schema, name]. */
  formatName?: string[];
  /** FILE_FORMAT = ( TYPE = … options ): as written, keys upper case. */
  formatOptions?: Record<string, OptionValue>;
  /** COPY_OPTIONS = ( … ): as written, keys upper case. */
  copyOptions?: Record<string, OptionValue>;
}

/**
 * The properties written after `CREATE STAGE name`. Options other than FILE_FORMAT and
 * COPY_OPTIONS (URL, ENCRYPTION, DIRECTORY, COMMENT …) change nothing locally.
 */
export function stagePropertiesOf(rest: string, current: { database: string; schema: string }): StageProperties {
  const nodes = buildTokenTree(scanSql(rest.replace(/;\s*$/, ''))).filter((node) => !isTrivia(node));
  if (!/\b(file_format|copy_options)\b/i.test(rest)) return {};
  const where = 'CREATE STAGE';
  const properties: StageProperties = {};
  for (const { key, value } of readOptionPairs(nodes, 0, where).pairs) {
    if (key === 'FILE_FORMAT') {
      if (isGroup(value)) {
        const options: Record<string, OptionValue> = {};
        for (const pair of readOptionPairs(value.children, 0, `${where} … FILE_FORMAT`).pairs) options[pair.key] = optionValue(pair.value, pair.key, where);
        const named = options.FORMAT_NAME;
        if (named && !Array.isArray(named)) properties.formatName = qualify(named.text, current);
        else properties.formatOptions = options;
      } else {
        const named = optionValue(value, key, where);
        if (!Array.isArray(named)) properties.formatName = qualify(named.text, current);
      }
    } else if (key === 'COPY_OPTIONS' && isGroup(value)) {
      const options: Record<string, OptionValue> = {};
      for (const pair of readOptionPairs(value.children, 0, `${where} … COPY_OPTIONS`).pairs) options[pair.key] = optionValue(pair.value, pair.key, where);
      properties.copyOptions = options;
    }
  }
  return properties;
}

export function writeStageProperties(folder: string, properties: StageProperties): void {
  if (!properties.formatName && !properties.formatOptions && !properties.copyOptions) return;
  writeFileSync(join(folder, PROPERTIES_FILE), JSON.stringify(properties));
}

export function readStageProperties(folder: string): StageProperties {
  const path = join(folder, PROPERTIES_FILE);
  return existsSync(path) ? (JSON.parse(readFileSync(path, 'utf8')) as StageProperties) : {};
}

/** A format name as written (`fmt`, `s.fmt`, `db.s."Fmt"`), completed from the schema current at CREATE STAGE. */
export function qualify(written: string, current: { database: string; schema: string }): string[] {
  const parts = scanSql(written)
    .filter((token) => token.kind === 'word' || token.kind === 'quotedIdent')
    .map((token) => identifierValue(token));
  if (parts.length === 3) return parts;
  if (parts.length === 2) return [current.database, ...parts];
  return [current.database, current.schema, parts[0] ?? written];
}
