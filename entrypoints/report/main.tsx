/**
 * The report page's entry: ask the background for the first screen's report,
 * then load the app (React, the views), which takes that reply when it
 * arrives. The background computes while this thread evaluates React.
 */
import '../../components/report/report.css';
import { requestFirstReport } from './first-report';

const now = Date.now();
const period = requestFirstReport(now, location.search);

const root = document.getElementById('root');
if (!root) throw new Error('report.html has no #root');
void import('./mount').then(({ mount }) => mount(root, { now, period }));
