// The sizes of synthetic council Hearth can build. Volumes follow the sizing rule in
// shared/reference/national-benchmarks.md §3 (national rates per child aged 0-17); the years of
// history are chosen so the large profile holds about 600,000 contacts.

export type ProfileName = 'tiny' | 'small' | 'medium' | 'large';

export interface Profile {
  name: ProfileName;
  /** Children aged 0-17 living in the council's area. */
  childPopulation: number;
  /** Years of front-door history before `today` (older care histories reach further back). */
  years: number;
  /** A real council of about this size, for orientation only. */
  likeness: string;
}

export const PROFILES: Record<ProfileName, Profile> = {
  /** Only for fast tests: a very small council with every kind of record. */
  tiny: { name: 'tiny', childPopulation: 3_000, years: 3, likeness: 'none (test fixture)' },
  small: { name: 'small', childPopulation: 8_000, years: 6, likeness: 'Rutland' },
  medium: { name: 'medium', childPopulation: 110_000, years: 5, likeness: 'East Sussex' },
  large: { name: 'large', childPopulation: 290_000, years: 10, likeness: 'Birmingham' },
};

/**
 * Yearly national rates per child (national-benchmarks.md §3, "Sizing rule for synthetic data"),
 * with the local multiplier at 1.
 */
export const RATES = {
  referralsPerYear: 0.052,
  reReferralShare: 0.22,
  contactsPerReferral: 4,
  s47PerYear: 0.019,
  icpcPerYear: 0.0063,
  cinOpen: 0.033,
  cpOpen: 0.0042,
  claOpen: 0.0067,
} as const;

/** What the sizing rule expects over the profile's history. */
export function expectedVolumes(p: Profile) {
  const P = p.childPopulation;
  return {
    referrals: RATES.referralsPerYear * P * p.years,
    contacts: RATES.referralsPerYear * RATES.contactsPerReferral * P * p.years,
    s47: RATES.s47PerYear * P * p.years,
    icpc: RATES.icpcPerYear * P * p.years,
    cinOpen: RATES.cinOpen * P,
    cpOpen: RATES.cpOpen * P,
    claOpen: RATES.claOpen * P,
  };
}
