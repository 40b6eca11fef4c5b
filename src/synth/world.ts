// The generator's picture of the council while it builds it: the organisation, the carers and
// adopters children can be placed with, and the people it has made so far.
import type { Day } from './calendar.ts';
import type { Ctx } from './context.ts';
import type { Org, Organisation, Worker } from './organisation.ts';
import type { Allocation } from './organisation.ts';
import type { Rng } from './random.ts';

export interface FosterHousehold { id: number; postcode: string; connected: boolean; places: number; approved: Day; deregistered: Day | null }
export interface AdopterHousehold { id: number; approved: Day; used: boolean }

export interface Person {
  id: number;
  forename: string;
  surname: string;
  sex: 'M' | 'F' | 'U';
  dob: Day | null;
  edd: Day | null;
  ethnicity: string;
  /** The person's row, for the few fields learned later (UASC status ceasing). */
  row: { uascCeasedDate?: string | null; updatedAt: string; version?: number };
}

export interface Household {
  index: number;
  locality: number;
  town: string;
  postcode: string;
  addressLine: string;
  adults: Person[];
  children: Child[];
  mother: Person | null;
  /** The household's own rate of coming to notice: a mean gap between contacts, days. */
  meanGap: number;
  rng: Rng;
}

export interface Referral { id: number; day: Day }

export interface OpenCin {
  episodeId: number;
  referralId: number;
  start: Day;
  allocation: Allocation;
  /** Set once the episode has closed. */
  end: Day | null;
}

export interface Child {
  person: Person;
  household: Household;
  uasc: boolean;
  disabled: boolean;
  referrals: Referral[];
  /** Until this day a new contact joins the open case instead of opening a new referral. */
  busyUntil: Day;
  cpPlans: number;
  inCareUntil: Day;
  everInCare: boolean;
  /** Open early help episode, to be closed or stepped up. */
  earlyHelp: { row: { endDate?: string | null; outcome?: string | null; steppedUpContactId?: number | null; updatedAt: string; version?: number }; start: Day; end: Day; allocation: Allocation | null } | null;
  school: Org | null;
  /** Whether anything happened to this child (only such children are written). */
  known: boolean;
  /** Days on which the child was missing recently (to make repeat missing episodes). */
  missingPropensity: number;
}

export interface Stats {
  contacts: number;
  referrals: number;
  overdueByWorker: Map<number, Set<string>>;
  openByWorker: Map<number, number>;
  chairedByWorker: Map<number, number>;
  openPartnerRequestsByOrg: Map<number, number>;
  restrictedChildren: number[];
}

export interface World extends Ctx {
  org: Organisation;
  fosterHouseholds: FosterHousehold[];
  adopters: AdopterHousehold[];
  allocationRow: (a: Allocation, s: { worker: Worker; start: Day; end: Day | null; reason: string | null }) => void;
  stats: Stats;
  nextLaChild: number;
}

export function noteOverdue(w: World, worker: Worker, what: string): void {
  let set = w.stats.overdueByWorker.get(worker.id);
  if (!set) {
    set = new Set();
    w.stats.overdueByWorker.set(worker.id, set);
  }
  set.add(what);
}
