import { describe, expect, it } from '@jest/globals';
import type { StatsValue } from '@treffpunkt/contracts';
import { exactTable, protectTable, type ProtectedTable } from './disclosure-control.js';

/**
 * The attacker: every assignment of the hidden values that agrees with everything published
 * (hidden small counts are 1–4, other hidden counts ≥ 5, zeros are never hidden, rows and columns
 * add up to their totals). Returns the set of values each hidden entry can still have.
 */
function feasibleValues(table: ProtectedTable, twoDimensional: boolean, max: number): Set<number>[] {
  const rows = table.cells.length;
  const columns = twoDimensional ? (table.cells[0]?.length ?? 0) : 1;
  const grid: StatsValue[][] = twoDimensional
    ? [...table.cells.map((r, i) => [...r, table.rowTotals[i]!]), [...table.columnTotals, table.total]]
    : [...table.cells.map((r) => [r[0]!]), [table.total]];
  const hidden: [number, number][] = [];
  grid.forEach((r, i) => r.forEach((v, j) => v.count === null && hidden.push([i, j])));
  const values = grid.map((r) => r.map((v) => v.count ?? 0));
  const lines: [number, number][][] = [];
  for (let j = 0; j < grid[0]!.length; j++) lines.push(grid.map((_, i) => [i, j]));
  if (twoDimensional) grid.forEach((r, i) => lines.push(r.map((_, j) => [i, j])));
  const position = new Map(hidden.map(([i, j], n) => [`${i},${j}`, n]));
  // a line can be checked once its last hidden entry (in assignment order) has a value
  const checkAfter = hidden.map(() => [] as [number, number][][]);
  for (const line of lines) {
    const last = Math.max(-1, ...line.map(([i, j]) => position.get(`${i},${j}`) ?? -1));
    if (last >= 0) checkAfter[last]!.push(line);
  }
  const adds = (line: [number, number][]) => {
    const last = line[line.length - 1]!;
    return line.slice(0, -1).reduce((a, [i, j]) => a + values[i]![j]!, 0) === values[last[0]]![last[1]]!;
  };
  const seen = hidden.map(() => new Set<number>());
  const assign = (k: number): void => {
    if (k === hidden.length) {
      hidden.forEach(([i, j], n) => seen[n]!.add(values[i]![j]!));
      return;
    }
    const [i, j] = hidden[k]!;
    const small = grid[i]![j]!.suppressed === 'small';
    for (let v = small ? 1 : 5; v <= (small ? 4 : max); v++) {
      values[i]![j] = v;
      if (checkAfter[k]!.every(adds)) assign(k + 1);
    }
  };
  assign(0);
  expect(rows).toBeGreaterThan(0);
  expect(columns).toBeGreaterThan(0);
  return seen;
}

const counts = (t: ProtectedTable) => t.cells.map((r) => r.map((v) => v.count));

describe('disclosure control', () => {
  it('hides counts from 1 to 4 as small and keeps zeros and counts from 5 visible', () => {
    const table = protectTable([[0], [4], [5], [1], [30]], false);
    expect(table.cells.map((r) => r[0]!.suppressed)).toEqual([null, 'small', null, 'small', null]);
    expect(counts(table)).toEqual([[0], [null], [5], [null], [30]]);
    expect(table.total).toEqual({ count: 40, suppressed: null });
  });

  it('falls into no totals trap in one dimension: total 42 with one hidden 3 hides a second count', () => {
    const table = protectTable([[3], [7], [12], [0], [20]], false);
    // without a second hidden count, 42 − 7 − 12 − 20 would give the 3 away
    expect(table.cells[1]![0]).toEqual({ count: null, suppressed: 'complementary' });
    for (const values of feasibleValues(table, false, 42)) expect(values.size).toBeGreaterThan(1);
  });

  it('does not let bounds pin a count: a hidden 1 next to a hidden 5 (sum 6) needs a third hidden count', () => {
    const table = protectTable([[1], [5], [30]], false);
    // x + y = 6 with x ≤ 4 and y ≥ 5 leaves only x = 1, so 30 must go too
    expect(table.cells.map((r) => r[0]!.suppressed)).toEqual(['small', 'complementary', 'complementary']);
    for (const values of feasibleValues(table, false, 36)) expect(values.size).toBeGreaterThan(1);
  });

  it('protects month × service point: no row, column or grand total recovers a hidden cell', () => {
    const table = protectTable(
      [
        [3, 10, 6],
        [8, 12, 0],
        [9, 2, 7],
      ],
      true,
    );
    expect(table.cells[0]![0]!.suppressed).toBe('small');
    expect(table.cells[2]![1]!.suppressed).toBe('small');
    const hiddenCount = [...table.cells.flat(), ...table.rowTotals, ...table.columnTotals, table.total].filter(
      (v) => v.count === null,
    ).length;
    expect(hiddenCount).toBeGreaterThanOrEqual(4);
    for (const values of feasibleValues(table, true, 57)) expect(values.size).toBeGreaterThan(1);
    // what stays visible is exact
    expect(table.total).toEqual({ count: 57, suppressed: null });
  });

  it('hides the row total too when it is itself small, and protects it against the column totals', () => {
    const table = protectTable(
      [
        [2, 1, 0],
        [10, 20, 30],
        [6, 7, 8],
      ],
      true,
    );
    expect(table.rowTotals[0]!.suppressed).toBe('small');
    for (const values of feasibleValues(table, true, 84)) expect(values.size).toBeGreaterThan(1);
  });

  it('publishes everything exactly for admins', () => {
    const table = exactTable(
      [
        [3, 1],
        [0, 8],
      ],
      true,
    );
    expect(counts(table)).toEqual([
      [3, 1],
      [0, 8],
    ]);
    expect(table.rowTotals.map((v) => v.count)).toEqual([4, 8]);
    expect(table.columnTotals.map((v) => v.count)).toEqual([3, 9]);
    expect(table.total.count).toBe(12);
  });
});
