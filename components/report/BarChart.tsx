/**
 * Grouped bars (visx scales and shapes, SVG). The chart is a picture of the
 * table beside it: screen readers and keyboards use the table, whose cells
 * open the same run lists as the bars do with a pointer.
 */
import { AxisBottom, AxisLeft } from '@visx/axis';
import { Group } from '@visx/group';
import { scaleBand, scaleLinear } from '@visx/scale';
import { Bar } from '@visx/shape';
import type { ChartModel } from '../../lib/report/compute';
import { formatValue, SERIES_COLORS } from './format';

export interface BarChartProps {
  chart: ChartModel;
  width: number;
  height: number;
  onOpen: (row: number, column: number) => void;
}

const MARGIN = { top: 8, right: 8, bottom: 48, left: 64 };

export function BarChart({ chart, width, height, onOpen }: BarChartProps) {
  const series = chart.columns
    .map((column, index) => ({ column, index }))
    .filter((s) => s.column.chart);
  const format = series[0]?.column.format ?? 'count';
  const innerW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerH = Math.max(10, height - MARGIN.top - MARGIN.bottom);
  const max = Math.max(
    0,
    ...chart.rows.flatMap((r) => series.map((s) => r.cells[s.index]?.value ?? 0)),
  );
  const y = scaleLinear<number>({
    domain: [0, max === 0 ? 1 : max],
    range: [innerH, 0],
    nice: true,
  });
  const groups = scaleBand<string>({
    domain: chart.rows.map((r) => r.key),
    range: [0, innerW],
    padding: 0.2,
  });
  const inner = scaleBand<number>({
    domain: series.map((s) => s.index),
    range: [0, groups.bandwidth()],
    padding: 0.1,
  });
  const labelOf = new Map(chart.rows.map((r) => [r.key, r.label.replace(/^Week of /, '')]));
  const ticks = format === 'count' ? Math.min(5, Math.max(1, max)) : 4;

  return (
    <svg
      width={width}
      height={height}
      role="img"
      aria-label={`${chart.title}: bar chart of the table below.`}
      viewBox={`0 0 ${width} ${height}`}
      className="cb-chart__svg"
    >
      <Group left={MARGIN.left} top={MARGIN.top}>
        {chart.rows.map((row, r) => (
          <Group key={row.key} left={groups(row.key) ?? 0}>
            {series.map((s) => {
              const cell = row.cells[s.index];
              const value = cell?.value ?? 0;
              const barH = innerH - y(value);
              const color = SERIES_COLORS[series.indexOf(s) % SERIES_COLORS.length];
              return (
                <Bar
                  key={s.column.key}
                  data-chart-bar={`${row.key}/${s.column.key}`}
                  x={inner(s.index) ?? 0}
                  y={innerH - Math.max(barH, value > 0 ? 2 : 0)}
                  width={inner.bandwidth()}
                  height={Math.max(barH, value > 0 ? 2 : 0)}
                  fill={color}
                  className={cell?.filter ? 'cb-chart__bar cb-chart__bar--open' : 'cb-chart__bar'}
                  onClick={cell?.filter ? () => onOpen(r, s.index) : undefined}
                >
                  <title>{`${row.label} · ${s.column.label}: ${formatValue(cell?.value ?? null, s.column.format)}`}</title>
                </Bar>
              );
            })}
          </Group>
        ))}
        <AxisLeft
          scale={y}
          numTicks={ticks}
          tickFormat={(v) => formatValue(Number(v), format)}
          stroke="#5b6475"
          tickStroke="#5b6475"
          tickLabelProps={{ fill: '#3b4252', fontSize: 11, textAnchor: 'end', dx: -4, dy: 3 }}
        />
        <AxisBottom
          top={innerH}
          scale={groups}
          tickFormat={(k) => labelOf.get(k) ?? k}
          stroke="#5b6475"
          tickStroke="#5b6475"
          tickLabelProps={{ fill: '#3b4252', fontSize: 11, textAnchor: 'middle' }}
        />
      </Group>
    </svg>
  );
}
