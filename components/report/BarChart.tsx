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
import { labelEvery, TICK_FONT_FAMILY, TICK_FONT_SIZE, tickLabel } from './tick-label';

export interface BarChartProps {
  chart: ChartModel;
  width: number;
  height: number;
  onOpen: (row: number, column: number) => void;
}

const MARGIN = { top: 8, right: 8, bottom: 40, left: 56 };
const LEFT_LABEL = tickLabel({});
// Gap kept between neighbouring wrapped labels of the bottom axis.
const LABEL_GAP = 4;

function durationUnit(maxMs: number): { ms: number; suffix: string } {
  if (maxMs < 2 * 3_600_000) return { ms: 60_000, suffix: 'min' };
  if (maxMs < 4 * 86_400_000) return { ms: 3_600_000, suffix: 'h' };
  return { ms: 86_400_000, suffix: 'd' };
}

export function BarChart({ chart, width, height, onOpen }: BarChartProps) {
  const series = chart.columns
    .map((column, index) => ({ column, index }))
    .filter((s) => s.column.chart);
  const format = series[0]?.column.format ?? 'count';
  const innerW = Math.max(10, width - MARGIN.left - MARGIN.right);
  const innerH = Math.max(10, height - MARGIN.top - MARGIN.bottom);
  const rawMax = Math.max(
    0,
    ...chart.rows.flatMap((r) => series.map((s) => r.cells[s.index]?.value ?? 0)),
  );
  // Durations are drawn in one whole unit (minutes, hours or days), so the
  // axis reads 0, 12, 24, 36 h rather than "7 h 47 min".
  const unit = format === 'duration' ? durationUnit(rawMax) : { ms: 1, suffix: '' };
  const max = rawMax / unit.ms;
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
  const ticks = format === 'count' ? Math.min(5, Math.max(1, max)) : 5;
  // Long row names wrap within their band instead of running into the next one;
  // names that still do not fit (twelve months, a year of weeks) label every nth band.
  const wrapWidth = Math.max(10, groups.step() - LABEL_GAP);
  const bottomLabel = tickLabel({ wrapWidth, verticalAnchor: 'start' });
  const keys = chart.rows.map((r) => r.key);
  const every = labelEvery(
    keys.map((k) => labelOf.get(k) ?? k),
    groups.step(),
    wrapWidth,
    LABEL_GAP,
  );

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
              const value = (cell?.value ?? 0) / unit.ms;
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
          tickFormat={(v) =>
            format === 'duration' ? `${Number(v)} ${unit.suffix}` : formatValue(Number(v), format)
          }
          stroke="#5b6475"
          tickStroke="#5b6475"
          tickLabelProps={{
            fill: '#3b4252',
            fontSize: TICK_FONT_SIZE,
            textAnchor: 'end',
            dx: -4,
            dy: 3,
          }}
          tickComponent={LEFT_LABEL}
        />
        <AxisBottom
          top={innerH}
          scale={groups}
          tickFormat={(k) => labelOf.get(k) ?? k}
          stroke="#5b6475"
          tickStroke="#5b6475"
          tickValues={keys.filter((_, i) => i % every === 0)}
          tickLabelProps={{
            fill: '#3b4252',
            fontSize: TICK_FONT_SIZE,
            fontFamily: TICK_FONT_FAMILY,
            textAnchor: 'middle',
          }}
          tickComponent={bottomLabel}
        />
      </Group>
    </svg>
  );
}
