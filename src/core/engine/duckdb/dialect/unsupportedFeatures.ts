import { isGroup, isPunct, isWord, nextSignificant, significantNodes } from '../../../sql/nodes';
import { SqlNode } from '../../../sql/tokenTree';
import { SequenceMatch, SequenceRule, StatementRule } from './ruleTypes';
import { Translator } from './translator';

// Snowflake features the local engine does not have, refused by name with what to do instead,
// where DuckDB would answer "syntax error at or near …": Time Travel, streams, tasks, pipes,
// alerts, dynamic and external tables, and Snowflake Scripting's EXECUTE IMMEDIATE.

const ON_ACCOUNT = 'run it on your Snowflake account (a run with --connection, or the Snowflake target)';

/** CREATE / ALTER / DROP / EXECUTE of these objects (SHOW and DESCRIBE keep their empty answers). */
const SERVICE_OBJECTS: Record<string, string> = {
  STREAM: 'streams need change tracking on Snowflake tables',
  TASK: 'tasks need Snowflake\'s scheduler',
  PIPE: 'pipes need Snowpipe',
  ALERT: 'alerts need Snowflake\'s scheduler',
  'DYNAMIC TABLE': 'dynamic tables are refreshed by Snowflake',
  'EXTERNAL TABLE': 'external tables read cloud storage',
};

/** The object kind named after the statement's first words (`CREATE OR REPLACE DYNAMIC TABLE`), if one of SERVICE_OBJECTS. */
function serviceObject(words: SqlNode[]): { kind: string; at: SqlNode } | undefined {
  if (!isWord(words[0], 'CREATE', 'ALTER', 'DROP', 'EXECUTE')) return undefined;
  for (let i = 1; i < Math.min(words.length, 6); i++) {
    const kind = Object.keys(SERVICE_OBJECTS).find((name) => name.split(' ').every((part, j) => isWord(words[i + j], part)));
    if (kind) return { kind, at: words[i] };
    if (!isWord(words[i], 'OR', 'REPLACE', 'IF', 'NOT', 'EXISTS')) return undefined;
  }
  return undefined;
}

/** The first words of the statements this file refuses (see serviceObject for CREATE/ALTER/DROP/EXECUTE). */
const STATEMENT_KEYWORDS = new Set(['UNDROP', 'EXECUTE', 'CREATE', 'ALTER', 'DROP']);

function refuse(translator: Translator, what: string, why: string, node: SqlNode | undefined): never {
  return translator.fail(`${what} is not available on Snowpark Local's engine (${why}); ${ON_ACCOUNT}`, node);
}

export const unsupportedStatementsRule: StatementRule = {
  kind: 'statement',
  name: 'features the local engine does not have',
  why: 'UNDROP, streams, tasks, pipes, alerts, dynamic and external tables and EXECUTE IMMEDIATE need Snowflake itself: refused by name instead of as a syntax error.',
  apply(nodes, translator, context) {
    // Every statement passes here: only these statements' words are read.
    if (!STATEMENT_KEYWORDS.has(context.statementKeyword)) return undefined;
    const words = significantNodes(nodes);
    if (isWord(words[0], 'UNDROP')) return refuse(translator, 'UNDROP', 'it needs Time Travel, which the local engine does not keep', words[0]);
    if (isWord(words[0], 'EXECUTE') && isWord(words[1], 'IMMEDIATE')) {
      return translator.fail(`EXECUTE IMMEDIATE (Snowflake Scripting) is not supported by Snowpark Local's engine; run the statement itself, or ${ON_ACCOUNT}`, words[0]);
    }
    const service = serviceObject(words);
    if (service) return refuse(translator, `${nodesWords(words.slice(0, words.indexOf(service.at)))}${service.kind}`, SERVICE_OBJECTS[service.kind], service.at);
    return undefined;
  },
};

function nodesWords(words: SqlNode[]): string {
  return words.map((node) => (node.type === 'token' ? `${node.token.text.toUpperCase()} ` : '')).join('');
}

/** `t AT(OFFSET => -60)`, `t BEFORE(STATEMENT => '…')`, `CHANGES(INFORMATION => …)`: a table as it was, or its changes. */
interface TimeTravelMatch extends SequenceMatch {
  clause: SqlNode;
}

export const timeTravelRule: SequenceRule<TimeTravelMatch> = {
  kind: 'sequence',
  name: 'Time Travel clauses',
  triggers: ['AT', 'BEFORE', 'CHANGES'],
  why: "A table's past versions (AT/BEFORE) and CHANGES need Time Travel and change tracking, which the local engine does not keep: refused by name.",
  match(nodes, index) {
    if (!isWord(nodes[index], 'AT', 'BEFORE', 'CHANGES')) return undefined;
    const group = nodes[nextSignificant(nodes, index + 1)];
    if (!isGroup(group)) return undefined;
    const [name, arrow] = significantNodes(group.children);
    if (!isWord(name, 'TIMESTAMP', 'OFFSET', 'STATEMENT', 'STREAM', 'INFORMATION') || !isPunct(arrow, '=>')) return undefined;
    return { clause: nodes[index], end: index + 1 };
  },
  rewrite: ({ clause }, translator) =>
    translator.fail(`AT / BEFORE / CHANGES read a table as it was, which needs Time Travel; the local engine keeps only the current rows: query the table as it is now, or ${ON_ACCOUNT}`, clause),
};
