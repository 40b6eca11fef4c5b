// Ofsted: a full ILACS inspection a few years ago and a focused visit since, with judgements by
// area (the areas in force at the time, per shared/reference/ilacs-annex-a.md §2), the
// recommendations, and the improvement plan's actions.
import { improvementActions, improvementRecommendations, inspectionJudgements, ofstedInspections } from '../db/schema/index.ts';
import { dayOf, iso, weekday, type Day } from './calendar.ts';
import { put, rngFor } from './context.ts';
import { serviceManagerOn } from './organisation.ts';
import type { World } from './world.ts';

const RECOMMENDATIONS = [
  'Improve the timeliness of initial child protection conferences.',
  'Strengthen management oversight and supervision so that it drives children’s plans.',
  'Ensure return home interviews are offered and completed for all children who go missing.',
  'Improve the quality and timeliness of pathway plans for care leavers.',
  'Reduce the number of changes of social worker for children in care.',
  'Improve the sufficiency of local foster placements.',
  'Ensure partner agencies respond to MASH information requests within agreed timescales.',
];

const ACTIONS = [
  'Weekly performance clinic with team managers',
  'Revise the supervision policy and audit compliance quarterly',
  'Commission an independent return home interview service',
  'Pathway plan template co-produced with care leavers',
  'Recruitment and retention package for permanent social workers',
  'Foster carer recruitment campaign',
  'Partnership escalation protocol for overdue MASH requests',
];

function monday(day: Day): Day {
  return day - ((weekday(day) + 6) % 7);
}

export function writeInspections(w: World): void {
  const rng = rngFor(w, 400);
  const full = monday(w.today - 1230);
  const focused = monday(w.today - 430);
  const visits: { start: Day; type: string; graded: boolean }[] = [
    { start: full, type: 'ilacs-standard', graded: true },
    { start: focused, type: 'focused-visit', graded: false },
  ];
  let recIndex = 0;
  for (const v of visits) {
    const end = v.start + (v.graded ? 11 : 3);
    const published = end + (v.graded ? 40 : 30);
    const overallInForce = v.start < dayOf('2026-04-01');
    const separateCareLeavers = v.start >= dayOf('2023-01-01');
    const inspection = put(w, ofstedInspections, {
      inspectionType: v.type, startDate: iso(v.start), endDate: iso(end), publishedDate: published <= w.today ? iso(published) : null,
      overallJudgement: v.graded && overallInForce ? 'requires-improvement' : null,
    }, v.start, Math.min(published, w.today));
    if (v.graded) {
      const areas: [string, string][] = [
        ['The impact of leaders on social work practice with children and families', 'requires-improvement'],
        ['The experiences and progress of children who need help and protection', 'good'],
        [separateCareLeavers ? 'The experiences and progress of children in care' : 'The experiences and progress of children in care and care leavers', 'requires-improvement'],
      ];
      if (separateCareLeavers) areas.push(['The experiences and progress of care leavers', 'good']);
      if (overallInForce) areas.unshift(['Overall effectiveness', 'requires-improvement']);
      for (const [area, judgement] of areas) put(w, inspectionJudgements, { inspectionId: inspection.id, area, judgement }, published <= w.today ? published : end);
    }
    const count = v.graded ? 5 : 2;
    for (let i = 0; i < count; i++) {
      const k = recIndex++ % RECOMMENDATIONS.length;
      const rec = put(w, improvementRecommendations, { inspectionId: inspection.id, recommendation: RECOMMENDATIONS[k]! }, Math.min(published, w.today));
      for (let a = 0; a < 2; a++) {
        const due = published + rng.int(90, 540);
        const completed = due - rng.int(-60, 60);
        const done = completed <= w.today && rng.chance(v.graded ? 0.8 : 0.3);
        const status = done ? 'complete' : due < w.today ? 'at-risk' : rng.chance(0.7) ? 'on-track' : 'not-started';
        put(w, improvementActions, {
          recommendationId: rec.id, action: `${ACTIONS[k]}${a ? ' (phase 2)' : ''}`,
          ownerWorkerId: serviceManagerOn(w.org, Math.min(published, w.today), rng).id,
          dueDate: iso(due), completedDate: done ? iso(completed) : null, status,
          version: done ? 2 : 1,
        }, Math.min(published, w.today), done ? completed : Math.min(published, w.today));
      }
    }
  }
}
