// What leaves the server about a contact or a candidate match: named fields, never a raw row.
import { codeLabel } from '../../domain/code-sets/index.ts';
import type { AdultCandidate, ChildCandidate, DuplicatePair } from './queries.ts';

export function presentContact(r: Record<string, unknown>) {
  const factors = (r.factors as string[] | null) ?? [];
  return {
    id: Number(r.id),
    childId: Number(r.child_id),
    childName: `${r.forename} ${r.surname}`,
    status: String(r.status),
    receivedAt: new Date(r.received_at as string).toISOString(),
    source: String(r.source),
    sourceLabel: codeLabel('cinReferralSource', String(r.source)),
    referrerName: (r.referrer_name as string | null) ?? null,
    referrerOrganisationId: r.referrer_organisation_id == null ? null : Number(r.referrer_organisation_id),
    referrerOrganisation: (r.organisation_name as string | null) ?? null,
    factors: factors.map((code) => ({ code, label: codeLabel('cinAssessmentFactors', code) })),
    summary: String(r.summary ?? ''),
    significantHarm: Boolean(r.significant_harm),
    consent: (r.consent as string | null) ?? null,
    urgency: String(r.urgency),
    outcome: (r.outcome as string | null) ?? null,
    version: Number(r.version),
  };
}

export function presentChildCandidate(c: ChildCandidate) {
  return {
    id: c.id, kind: 'child' as const, name: `${c.forename} ${c.surname}`, dateOfBirth: c.dateOfBirth, expectedDateOfBirth: c.expectedDateOfBirth,
    postcode: c.postcode, laChildId: c.laChildId, restricted: c.restricted, score: c.match.score, strength: c.match.strength, reasons: c.match.reasons,
  };
}

export function presentAdultCandidate(a: AdultCandidate) {
  return {
    id: a.id, kind: 'adult' as const, name: `${a.forename} ${a.surname}`, dateOfBirth: a.dateOfBirth, postcode: a.postcode,
    score: a.match.score, strength: a.match.strength, reasons: a.match.reasons,
    children: a.children.map((c) => ({ id: c.id, name: c.name, relationship: c.relationship })),
  };
}

export function presentDuplicate(d: DuplicatePair) {
  return { keep: { id: d.keep.id, name: `${d.keep.forename} ${d.keep.surname}` }, merge: { id: d.merge.id, name: `${d.merge.forename} ${d.merge.surname}` }, reason: d.reason };
}
