// What the MASH pages and API show: every field named here, never a raw row.
import { OUTCOME_LABEL, decisionConflicts, isOutcome } from '../../domain/front-door/decision.ts';
import { REQUEST_STATUS_LABEL, age, decisionDeadline, isRag, nextStepsDeadline, requestStatus, timeLeft, type Rag } from '../../domain/front-door/mash.ts';
import type { TimescaleDefinition } from '../../domain/timescales/definitions.ts';
import type { QueueRow, Triage } from './queries.ts';

export const RAG_TAG: Record<Rag, string> = { red: 'govuk-tag--red', amber: 'govuk-tag--orange', green: 'govuk-tag--green' };

export function outcomeLabel(outcome: string | null | undefined): string {
  return outcome ? (isOutcome(outcome) ? OUTCOME_LABEL[outcome] : outcome) : '';
}

export function presentQueueRow(row: QueueRow, now: Date, definitions: readonly TimescaleDefinition[]) {
  const due = decisionDeadline(row.receivedAt, row.rag, definitions);
  const left = timeLeft(due, now);
  return {
    contactId: row.contactId, childId: row.childId, childName: `${row.forename} ${row.surname}`.trim(),
    receivedAt: row.receivedAt.toISOString(), age: age(row.receivedAt, now),
    rag: row.rag, rated: row.rated, ragTag: RAG_TAG[row.rag], significantHarm: row.significantHarm,
    status: row.status, decision: row.decision, decisionLabel: outcomeLabel(row.decision), decidedBy: row.decidedByName,
    decisionDueAt: due.toISOString(), timeLeft: left.label, minutesLeft: left.minutes,
    // A proposed decision has met the MASH's clock; what it waits for now is a manager.
    overdue: row.status === 'open' && left.overdue,
    requestsOutstanding: row.requestsOutstanding, requestsLate: row.requestsLate, version: row.version,
  };
}

export type PresentedQueueRow = ReturnType<typeof presentQueueRow>;

export function presentTriage(t: Triage, now: Date, definitions: readonly TimescaleDefinition[]) {
  const rag: Rag | null = t.episode && isRag(t.episode.rag) ? t.episode.rag : null;
  const provisional: Rag = rag ?? (isRag(t.contact.urgency) ? t.contact.urgency : 'amber');
  const due = decisionDeadline(t.contact.receivedAt, provisional, definitions);
  const left = timeLeft(due, now);
  const nextSteps = nextStepsDeadline(t.contact.receivedAt, definitions);
  // A decision waiting for a manager is "awaiting sign-off" even where an older record already marked the
  // contact decided (the synthetic history does: decided by the MASH, sign-off minutes later).
  const proposed = Boolean(t.episode?.decision) && !t.episode?.signedOffAt;
  const decided = !proposed && (t.contact.status === 'decided' || Boolean(t.episode?.signedOffAt));
  return {
    contact: {
      id: t.contact.id, version: t.contact.version, receivedAt: t.contact.receivedAt.toISOString(), source: t.contact.source,
      referrerName: t.contact.referrerName, referrerOrganisation: t.referrerOrganisation, factors: t.contact.factors, summary: t.contact.summary,
      consent: t.contact.consent, urgency: t.contact.urgency, significantHarm: t.contact.significantHarm, status: t.contact.status,
      outcome: t.contact.outcome, outcomeLabel: outcomeLabel(t.contact.outcome), decidedAt: t.contact.decidedAt?.toISOString() ?? null,
    },
    child: { id: t.child.id, forename: t.child.forename, surname: t.child.surname, dateOfBirth: t.child.dateOfBirth },
    rating: rag ? { rag, ragTag: RAG_TAG[rag], rationale: t.episode!.ragRationale } : null,
    deadline: {
      rag: provisional, dueAt: due.toISOString(), timeLeft: left.label, overdue: !decided && !proposed && left.overdue,
      nextStepsDueAt: nextSteps.toISOString(), provisional: rag === null,
    },
    decision: t.episode?.decision ? {
      outcome: t.episode.decision, label: outcomeLabel(t.episode.decision), rationale: t.episode.decisionRationale, conflictReason: t.episode.conflictReason,
      decidedAt: t.episode.decidedAt?.toISOString() ?? null, decidedBy: t.decidedByName, decidedByWorkerId: t.episode.decidedByWorkerId,
      signedOffAt: t.episode.signedOffAt?.toISOString() ?? null, signedOffBy: t.signedOffByName,
      conflicts: isOutcome(t.episode.decision) ? decisionConflicts({ rag: provisional, significantHarm: t.contact.significantHarm, outcome: t.episode.decision }) : [],
    } : null,
    status: decided ? 'decided' : proposed ? 'awaiting-sign-off' : 'open',
    requests: t.requests.map((r) => {
      const status = requestStatus(r, now);
      return {
        id: r.id, organisation: r.organisation, kind: r.kind, question: r.question, requestedAt: r.requestedAt.toISOString(), dueAt: r.dueAt.toISOString(),
        status, statusLabel: REQUEST_STATUS_LABEL[status], late: status === 'late' || status.endsWith('-late'),
        answeredAt: r.answeredAt?.toISOString() ?? null, shared: r.shared, answer: r.answer, declineReason: r.declineReason,
        chaseCount: r.chaseCount, lastChasedAt: r.lastChasedAt?.toISOString() ?? null, canChase: !r.answeredAt,
      };
    }),
    history: {
      contacts: t.previousContacts.map((c) => ({ id: c.id, receivedAt: c.receivedAt.toISOString(), outcome: c.outcome, outcomeLabel: outcomeLabel(c.outcome), status: c.status })),
      referrals: t.previousReferrals.map((r) => ({ id: r.id, referralDate: r.referralDate, isReReferral: r.isReReferral })),
    },
    signOffs: t.signOffs.map((s) => ({ date: s.date, note: s.note, manager: s.manager })),
  };
}

export type PresentedTriage = ReturnType<typeof presentTriage>;
