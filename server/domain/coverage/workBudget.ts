/**
 * A count of work units that a computation may spend, so a request a stranger can send cannot pin the CPU.
 * Work is counted, never timed: the same input always spends the same units and gets the same answer.
 */
export class WorkBudget {
  used = 0;
  constructor(readonly limit: number) {}

  /** Units still available. */
  get left(): number {
    return Math.max(0, this.limit - this.used);
  }

  /** Counts `units` of work that must be done anyway (sized by the caller to fit). */
  charge(units: number): void {
    this.used += units;
  }

  /** Spends `units`; false (spending nothing) when that would pass the limit. */
  trySpend(units: number): boolean {
    if (this.used + units > this.limit) return false;
    this.used += units;
    return true;
  }
}
