/**
 * The popup's entry: ask for the first screen of open runs, then load, in
 * parallel, the small path that draws it (zod and the runs schemas) and the
 * app (React). Whichever is first shows the rows; once React is mounted the
 * first-paint path stands down.
 */
import '../../components/popup/popup.css';
import { requestFirstPage } from './first-page';

const pending = requestFirstPage();

const root = document.getElementById('root');
if (!root) throw new Error('popup.html has no #root');
let mounted = false;
void import('./first-paint').then(({ paintFirstPage }) =>
  paintFirstPage(root, pending, () => mounted),
);
void import('./mount').then(({ mount }) => {
  mounted = true;
  mount(root);
});
