// Starts the import worker from its TypeScript source (tests, tsx): registers tsx in this worker thread, which
// does not inherit the parent's loaders, then loads the entry. `npm start` runs the bundled
// .build/importWorker.mjs instead and never loads this file.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
