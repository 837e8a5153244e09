/**
 * Disclosure control for frequency tables (counts of consultations), as statistical offices do it:
 *
 * 1. Primary suppression: every count from 1 to SMALL_COUNT_LIMIT − 1 is hidden ("small", shown "<5").
 *    Zeros stay visible — they say nothing about a person.
 * 2. Complementary (secondary) suppression: a table publishes its row, column and grand totals, so a
 *    hidden count could be recomputed from them ("the totals trap": total 10, visible cells 7 → the
 *    hidden one is 3). After primary suppression the table is audited the way an attacker would read it:
 *    every hidden value is an unknown with the bounds the reader knows (small: 1…4; complementary: ≥ 5,
 *    because small counts are always marked "<5" and zeros are never hidden), every row and column
 *    (totals included) is an equation "cells = total", and the bounds are tightened along the equations
 *    until nothing changes (interval constraint propagation). While some hidden value can be pinned to
 *    a single number, one more value is hidden: the smallest positive visible value in a row or column
 *    of the pinned one, preferring one that also protects another row or column with hidden values, inner
 *    cells before totals (least information lost). Each round hides at least
 *    one more value, so it ends; in the worst case everything positive is hidden.
 *
 * Guarantee: no hidden count can be derived exactly from one published table by adding and
 * subtracting. Interval propagation is weaker than a full linear-programming audit in theory, but
 * for two-way tables with margins it finds every single-unknown equation and every bound-based
 * pinning. Differences between tables of overlapping date ranges are limited by publishing whole
 * months only (see StatisticsService); admins, who see exact counts, are not subject to any of this.
 */
import { SMALL_COUNT_LIMIT, type StatsValue } from '@treffpunkt/contracts';

export interface ProtectedTable {
  cells: StatsValue[][];
  rowTotals: StatsValue[];
  columnTotals: StatsValue[];
  total: StatsValue;
}

type Status = 'visible' | 'small' | 'complementary';

interface Entry {
  value: number;
  status: Status;
  inner: boolean;
}

/** Larger than any count; stands for "no upper bound known". */
const UNBOUNDED = 1e12;

/** Exact values (no disclosure control): the table as counted. */
export function exactTable(counts: number[][], twoDimensional: boolean): ProtectedTable {
  const visible = (count: number): StatsValue => ({ count, suppressed: null });
  const rowSums = counts.map((row) => row.reduce((a, b) => a + b, 0));
  const columnSums = twoDimensional ? (counts[0] ?? []).map((_, j) => counts.reduce((a, row) => a + (row[j] ?? 0), 0)) : [];
  return {
    cells: counts.map((row) => row.map(visible)),
    rowTotals: rowSums.map(visible),
    columnTotals: columnSums.map(visible),
    total: visible(rowSums.reduce((a, b) => a + b, 0)),
  };
}

/**
 * Protects a table of counts[row][column]. One-dimensional tables have one column and publish
 * only the grand total (their "row totals" are the cells themselves).
 */
export function protectTable(counts: number[][], twoDimensional: boolean): ProtectedTable {
  const rows = counts.length;
  const columns = twoDimensional ? (counts[0]?.length ?? 0) : 1;
  // The grid with margins: grid[i][j], i = rows is the column-total row, j = columns the row-total column.
  const grid: Entry[][] = [];
  const make = (value: number, inner: boolean): Entry => ({
    value,
    inner,
    status: value > 0 && value < SMALL_COUNT_LIMIT ? 'small' : 'visible',
  });
  for (let i = 0; i < rows; i++) {
    const row = counts[i] ?? [];
    const cells = Array.from({ length: columns }, (_, j) => make(row[j] ?? 0, true));
    grid.push(twoDimensional ? [...cells, make(sum(cells.map((c) => c.value)), false)] : cells);
  }
  const width = twoDimensional ? columns + 1 : 1;
  grid.push(Array.from({ length: width }, (_, j) => make(sum(grid.map((r) => r[j]!.value)), false)));

  // Every additive relation: the last entry of each line is the sum of the others.
  const lines: Entry[][] = [];
  for (let j = 0; j < width; j++) lines.push(grid.map((r) => r[j]!));
  if (twoDimensional) for (const r of grid) lines.push(r);

  for (;;) {
    const pinned = findPinned(grid, lines);
    if (!pinned) break;
    const candidate =
      cheapestVisible(
        lines.filter((line) => line.includes(pinned)),
        lines,
      ) ?? cheapestVisible(lines);
    if (!candidate) break; // everything positive is hidden already
    candidate.status = 'complementary';
  }

  const publish = (e: Entry): StatsValue =>
    e.status === 'visible' ? { count: e.value, suppressed: null } : { count: null, suppressed: e.status };
  const totalRow = grid[rows]!;
  if (!twoDimensional) {
    return {
      cells: grid.slice(0, rows).map((r) => [publish(r[0]!)]),
      rowTotals: grid.slice(0, rows).map((r) => publish(r[0]!)),
      columnTotals: [],
      total: publish(totalRow[0]!),
    };
  }
  return {
    cells: grid.slice(0, rows).map((r) => r.slice(0, columns).map(publish)),
    rowTotals: grid.slice(0, rows).map((r) => publish(r[columns]!)),
    columnTotals: totalRow.slice(0, columns).map(publish),
    total: publish(totalRow[columns]!),
  };
}

function sum(values: number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

/** Bounds a reader can derive for every entry; returns a hidden entry they could pin to one value. */
function findPinned(grid: Entry[][], lines: Entry[][]): Entry | null {
  const bounds = new Map<Entry, [number, number]>();
  for (const row of grid) {
    for (const e of row) {
      bounds.set(
        e,
        e.status === 'visible' ? [e.value, e.value] : e.status === 'small' ? [1, SMALL_COUNT_LIMIT - 1] : [SMALL_COUNT_LIMIT, UNBOUNDED],
      );
    }
  }
  const hidden = [...bounds.keys()].filter((e) => e.status !== 'visible');
  if (hidden.length === 0) return null;
  for (let changed = true, round = 0; changed && round < 1000; round++) {
    changed = false;
    for (const line of lines) {
      const total = line[line.length - 1]!;
      const parts = line.slice(0, -1);
      const [totalLo, totalHi] = bounds.get(total)!;
      const loSum = sum(parts.map((p) => bounds.get(p)![0]));
      const hiSum = sum(parts.map((p) => bounds.get(p)![1]));
      const tighten = (e: Entry, lo: number, hi: number) => {
        const [oldLo, oldHi] = bounds.get(e)!;
        const next: [number, number] = [Math.max(oldLo, lo), Math.min(oldHi, hi)];
        if (next[0] !== oldLo || next[1] !== oldHi) {
          bounds.set(e, next);
          changed = true;
        }
      };
      tighten(total, loSum, hiSum);
      for (const p of parts) {
        const [pLo, pHi] = bounds.get(p)!;
        tighten(p, totalLo - (hiSum - pHi), totalHi - (loSum - pLo));
      }
    }
  }
  return (
    hidden.find((e) => {
      const [lo, hi] = bounds.get(e)!;
      return lo >= hi;
    }) ?? null
  );
}

/**
 * The visible positive entry whose hiding loses least: one that also sits in another row or column with
 * hidden values (it protects both at once, instead of starting a new cascade there), inner cells before
 * totals, then the smallest.
 */
function cheapestVisible(lines: Entry[][], allLines: Entry[][] = lines): Entry | null {
  const crossing = (e: Entry) => allLines.filter((line) => line.includes(e) && line.some((x) => x !== e && x.status !== 'visible')).length;
  let best: Entry | null = null;
  let bestCrossing = -1;
  for (const line of lines) {
    for (const e of line) {
      if (e.status !== 'visible' || e.value === 0) continue;
      const c = crossing(e);
      const better =
        !best ||
        c > bestCrossing ||
        (c === bestCrossing && e.inner && !best.inner) ||
        (c === bestCrossing && e.inner === best.inner && e.value < best.value);
      if (better) {
        best = e;
        bestCrossing = c;
      }
    }
  }
  return best;
}
