import { defineBackground } from '#imports';

export default defineBackground(() => {
  // Composition root: filled in by the background worker.
});
