// The shape of the synthetic council's practice: how often each thing happens and how long it
// takes. National figures come from shared/reference/national-benchmarks.md (named there with
// their source); the rest are plausible local-practice values, marked "local".

/** Contact source (CIN census ReferralSource), roughly the national referral-source mix. */
export const CONTACT_SOURCE = {
  '6': 29, '2A': 19, '3A': 2, '3B': 3, '3C': 1, '3D': 2, '3E': 3, '3F': 3, '2B': 2, '4': 2,
  '5A': 3, '5B': 3, '5C': 2, '5D': 2, '1A': 5, '1B': 1, '1C': 1, '1D': 1, '7': 4, '8': 8, '9': 2, '10': 2,
} as const;

/** What a contact is worried about (CIN assessment factor codes), local. */
export const CONTACT_FACTORS = {
  '3B': 22, '3A': 10, '4B': 12, '2B': 7, '1B': 5, '16A': 10, '17A': 7, '18C': 6, '19C': 2, '18B': 1, '19B': 1,
  '10A': 3, '11A': 1.5, '24A': 1.5, '14A': 3, '15A': 2, '4A': 3, '5B': 1, '6B': 1, '13A': 0.5, '12A': 0.2,
  '22A': 0.1, '23A': 0.1, '7A': 0.5, '20': 2,
} as const;

export const URGENCY = { red: 10, amber: 40, green: 50 } as const;

/** MASH decision deadline per RAG rating, hours (timescales.md: mash-red/amber/green, local default). */
export const RAG_HOURS = { red: 4, amber: 24, green: 72 } as const;

export type Rag = keyof typeof RAG_HOURS;

/** Primary need at assessment (CIN census), local mix close to national. */
export const PRIMARY_NEED = { N1: 57, N2: 9, N3: 3, N4: 8, N5: 15, N6: 2, N7: 0.5, N8: 4, N9: 1.5 } as const;

/** Category of abuse for CP plans: mostly neglect and emotional abuse (national pattern). */
export const CP_CATEGORY = { NEG: 50, EMO: 37, PHY: 6, SAB: 4, MUL: 3 } as const;

/**
 * Reason for placement change (SSDA903), national 2024 mix (benchmarks §1): care plan 31%, status only
 * 24% (used for same-carer changes), other 22%, carer/behaviour 8%, carer/other 6%, child 3%, LA 1%,
 * standards 1%, closure 1%, allegation 1%.
 */
export const PLACEMENT_MOVE_REASON = {
  CARPL: 31, OTHER: 22, CREQB: 8, CREQO: 6, CHILD: 3, LAREQ: 1, STAND: 1, CLOSE: 1, ALLEG: 1, APPRR: 0.5,
} as const;

/** Allocation change reasons (SSDA903 SW_REASON) for changes that are not leavers or transfers. */
export const WORKER_CHANGE_REASON = { MANAGE: 35, ABSENC: 15, ORGRST: 12, FCONTA: 8, CHCHAN: 4, PCCHAN: 6, OTHERS: 20 } as const;

export const DISABILITY = { LD: 25, AUT: 30, COMM: 12, BEH: 10, MOB: 6, PC: 4, HEAR: 4, VIS: 3, HAND: 2, INC: 2, CON: 1, DDA: 8 } as const;

export const LATE_ASSESSMENT_REASONS = [
  'Delay in obtaining information from partner agencies',
  'Family did not engage with the first planned visits',
  'Worker absence and case reallocated',
  'Complexity: specialist assessment needed before authorisation',
  'Awaiting manager authorisation',
];

export const LATE_CONFERENCE_REASONS = [
  'No chair available on the target date',
  'Police unable to attend; rescheduled to keep the conference quorate',
  'Parents requested a later date to attend with an advocate',
  'Interpreter not available on the target date',
];

export const DECLINE_REASONS = [
  'No lawful basis to share without consent: consent not sought',
  'Information held by another force area; request redirected',
  'Patient record not found for the details given',
  'Request did not state the safeguarding concern clearly',
];
