// Play's rare paths in one module, fetched on demand (the on-demand-recovery chunk of vite.config.ts):
// sorting out the drafts a visit finds, and the file of an attempt that cannot stay in this browser.
export { sortDrafts } from './play-drafts';
export { downloadAttempts, downloadStored } from './unsaved-file';
