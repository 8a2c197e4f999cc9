import { createRoot } from 'react-dom/client';
import { POPUP_APP_MOUNT_MARK } from '../../components/popup/format';
import { PopupApp } from './App';

export function mount(root: HTMLElement): void {
  performance.mark(POPUP_APP_MOUNT_MARK);
  // What the agent typed into the search box drawn before React, if any.
  const typed = root.querySelector<HTMLInputElement>('input.cb-search')?.value ?? '';
  createRoot(root).render(<PopupApp initialQuery={typed} />);
}
