import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export interface MemoryRow {
  which: 'ours' | 'geokdbush';
  points: number;
  buildMs: number;
  rssMB: number;
  heapMB: number;
  externalMB: number;
}

const CHILD = fileURLToPath(new URL('./servers/memoryChild.ts', import.meta.url));

/** Memory retained by the index over `points` synthetic points, measured in a fresh process. */
export function benchMemory(points: number, which: 'ours' | 'geokdbush'): MemoryRow {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, String(points), which], { encoding: 'utf8' });
  return JSON.parse(out) as MemoryRow;
}
