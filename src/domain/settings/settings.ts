// A council's local practice settings: what differs between councils but is not a statutory timescale
// (timescales and their local overrides live in domain/timescales). Stored as JSON on the council's row;
// every key has a default, so an empty object is a complete, valid configuration.
import { z } from 'zod';

export const councilSettingsSchema = z.object({
  /**
   * Organisation kinds the MASH may send requests for information to. Police, health and education are
   * always partners; probation, housing and others are local choices.
   */
  partnerAgencyKinds: z.array(z.string().min(1)).default(['police', 'health', 'education', 'probation', 'housing']),
  /** Repeat missing: this many episodes within this many days (default 3 in 90). */
  repeatMissing: z.object({
    episodes: z.number().int().min(2).default(3),
    days: z.number().int().min(1).default(90),
  }).prefault({}),
  /** Whether a return home interview must be done by someone other than the child's allocated worker. */
  rhiMustBeIndependent: z.boolean().default(true),
  /** Core groups after the first: every this many working days (no statutory interval; 20 is common). */
  coreGroupIntervalWorkingDays: z.number().int().min(1).max(65).default(20),
  /** Re-referral window in months (CIN census definition: 12). */
  reReferralMonths: z.number().int().min(1).max(24).default(12),
}).strict();

export type CouncilSettings = z.infer<typeof councilSettingsSchema>;

/** The settings a council has, defaults filled in. Throws (naming the key) on an invalid value. */
export function resolveSettings(stored: unknown): CouncilSettings {
  const parsed = councilSettingsSchema.safeParse(stored ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Council setting ${issue.path.join('.') || '(root)'} is invalid: ${issue.message}`);
  }
  return parsed.data;
}

export const DEFAULT_SETTINGS: CouncilSettings = resolveSettings({});
