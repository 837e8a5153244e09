import type { ConsultationStatsDto, StatsValue } from '@treffpunkt/contracts';
import { useId, useMemo } from 'react';
import { useT } from '../../i18n';
import { downloadCsv, toCsv } from './csv';
import { useKeyLabel, useValueText } from './labels';
import { StatsChart, type ChartSeries } from './StatsChart';

/** One statistic: heading, chart, the table (the accessible alternative) and a CSV download. */
export function StatsSection({
  title,
  stats,
  chart,
  fileName,
}: {
  title: string;
  stats: ConsultationStatsDto;
  chart: 'bar' | 'line';
  fileName: string;
}) {
  const t = useT();
  const headingId = useId();
  const keyLabel = useKeyLabel();
  const valueText = useValueText();
  const [rowDimension, columnDimension] = stats.groupBy;
  const twoDimensional = columnDimension !== undefined;
  const rowLabels = useMemo(() => stats.rows.map((r) => keyLabel(rowDimension!, r)), [stats, keyLabel, rowDimension]);
  const columnLabels = useMemo(
    () => (columnDimension ? stats.columns.map((c) => keyLabel(columnDimension, c)) : []),
    [stats, keyLabel, columnDimension],
  );
  const series = useMemo<ChartSeries[]>(
    () =>
      twoDimensional
        ? columnLabels.map((label, j) => ({ label, values: stats.cells.map((r) => r[j]!.count) }))
        : [{ label: title, values: stats.cells.map((r) => r[0]!.count) }],
    [stats, columnLabels, twoDimensional, title],
  );
  const header = [
    t.statistics.dimensions[rowDimension!],
    ...(twoDimensional ? columnLabels : [t.statistics.totalConsultations]),
    ...(twoDimensional ? [t.statistics.total] : []),
  ];
  const body = stats.rows.map((_, i) => [
    rowLabels[i]!,
    ...stats.cells[i]!.map(valueText),
    ...(twoDimensional ? [valueText(stats.rowTotals[i]!)] : []),
  ]);
  const footer = [t.statistics.total, ...(twoDimensional ? stats.columnTotals.map(valueText) : []), valueText(stats.total)];

  const exportCsv = () => downloadCsv(`${fileName}_${stats.from}_${stats.to}.csv`, toCsv([header, ...body, footer]));

  return (
    <section aria-labelledby={headingId} className="stats-section card">
      <div className="stats-section__head">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="button button--small" onClick={exportCsv} aria-label={t.statistics.csvLabel(title)}>
          {t.statistics.csv}
        </button>
      </div>
      {stats.rows.length === 0 ? (
        <p>{t.statistics.noData}</p>
      ) : (
        <>
          <StatsChart kind={chart} labels={rowLabels} series={series} label={t.statistics.chartLabel(title)} />
          <div className="table-scroll">
            <table className="table stats-table">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  {header.map((h, j) => (
                    <th key={j} scope="col">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {body.map((row, i) => (
                  <tr key={i}>
                    <th scope="row">{row[0]}</th>
                    {row.slice(1).map((cell, j) => (
                      <ValueCell key={j} text={cell} value={cellValue(stats, i, j, twoDimensional)} />
                    ))}
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row">{footer[0]}</th>
                  {footer.slice(1).map((cell, j) => (
                    <ValueCell key={j} text={cell} value={j < stats.columnTotals.length ? stats.columnTotals[j]! : stats.total} />
                  ))}
                </tr>
              </tfoot>
            </table>
          </div>
        </>
      )}
    </section>
  );
}

function cellValue(stats: ConsultationStatsDto, i: number, j: number, twoDimensional: boolean): StatsValue {
  if (!twoDimensional) return stats.cells[i]![0]!;
  return j < stats.columns.length ? stats.cells[i]![j]! : stats.rowTotals[i]!;
}

function ValueCell({ text, value }: { text: string; value: StatsValue }) {
  const t = useT();
  if (value.suppressed === null) return <td className="stats-table__number">{text}</td>;
  return (
    <td className="stats-table__number">
      <abbr title={value.suppressed === 'small' ? t.statistics.smallLabel : t.statistics.hiddenLabel}>{text}</abbr>
    </td>
  );
}
