/** How the report writes its numbers: counts, durations, percentages, changes, dates. */
import type { ValueFormat } from '../../lib/report/compute';

export function formatDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 60) return `${minutes} min`;
  const hours = minutes / 60;
  if (hours < 48) {
    const h = Math.floor(minutes / 60);
    const m = minutes % 60;
    return m === 0 ? `${h} h` : `${h} h ${m} min`;
  }
  const days = Math.floor(hours / 24);
  const h = Math.round(hours - days * 24);
  return h === 0 ? `${days} d` : `${days} d ${h} h`;
}

export function formatValue(value: number | null, format: ValueFormat): string {
  if (value === null) return '—';
  switch (format) {
    case 'count':
      return String(value);
    case 'delta':
      return value > 0 ? `+${value}` : value < 0 ? `−${Math.abs(value)}` : '0';
    case 'percent':
      return `${Math.round(value * 100)}%`;
    case 'duration':
      return formatDuration(value);
  }
}

/** Local date and time to the minute. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

export const REPORT_PAINTED_MARK = 'casebook:report-painted';

/** Okabe–Ito colours: told apart with the common colour-vision deficiencies. */
export const SERIES_COLORS = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#6b6b6b',
];
