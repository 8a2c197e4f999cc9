import { createRoot } from 'react-dom/client';
import type { PeriodChoice } from '../../components/report/ReportView';
import { ReportApp } from './App';

export function mount(root: HTMLElement, first: { now: number; period: PeriodChoice }): void {
  createRoot(root).render(<ReportApp now={first.now} initialPeriod={first.period} />);
}
