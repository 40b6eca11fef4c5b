import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assessmentClock, assessmentDueDate, isCompletedLate, waitingSince } from './timeliness.ts';

describe('Child and Family assessment due date (45 working days from the referral)', () => {
  const cases: [string, string, string][] = [
    ['the worked example in timescales.md, over Christmas and New Year', '2024-12-20', '2025-02-26'],
    ['a referral on a Friday, over Easter, the May Day and the spring bank holiday', '2026-03-27', '2026-06-04'],
    ['a referral on the test clock’s Monday, over Christmas 2026 (Boxing Day substitute on the 28th)', '2026-11-23', '2027-01-28'],
    ['a referral on a Saturday (day 0 is the Saturday itself)', '2026-11-21', '2027-01-27'],
    ['a referral on a bank holiday', '2026-12-25', '2027-03-02'],
    ['a Friday referral just before the clocks go back, landing after Christmas Day and the Boxing Day substitute', '2026-10-23', '2026-12-29'],
    ['a referral on the last day of a leap-year February', '2028-02-29', '2028-05-05'],
  ];
  for (const [name, referral, due] of cases) {
    it(name, () => assert.equal(assessmentDueDate(referral), due));
  }
  it('follows a council duration other than 45', () => {
    assert.equal(assessmentDueDate('2026-11-23', 1), '2026-11-24');
    assert.equal(assessmentDueDate('2026-11-20', 1), '2026-11-23', 'Friday + 1 working day is Monday');
  });
});

describe('where an assessment stands', () => {
  const referral = '2026-11-23'; // due 2027-01-28
  it('counts working days left, skipping the Christmas bank holidays', () => {
    const c = assessmentClock(referral, '2026-12-24');
    assert.equal(c.state, 'open');
    assert.equal(c.state === 'open' && c.workingDaysLeft, 22);
    assert.equal(c.dueDate, '2027-01-28');
  });
  it('says "Due today" on the due date', () => {
    const c = assessmentClock(referral, '2027-01-28');
    assert.deepEqual([c.state, c.label], ['open', 'Due today']);
  });
  it('is overdue the next day, by working days', () => {
    const c = assessmentClock(referral, '2027-02-01');
    assert.equal(c.state, 'overdue');
    assert.equal(c.state === 'overdue' && c.overdueWorkingDays, 2);
    assert.equal(c.label, 'Overdue by 2 working days');
  });
  it('is overdue at a weekend straight after a Friday due date, by calendar days', () => {
    const c = assessmentClock('2024-12-20', '2025-03-01'); // due Wed 26 Feb
    assert.equal(c.label, 'Overdue by 2 working days');
    const friday = assessmentClock('2026-11-20', '2026-11-21', null, 5); // due Fri 27 Nov
    assert.equal(friday.dueDate, '2026-11-27');
    const saturday = assessmentClock('2026-11-20', '2026-11-28', null, 5);
    assert.deepEqual([saturday.state, saturday.label], ['overdue', 'Overdue by 1 day']);
  });
  it('reports completion in time, on the due date, and late', () => {
    assert.equal(assessmentClock(referral, '2027-03-01', '2027-01-28').state, 'completed-in-time');
    const late = assessmentClock(referral, '2027-03-01', '2027-02-01');
    assert.equal(late.state, 'completed-late');
    assert.equal(late.label, 'Completed 2 working days late');
  });
});

describe('late completion', () => {
  it('is late only after the 45th working day', () => {
    assert.equal(isCompletedLate('2024-12-20', '2025-02-26'), false);
    assert.equal(isCompletedLate('2024-12-20', '2025-02-27'), true);
    assert.equal(isCompletedLate('2026-03-27', '2026-06-04'), false);
    assert.equal(isCompletedLate('2026-03-27', '2026-06-05'), true);
  });
});

describe('waiting since the referral', () => {
  it('counts working and calendar days', () => {
    assert.deepEqual(waitingSince('2026-11-20', '2026-11-23'), { workingDays: 1, calendarDays: 3 });
    assert.deepEqual(waitingSince('2026-12-24', '2026-12-29'), { workingDays: 1, calendarDays: 5 });
    assert.deepEqual(waitingSince('2026-11-23', '2026-11-23'), { workingDays: 0, calendarDays: 0 });
  });
});
