/**
 * The popup's entry: ask for the first screen of open runs, then load the
 * app (React, the protocol schemas) while the background answers.
 */
import '../../components/popup/popup.css';
import { requestFirstPage } from './first-page';

requestFirstPage();

const root = document.getElementById('root');
if (!root) throw new Error('popup.html has no #root');
void import('./mount').then(({ mount }) => mount(root));
