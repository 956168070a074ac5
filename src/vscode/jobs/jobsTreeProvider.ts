import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import type { JobRecord } from '../../core/jobs/jobManager';
import { isTerminal } from '../../core/jobs/jobStatus';
import type { FolderRuntime, WorkspaceRuntimes } from '../runtime/workspaceRuntimes';
import { JobResults } from './jobResults';
import { jobContextValue, jobDescription, jobIcon, jobLabel, jobTooltip } from './jobPresentation';
import { RefreshScheduler } from './refreshScheduler';

/** A row: a job of one folder's runtime. Kept per id so refreshes address the same object. */
export interface JobNode {
  readonly id: string;
  readonly owner: FolderRuntime;
}

const REFRESH_INTERVAL_MS = 100;
/**
 * While this many jobs run, refresh at most every BUSY_REFRESH_INTERVAL_MS: each refresh of
 * a parent with hundreds of children sends all of them to the window, and the extension
 * host's event loop is busy with the runs themselves.
 */
const BUSY_RUNNING_JOBS = 100;
const BUSY_REFRESH_INTERVAL_MS = 500;
const ELAPSED_TICK_MS = 1000;
const MAX_TICKED_ROWS = 200;

/** A row's TreeItem and what it was built from: reused while these stay the same. */
interface RenderedRow {
  readonly item: vscode.TreeItem;
  readonly owner: FolderRuntime;
  readonly status: JobRecord['status'];
  readonly hasResult: boolean;
  readonly collapsible: vscode.TreeItemCollapsibleState;
}

/**
 * The Snowpark Jobs tree: runs → their child jobs, batches → tasks; a nested run (CALL
 * inside a run) sits under its CALL query. Job events are coalesced (RefreshScheduler) and
 * running rows re-render once a second so their elapsed time moves.
 */
export class JobsTreeProvider implements vscode.TreeDataProvider<JobNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<JobNode | JobNode[] | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly nodes = new Map<string, JobNode>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly rendered = new Map<string, RenderedRow>();
  private readonly scheduler = new RefreshScheduler<JobNode>(
    () => (this.runningJobs() >= BUSY_RUNNING_JOBS ? BUSY_REFRESH_INTERVAL_MS : REFRESH_INTERVAL_MS),
    (changed) => this.changeEmitter.fire(changed),
    (node) => this.renderedParent(node),
  );
  private readonly ticker: NodeJS.Timeout;
  /** Count of refreshes actually sent to VS Code, for the performance bench. */
  refreshCount = 0;
  /** Time spent in getChildren/getTreeItem, for the performance bench. */
  providerMs = 0;

  constructor(
    private readonly runtimes: WorkspaceRuntimes,
    readonly results: JobResults,
  ) {
    this.subscriptions.push(
      runtimes.onDidOpen((entry) => this.watch(entry)),
      runtimes.onDidClose(() => {
        this.nodes.clear();
        this.rendered.clear();
        this.scheduler.changedChildren(undefined);
      }),
      this.changeEmitter.event(() => this.refreshCount++),
    );
    for (const entry of runtimes.all) this.watch(entry);
    this.ticker = setInterval(() => this.tickRunning(), ELAPSED_TICK_MS);
  }

  private watch(entry: FolderRuntime): void {
    const subscription = entry.runtime.jobs.onDidChange((event) => {
      this.results.capture(entry.runtime, event);
      const node = this.nodes.get(event.job.id);
      // Its row is built afresh the next time VS Code asks (detail, error, label may differ).
      this.rendered.delete(event.job.id);
      if (event.type === 'changed') {
        // A row not rendered yet is covered by its parent's pending refresh.
        if (node) this.scheduler.changedItem(node);
        // A row that becomes finished may gain "hasResult" a moment later.
        if (node && isTerminal(event.job.status) && event.job.kind === 'query') setTimeout(() => this.scheduler.changedItem(node), 50);
        return;
      }
      if (event.type === 'removed') this.nodes.delete(event.job.id);
      const parentJob = event.job.parentId ? entry.runtime.jobs.get(event.job.parentId) : undefined;
      const parentNode = parentJob ? this.nodes.get(parentJob.id) : undefined;
      // A top-level run, or a child whose parent row is not rendered yet: from the root.
      this.scheduler.changedChildren(event.type === 'added' && event.job.kind === 'run' && !parentJob ? undefined : parentNode);
    });
    this.subscriptions.push(subscription);
  }

  /**
   * Running leaf rows (queries, tasks) show their elapsed time: re-render them once a
   * second, at most MAX_TICKED_ROWS of them. Rows with children (runs, batches, a CALL
   * with its nested run) are left alone: VS Code forgets a refreshed row's children until
   * it asks for them again, and an inline Cancel/Await clicked on a child in that moment
   * would arrive without its row. Their description says "since HH:MM:SS" instead.
   */
  private tickRunning(): void {
    let budget = MAX_TICKED_ROWS;
    for (const entry of this.runtimes.all) {
      for (const job of entry.runtime.jobs.running()) {
        if (job.kind === 'run' || job.kind === 'batch' || isCall(job)) continue;
        const node = this.nodes.get(job.id);
        if (!node) continue;
        this.scheduler.changedItem(node);
        if (--budget === 0) return;
      }
    }
  }

  /** A row's parent row if it has been rendered (getParent would make one). */
  private renderedParent(node: JobNode): JobNode | undefined {
    const parentId = this.jobOf(node)?.parentId;
    return parentId === undefined ? undefined : this.nodes.get(parentId);
  }

  private runningJobs(): number {
    let count = 0;
    for (const entry of this.runtimes.all) count += entry.runtime.jobs.running().length;
    return count;
  }

  private nodeFor(owner: FolderRuntime, job: JobRecord): JobNode {
    let node = this.nodes.get(job.id);
    if (!node || node.owner !== owner) {
      node = { id: job.id, owner };
      this.nodes.set(job.id, node);
    }
    return node;
  }

  jobOf(node: JobNode): JobRecord | undefined {
    return node.owner.runtime.jobs.get(node.id);
  }

  getChildren(parent?: JobNode): JobNode[] {
    const started = performance.now();
    try {
      return this.childrenOf(parent);
    } finally {
      this.providerMs += performance.now() - started;
    }
  }

  private childrenOf(parent?: JobNode): JobNode[] {
    if (!parent) {
      const roots: JobNode[] = [];
      for (const entry of this.runtimes.all) {
        const jobs = entry.runtime.jobs;
        const runs = jobs.list({ kind: 'run' }).filter((run) => run.parentId === undefined || !jobs.get(run.parentId));
        runs.sort((a, b) => b.startedMs - a.startedMs);
        roots.push(...runs.map((run) => this.nodeFor(entry, run)));
      }
      return roots;
    }
    const children = parent.owner.runtime.jobs.list({ parentId: parent.id });
    children.sort((a, b) => a.startedMs - b.startedMs || taskIndex(a) - taskIndex(b));
    return children.map((job) => this.nodeFor(parent.owner, job));
  }

  getParent(node: JobNode): JobNode | undefined {
    const job = this.jobOf(node);
    const parent = job?.parentId ? node.owner.runtime.jobs.get(job.parentId) : undefined;
    return parent ? this.nodeFor(node.owner, parent) : undefined;
  }

  getTreeItem(node: JobNode): vscode.TreeItem {
    const started = performance.now();
    try {
      return this.treeItemOf(node);
    } finally {
      this.providerMs += performance.now() - started;
    }
  }

  /**
   * Refreshing a parent re-renders all its children, most of them unchanged: their
   * TreeItems are kept (RenderedRow) and reused until the job changes (a job event drops
   * the row), its result arrives or it gains children; a running row's description is
   * updated in place, as its elapsed time moves.
   */
  private treeItemOf(node: JobNode): vscode.TreeItem {
    const job = this.jobOf(node);
    if (!job) return new vscode.TreeItem('(gone)');
    // Only a CALL query can have children (its nested run): skip the scan for the others,
    // which keeps a refresh of 1,000 rows linear.
    const hasChildren = isCall(job) && node.owner.runtime.jobs.list({ parentId: job.id }).length > 0;
    const collapsible =
      job.kind === 'run' || job.kind === 'batch' || hasChildren
        ? job.kind === 'run' && job.parentId === undefined
          ? vscode.TreeItemCollapsibleState.Expanded
          : vscode.TreeItemCollapsibleState.Collapsed
        : vscode.TreeItemCollapsibleState.None;
    const hasResult = this.results.has(job.id);
    const now = Date.now();
    const row = this.rendered.get(job.id);
    if (row && row.owner === node.owner && row.status === job.status && row.hasResult === hasResult && row.collapsible === collapsible) {
      if (!isTerminal(job.status)) row.item.description = jobDescription(job, now);
      // Built again on the next hover (resolveTreeItem), so it shows the time of then.
      row.item.tooltip = undefined;
      return row.item;
    }
    const item = new vscode.TreeItem(jobLabel(job), collapsible);
    item.id = job.id;
    item.description = jobDescription(job, now);
    // The tooltip (Markdown, full SQL) is built on hover, in resolveTreeItem: building
    // it for 1,000 rows on every refresh would be most of a refresh's cost.
    item.iconPath = jobIcon(job);
    item.contextValue = jobContextValue(job, hasResult);
    this.rendered.set(job.id, { item, owner: node.owner, status: job.status, hasResult, collapsible });
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: JobNode): vscode.TreeItem {
    const job = this.jobOf(node);
    if (job) item.tooltip = jobTooltip(job);
    return item;
  }

  dispose(): void {
    clearInterval(this.ticker);
    this.scheduler.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changeEmitter.dispose();
  }
}

function isCall(job: JobRecord): boolean {
  return job.kind === 'query' && /^\s*call\b/i.test(job.label);
}

function taskIndex(job: JobRecord): number {
  return typeof job.detail.index === 'number' ? job.detail.index : 0;
}
