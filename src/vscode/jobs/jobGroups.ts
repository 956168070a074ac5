// A run or batch with more children than GROUP_SIZE shows them in groups of GROUP_SIZE
// ("jobs 1–100", "jobs 101–200", …), as VS Code's debugger shows a long array. Beyond
// reading, it keeps refreshes small: VS Code sends every child of a refreshed row to the
// window, so while a run adds its 1,000th job a flat list re-sent 1,000 rows (a 30–60 ms
// stall of the extension host each time); grouped, only the last group's rows go.

export const GROUP_SIZE = 100;

export function isGrouped(childCount: number): boolean {
  return childCount > GROUP_SIZE;
}

export function groupCount(childCount: number): number {
  return Math.ceil(childCount / GROUP_SIZE);
}

/** The group a child at `position` (0-based, in display order) sits in. */
export function groupOf(position: number): number {
  return Math.floor(position / GROUP_SIZE);
}

/** The children of group `index`: [start, end) positions. */
export function groupRange(index: number, childCount: number): { start: number; end: number } {
  const start = index * GROUP_SIZE;
  return { start, end: Math.min(childCount, start + GROUP_SIZE) };
}

/**
 * "jobs 101–200" (1-based: job rows carry no number), "tasks 100–199" (0-based, as the task
 * rows' own "task N" labels are).
 */
export function groupLabel(what: 'jobs' | 'tasks', index: number, childCount: number): string {
  const { start, end } = groupRange(index, childCount);
  return what === 'tasks' ? `tasks ${start}–${end - 1}` : `jobs ${start + 1}–${end}`;
}
