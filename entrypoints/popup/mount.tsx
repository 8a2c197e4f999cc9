import { createRoot } from 'react-dom/client';
import { PopupApp } from './App';

export function mount(root: HTMLElement): void {
  createRoot(root).render(<PopupApp />);
}
