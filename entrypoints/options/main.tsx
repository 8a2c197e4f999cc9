import '../../lib/zod-jitless';
import { createRoot } from 'react-dom/client';
import '../../components/options/options.css';
import { OptionsApp } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('options.html has no #root');
createRoot(root).render(<OptionsApp />);
