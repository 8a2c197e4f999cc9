import { createRoot } from 'react-dom/client';
import '../../components/popup/popup.css';
import { PopupApp } from './App';

const root = document.getElementById('root');
if (!root) throw new Error('popup.html has no #root');
createRoot(root).render(<PopupApp />);
