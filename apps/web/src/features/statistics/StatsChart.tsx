import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
} from 'chart.js';
import { useEffect, useRef } from 'react';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Legend, Tooltip);

/** Colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphical objects). */
const PALETTE = ['#1d4ed8', '#b45309', '#047857', '#7c3aed', '#be123c', '#0e7490', '#4d7c0f', '#a21caf', '#525252', '#9a3412'];

export interface ChartSeries {
  label: string;
  /** null = hidden by disclosure control: a gap, never a made-up number. */
  values: (number | null)[];
}

/**
 * A chart.js chart on a canvas. It is a picture for sighted users; the table next to it is the
 * accessible alternative (the canvas has role="img" and a label pointing there).
 */
export function StatsChart({
  kind,
  labels,
  series,
  label,
}: {
  kind: 'bar' | 'line';
  labels: string[];
  series: ChartSeries[];
  label: string;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const element = canvas.current;
    // no canvas support (tests in jsdom): the table carries the numbers anyway
    if (!element?.getContext('2d')) return;
    const config: ChartConfiguration<'bar' | 'line', (number | null)[], string> = {
      type: kind,
      data: {
        labels,
        datasets: series.map((s, i) => ({
          label: s.label,
          data: s.values,
          backgroundColor: PALETTE[i % PALETTE.length],
          borderColor: PALETTE[i % PALETTE.length],
          spanGaps: false,
        })),
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        plugins: { legend: { display: series.length > 1, position: 'bottom' } },
        scales: { y: { beginAtZero: true, ticks: { precision: 0 } } },
      },
    };
    const chart = new Chart(element, config);
    return () => chart.destroy();
  }, [kind, labels, series]);
  return (
    <div className="stats-chart">
      <canvas ref={canvas} role="img" aria-label={label} />
    </div>
  );
}
