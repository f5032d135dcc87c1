/**
 * Allows at most `max` recoveries within a sliding `windowMs`; past that a window is left on
 * its error slate instead of crash-looping.
 */
export class RecoveryBudget {
  private attempts: number[] = [];

  constructor(
    private readonly max = 3,
    private readonly windowMs = 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Records an attempt; false when the budget is spent. */
  take(): boolean {
    const t = this.now();
    this.attempts = this.attempts.filter((a) => a > t - this.windowMs);
    if (this.attempts.length >= this.max) return false;
    this.attempts.push(t);
    return true;
  }
}
