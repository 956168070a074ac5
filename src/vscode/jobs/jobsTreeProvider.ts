import { performance } from 'perf_hooks';
import * as vscode from 'vscode';
import type { JobRecord } from '../../core/jobs/jobManager';
import { isTerminal } from '../../core/jobs/jobStatus';
import type { FolderRuntime, WorkspaceRuntimes } from '../runtime/workspaceRuntimes';
import { groupCount, groupLabel, groupOf, groupRange, isGrouped } from './jobGroups';
import { JobResults } from './jobResults';
import { jobContextValue, jobDescription, jobIcon, jobLabel, jobTooltip } from './jobPresentation';
import { RefreshScheduler } from './refreshScheduler';

/** A row: a job of one folder's runtime. Kept per id so refreshes address the same object. */
export interface JobNode {
  readonly id: string;
  readonly owner: FolderRuntime;
}

/** A row holding a slice of a long run's or batch's children (jobGroups.ts). */
export interface JobGroupNode {
  readonly id: string;
  readonly owner: FolderRuntime;
  readonly parentId: string;
  readonly index: number;
}

export type JobsTreeNode = JobNode | JobGroupNode;

export function isJobGroup(node: JobsTreeNode): node is JobGroupNode {
  return 'index' in node;
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
 * The Snowpark Jobs tree: runs → their child jobs, batches → tasks (in groups of 100 past
 * 100: jobGroups.ts); a nested run (CALL inside a run) sits under its CALL query. Job
 * events are coalesced (RefreshScheduler) and running rows re-render once a second so
 * their elapsed time moves.
 */
export class JobsTreeProvider implements vscode.TreeDataProvider<JobsTreeNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<JobsTreeNode | JobsTreeNode[] | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private readonly nodes = new Map<string, JobNode>();
  private readonly groups = new Map<string, JobGroupNode>();
  /** How many children each rendered parent row has, kept from job events (no scan per event). */
  private readonly childCounts = new Map<string, number>();
  private readonly subscriptions: vscode.Disposable[] = [];
  private readonly rendered = new Map<string, RenderedRow>();
  private readonly scheduler = new RefreshScheduler<JobsTreeNode>(
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
        this.groups.clear();
        this.childCounts.clear();
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
      if (event.type === 'removed') {
        this.nodes.delete(event.job.id);
        this.childCounts.delete(event.job.id);
        for (const [id, group] of this.groups) if (group.parentId === event.job.id) this.groups.delete(id);
      }
      const parentJob = event.job.parentId ? entry.runtime.jobs.get(event.job.parentId) : undefined;
      const parentNode = parentJob ? this.nodes.get(parentJob.id) : undefined;
      // A top-level run, or a child whose parent row is not rendered yet: from the root.
      if (event.type === 'added' && event.job.kind === 'run' && !parentJob) this.scheduler.changedChildren(undefined);
      else this.scheduler.changedChildren(parentNode && this.refreshedFor(parentNode, event.type === 'added' ? 1 : -1));
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

  /**
   * Which row to refresh when `parent` gained (+1) or lost (-1) a child. A grouped parent
   * whose groups stay the same only needs its last group: new jobs start last, so they land
   * there, and the parent's other groups (perhaps expanded, 100 rows each) are not re-sent.
   */
  private refreshedFor(parent: JobNode, change: 1 | -1): JobsTreeNode {
    const before = this.childCounts.get(parent.id);
    if (before === undefined) return parent;
    const after = before + change;
    this.childCounts.set(parent.id, after);
    const sameGroups = change === 1 && isGrouped(before) && groupCount(before) === groupCount(after);
    return sameGroups ? this.groupNode(parent.owner, parent.id, groupCount(after) - 1) : parent;
  }

  /**
   * A row's parent row if it has been rendered (getParent would make one). For a job in a
   * group that is the job its group belongs to, not the group: a changed row is then sent
   * on its own unless its whole parent is refreshed, never lost under a group not refreshed.
   */
  private renderedParent(node: JobsTreeNode): JobsTreeNode | undefined {
    const parentId = isJobGroup(node) ? node.parentId : this.jobOf(node)?.parentId;
    return parentId === undefined ? undefined : this.nodes.get(parentId);
  }

  private runningJobs(): number {
    let count = 0;
    for (const entry of this.runtimes.all) count += entry.runtime.jobs.running().length;
    return count;
  }

  private groupNode(owner: FolderRuntime, parentId: string, index: number): JobGroupNode {
    const id = `${parentId}#group${index}`;
    let node = this.groups.get(id);
    if (!node || node.owner !== owner) {
      node = { id, owner, parentId, index };
      this.groups.set(id, node);
    }
    return node;
  }

  private nodeFor(owner: FolderRuntime, job: JobRecord): JobNode {
    let node = this.nodes.get(job.id);
    if (!node || node.owner !== owner) {
      node = { id: job.id, owner };
      this.nodes.set(job.id, node);
    }
    return node;
  }

  /** The job a row shows; undefined for a group row (or a job since cleared). */
  jobOf(node: JobsTreeNode): JobRecord | undefined {
    return isJobGroup(node) ? undefined : node.owner.runtime.jobs.get(node.id);
  }

  /** A parent's job rows, through its groups if it has them (tests). */
  jobChildren(parent: JobNode): JobNode[] {
    return this.getChildren(parent).flatMap((node) => (isJobGroup(node) ? (this.getChildren(node) as JobNode[]) : [node]));
  }

  getChildren(parent?: JobsTreeNode): JobsTreeNode[] {
    const started = performance.now();
    try {
      return this.childrenOf(parent);
    } finally {
      this.providerMs += performance.now() - started;
    }
  }

  private childrenOf(parent?: JobsTreeNode): JobsTreeNode[] {
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
    const parentId = isJobGroup(parent) ? parent.parentId : parent.id;
    const children = this.sortedChildren(parent.owner, parentId);
    this.childCounts.set(parentId, children.length);
    if (isJobGroup(parent)) {
      const { start, end } = groupRange(parent.index, children.length);
      return children.slice(start, end).map((job) => this.nodeFor(parent.owner, job));
    }
    if (isGrouped(children.length)) return Array.from({ length: groupCount(children.length) }, (_, index) => this.groupNode(parent.owner, parentId, index));
    return children.map((job) => this.nodeFor(parent.owner, job));
  }

  private sortedChildren(owner: FolderRuntime, parentId: string): JobRecord[] {
    const children = owner.runtime.jobs.list({ parentId });
    return children.sort((a, b) => a.startedMs - b.startedMs || taskIndex(a) - taskIndex(b));
  }

  getParent(node: JobsTreeNode): JobsTreeNode | undefined {
    const parentId = isJobGroup(node) ? node.parentId : this.jobOf(node)?.parentId;
    const parent = parentId ? node.owner.runtime.jobs.get(parentId) : undefined;
    if (!parent) return undefined;
    if (isJobGroup(node)) return this.nodeFor(node.owner, parent);
    const siblings = this.sortedChildren(node.owner, parent.id);
    if (!isGrouped(siblings.length)) return this.nodeFor(node.owner, parent);
    return this.groupNode(node.owner, parent.id, groupOf(siblings.findIndex((job) => job.id === node.id)));
  }

  getTreeItem(node: JobsTreeNode): vscode.TreeItem {
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
  private treeItemOf(node: JobsTreeNode): vscode.TreeItem {
    if (isJobGroup(node)) return this.groupItem(node);
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

  private groupItem(node: JobGroupNode): vscode.TreeItem {
    const parent = node.owner.runtime.jobs.get(node.parentId);
    const count = this.childCounts.get(node.parentId) ?? 0;
    const item = new vscode.TreeItem(groupLabel(parent?.kind === 'batch' ? 'tasks' : 'jobs', node.index, count), vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.contextValue = 'jobGroup';
    return item;
  }

  resolveTreeItem(item: vscode.TreeItem, node: JobsTreeNode): vscode.TreeItem {
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
