/**
 * Axis tick labels drawn as plain SVG text. visx's own label (`@visx/text`)
 * measures every word by putting it into a hidden SVG element and reading
 * its length back, a forced layout per word: on the report's ten charts that
 * was about a fifth of the first screen's script time. Here words are
 * measured on a canvas (font shaping, no layout) in the font the label is
 * drawn in, and long names wrap within their band.
 */
import type { TickRendererProps } from '@visx/axis';

export const TICK_FONT_SIZE = 11;
/** visx's own default for axis labels, named so labels can be measured before they are drawn. */
export const TICK_FONT_FAMILY = 'Arial';
export const TICK_FONT = `${TICK_FONT_SIZE}px ${TICK_FONT_FAMILY}`;

let canvas: CanvasRenderingContext2D | null | undefined;
const widths = new Map<string, number>();

/** Width of `text` in a CSS `font` (`11px Arial`), in SVG user units (px at scale 1). */
export function textWidth(text: string, font: string): number {
  const key = `${font}\n${text}`;
  let width = widths.get(key);
  if (width !== undefined) return width;
  if (canvas === undefined) {
    canvas =
      typeof document === 'undefined' ? null : document.createElement('canvas').getContext('2d');
  }
  if (canvas) {
    canvas.font = font;
    width = canvas.measureText(text).width;
  } else {
    // No canvas (never on the report page): a wide average glyph.
    width = text.length * (parseFloat(font) || TICK_FONT_SIZE) * 0.62;
  }
  widths.set(key, width);
  return width;
}

/** Words into lines no wider than `width` (a word longer than that gets a line of its own). */
export function wrapWords(
  text: string,
  width: number,
  measure: (text: string) => number,
): string[] {
  const lines: string[] = [];
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const last = lines[lines.length - 1];
    if (last !== undefined && measure(`${last} ${word}`) <= width) {
      lines[lines.length - 1] = `${last} ${word}`;
    } else lines.push(word);
  }
  return lines;
}

export interface TickLabelOptions {
  /** Wrap within this width (the band of a bottom axis); no wrapping when absent. */
  wrapWidth?: number;
  /**
   * `start`: the first line hangs below the tick (a bottom axis); `end`: the
   * last line sits on it (as visx places labels by default).
   */
  verticalAnchor?: 'start' | 'end';
}

/**
 * Label every `n`th band so no label runs into the next: 1 when every
 * label's widest line (wrapped within `wrapWidth`) fits its band with `gap`
 * to spare. Twelve months or a year of weeks would otherwise print over
 * each other (their names are single words that cannot wrap).
 */
export function labelEvery(
  labels: readonly string[],
  step: number,
  wrapWidth: number,
  gap: number,
  measure: (text: string) => number = (t) => textWidth(t, TICK_FONT),
): number {
  let widest = 0;
  for (const label of labels)
    for (const line of wrapWords(label, wrapWidth, measure))
      widest = Math.max(widest, measure(line));
  return step > 0 ? Math.max(1, Math.ceil((widest + gap) / step)) : 1;
}

/** A `tickComponent` for visx axes, placed as visx's own label would be. */
export function tickLabel({ wrapWidth, verticalAnchor = 'end' }: TickLabelOptions) {
  return function TickLabel(props: TickRendererProps) {
    const { x, y, dx, dy, formattedValue, fill, textAnchor } = props;
    const fontSize = typeof props.fontSize === 'number' ? props.fontSize : TICK_FONT_SIZE;
    const fontFamily = props.fontFamily ?? 'sans-serif';
    const text = String(formattedValue ?? '');
    const font = `${fontSize}px ${fontFamily}`;
    const lines = wrapWidth ? wrapWords(text, wrapWidth, (t) => textWidth(t, font)) : [text];
    // A cap height (d3's 0.71em) below the tick, or lines stacked up to it.
    const firstDy = verticalAnchor === 'start' ? '0.71em' : `${-(lines.length - 1)}em`;
    // dx/dy may be em lengths (visx's defaults): a nested svg takes them as visx's does.
    return (
      <svg x={dx} y={dy} fontSize={fontSize} overflow="visible">
        <text x={x} y={y} fill={fill} fontFamily={fontFamily} textAnchor={textAnchor}>
          {lines.map((line, i) => (
            <tspan key={i} x={x} dy={i === 0 ? firstDy : '1em'}>
              {line}
            </tspan>
          ))}
        </text>
      </svg>
    );
  };
}
