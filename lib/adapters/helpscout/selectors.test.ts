// @vitest-environment happy-dom
import { checkSelectors } from '../testing/selector-checks';
import * as selectors from './selectors';

checkSelectors('helpscout', selectors);
