/**
 * The popup's entry: ask for the first screen of open runs, draw it with a
 * small path (no React, no zod: ./first-paint, bundled in this entry so no
 * second fetch delays it), then load the app. React waits for that frame
 * because evaluating react-dom on this thread would hold it up; if the
 * background is slow to answer, React loads anyway after REACT_WAIT_MS and
 * the first-paint path stands down.
 */
import '../../components/popup/popup.css';
import { requestFirstPage } from './first-page';
import { paintFirstPage } from './first-paint';

const REACT_WAIT_MS = 150;

const pending = requestFirstPage();

const root = document.getElementById('root');
if (!root) throw new Error('popup.html has no #root');
let mounted = false;
const firstPaint = paintFirstPage(root, pending, () => mounted);
void Promise.race([
  firstPaint.catch(() => undefined),
  new Promise((wait) => setTimeout(wait, REACT_WAIT_MS)),
])
  .then(() => import('./mount'))
  .then(({ mount }) => {
    mounted = true;
    mount(root);
  });
