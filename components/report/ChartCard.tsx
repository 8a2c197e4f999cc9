/** One figure: its chart, a legend, and its numbers as a table beside it. */
import type { ChartModel } from '../../lib/report/compute';
import { BarChart } from './BarChart';
import { formatValue, SERIES_COLORS } from './format';

export interface ChartCardProps {
  chart: ChartModel;
  /** Open the runs behind the cell at (row, column). */
  onOpen: (chart: ChartModel, row: number, column: number) => void;
}

export function ChartCard({ chart, onOpen }: ChartCardProps) {
  const charted = chart.columns.filter((c) => c.chart);
  const headingId = `chart-${chart.id}`;
  return (
    <section className="cb-chart" aria-labelledby={headingId} data-chart={chart.id}>
      <h2 id={headingId}>{chart.title}</h2>
      <p className="cb-chart__basis">{chart.basis}</p>
      <div className="cb-chart__body">
        <figure className="cb-chart__figure">
          <BarChart
            chart={chart}
            width={520}
            height={240}
            onOpen={(row, column) => onOpen(chart, row, column)}
          />
          <figcaption className="cb-legend">
            {charted.map((c, i) => (
              <span key={c.key} className="cb-legend__item">
                <span
                  className="cb-legend__swatch"
                  style={{ background: SERIES_COLORS[i % SERIES_COLORS.length] }}
                  aria-hidden="true"
                />
                {c.label}
              </span>
            ))}
          </figcaption>
        </figure>
        <div className="cb-chart__table">
          <table>
            <caption className="cb-visually-hidden">{chart.title}</caption>
            <thead>
              <tr>
                <td />
                {chart.columns.map((c) => (
                  <th key={c.key} scope="col">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {chart.rows.map((row, r) => (
                <tr key={row.key}>
                  <th scope="row">{row.label}</th>
                  {row.cells.map((cell, c) => {
                    const column = chart.columns[c]!;
                    const text = formatValue(cell.value, column.format);
                    const openable =
                      cell.filter !== undefined && cell.value !== null && cell.value !== 0;
                    return (
                      <td key={column.key} data-column={column.key}>
                        {openable ? (
                          <button
                            type="button"
                            className="cb-cell-link"
                            aria-label={`${text}: ${row.label}, ${column.label}. Show the runs.`}
                            onClick={() => onOpen(chart, r, c)}
                          >
                            {text}
                          </button>
                        ) : (
                          text
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}
