import { cellText } from '../../cli/formatTable';
import type { QueryResult } from '../../core/runner/protocol';

// The result table as a self-contained HTML page. Every cell is escaped (results hold
// whatever the data holds), and the CSP allows nothing but the page's own style block.

const MAX_ROWS = 5_000;

export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

export interface ResultPage {
  title: string;
  result: QueryResult;
  /** Where it came from: `handlers.py: main()`, a statement's first line … */
  source?: string;
}

export function resultHtml(page: ResultPage, nonce: string, cspSource: string): string {
  const { result } = page;
  const shown = Math.min(result.rowCount, MAX_ROWS);
  const numeric = result.columns.map((column) => /^(NUMBER|FLOAT|DECIMAL|INT)/i.test(column.type));
  const header = result.columns
    .map((column) => `<th title="${escapeHtml(column.type)}">${escapeHtml(column.name)}<span class="type">${escapeHtml(column.type)}</span></th>`)
    .join('');
  const rows: string[] = [];
  for (let r = 0; r < shown; r++) {
    const cells = result.columns.map((_, c) => {
      const value = result.data[c]?.[r];
      const cls = value === null || value === undefined ? 'null' : numeric[c] ? 'num' : '';
      return `<td class="${cls}">${escapeHtml(cellText(value))}</td>`;
    });
    rows.push(`<tr><td class="rownum">${r + 1}</td>${cells.join('')}</tr>`);
  }
  const noun = result.rowCount === 1 ? 'row' : 'rows';
  const count = shown < result.rowCount ? `${result.rowCount} ${noun} (first ${shown} shown)` : `${result.rowCount} ${noun}`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtml(page.title)}</title>
<style nonce="${nonce}">
  body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); color: var(--vscode-foreground); padding: 8px 12px; }
  .meta { color: var(--vscode-descriptionForeground); margin-bottom: 8px; }
  .meta code { font-family: var(--vscode-editor-font-family); }
  table { border-collapse: collapse; font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
  th, td { border: 1px solid var(--vscode-panel-border, #8884); padding: 3px 8px; text-align: left; vertical-align: top; white-space: pre-wrap; }
  th { background: var(--vscode-editorWidget-background); position: sticky; top: 0; }
  th .type { display: block; font-weight: normal; font-size: 85%; color: var(--vscode-descriptionForeground); }
  td.num { text-align: right; }
  td.null { color: var(--vscode-descriptionForeground); font-style: italic; }
  td.rownum { color: var(--vscode-descriptionForeground); text-align: right; }
</style>
</head>
<body>
<div class="meta"><strong>${escapeHtml(page.title)}</strong>${page.source ? ` · ${escapeHtml(page.source)}` : ''}<br>
<span id="row-count">${count}</span> · query id <code id="query-id">${escapeHtml(result.queryId)}</code></div>
<table><thead><tr><th class="rownum">#</th>${header}</tr></thead><tbody>
${rows.join('\n')}
</tbody></table>
</body>
</html>`;
}
