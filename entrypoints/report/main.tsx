import { createRoot } from 'react-dom/client';
import '../../components/report/report.css';
import { ReportApp } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('report.html has no #root');
createRoot(root).render(<ReportApp />);
