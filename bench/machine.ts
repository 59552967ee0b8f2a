import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** The machine a benchmark ran on: CPU count, CPU model (from /proc/cpuinfo), Node version. */
export function machine(): { nproc: number; cpu: string; node: string } {
  let cpu = 'unknown';
  try {
    cpu = /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpu;
  } catch {
    // not Linux
  }
  return { nproc: availableParallelism(), cpu, node: process.version };
}
