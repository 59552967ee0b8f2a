/**
 * BPU (informal worker) contribution estimate from the rules in data/bpjstk_bpu_contribution_rules.json.
 * Pure and shared with the web app, which runs it on the phone (also offline).
 */

/** The subset of the rules file this estimate needs. */
export interface ContributionRules {
  programs: {
    JKK: { rate: string };
    JKM: { amount_idr_per_month: number };
    JHT: { rate: string };
  };
  minimum_monthly: { JKK_plus_JKM_idr: number; derivation: string };
  temporary_relief?: {
    regulation: string;
    effect: string;
    periods: Record<string, [string, string]>;
    confidence: string;
  };
}

export interface ContributionEstimate {
  /** The income the estimate is based on, after applying the lowest basis (Rp/month). */
  basisIdr: number;
  jkkIdr: number;
  jkmIdr: number;
  /** 0 when JHT is not chosen. */
  jhtIdr: number;
  totalIdr: number;
  /** Total with the temporary JKK/JKM relief applied, when `today` is inside a relief period; else null. */
  totalWithReliefIdr: number | null;
  reliefUntil: string | null;
}

/** Parses a rate like "1% of declared monthly income" into 0.01. */
export function rateOf(text: string): number {
  const m = /([\d.,]+)\s*%/.exec(text);
  if (!m) throw new Error(`No percentage in rate text "${text}"`);
  return Number(m[1].replace(',', '.')) / 100;
}

/** The lowest income basis implied by the stated minimum: (minimum − JKM) / JKK rate, e.g. Rp1.000.000. */
export function lowestBasisIdr(rules: ContributionRules): number {
  return Math.round((rules.minimum_monthly.JKK_plus_JKM_idr - rules.programs.JKM.amount_idr_per_month) / rateOf(rules.programs.JKK.rate));
}

/**
 * Monthly contribution (Rp) for a declared monthly income (Rp). JKK is a rate of the declared income,
 * never below the lowest basis; JKM is a fixed amount; JHT is optional. `today` is 'YYYY-MM-DD'.
 * The official income-bracket table (PP 44/2015 Lampiran II) is not available, so the declared income is
 * used as is: the UI labels the result an estimate.
 */
export function estimateContribution(rules: ContributionRules, declaredIncomeIdr: number, withJht: boolean, today: string): ContributionEstimate {
  const basisIdr = Math.max(lowestBasisIdr(rules), Math.max(0, Math.round(declaredIncomeIdr)));
  const jkkIdr = Math.round(basisIdr * rateOf(rules.programs.JKK.rate));
  const jkmIdr = rules.programs.JKM.amount_idr_per_month;
  const jhtIdr = withJht ? Math.round(basisIdr * rateOf(rules.programs.JHT.rate)) : 0;
  const totalIdr = jkkIdr + jkmIdr + jhtIdr;
  let totalWithReliefIdr: number | null = null;
  let reliefUntil: string | null = null;
  const other = rules.temporary_relief?.periods.other_sectors;
  if (other && today >= other[0] && today <= other[1]) {
    totalWithReliefIdr = Math.round((jkkIdr + jkmIdr) / 2) + jhtIdr;
    reliefUntil = other[1];
  }
  return { basisIdr, jkkIdr, jkmIdr, jhtIdr, totalIdr, totalWithReliefIdr, reliefUntil };
}
