// Figures for performance analysts: counts and rates only, never a name or an identifier.
import { sql } from 'drizzle-orm';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { londonDate } from '../../web/format.ts';
import { addMonths } from '../../domain/calendar/dates.ts';

export function figuresRoutes(deps: AppDeps): RouteDef[] {
  return [{
    method: 'get', path: '/figures', roles: ['analyst', 'service-manager', 'team-manager'], summary: 'Headline figures (no personal data)',
    handler: async (_req, res) => {
      const today = londonDate(deps.now());
      const yearAgo = addMonths(today, -12);
      const [f] = await deps.database.rows<Record<string, number>>(sql`select
        (select count(*) from people where person_type = 'child')::int as children,
        (select count(*) from cin_episodes where end_date is null)::int as open_cin,
        (select count(*) from cp_plans where end_date is null)::int as open_cp,
        (select count(*) from periods_of_care where end_date is null)::int as looked_after,
        (select count(*) from contacts where status <> 'draft' and received_at >= ${yearAgo}::date)::int as contacts_year,
        (select count(*) from referrals where referral_date >= ${yearAgo}::date)::int as referrals_year,
        (select count(*) from referrals where referral_date >= ${yearAgo}::date and is_re_referral)::int as re_referrals_year,
        (select count(*) from allocations where end_date is null and worker_id is null)::int as awaiting_allocation`);
      const pct = (a: number, b: number) => (b ? `${Math.round((1000 * a) / b) / 10}%` : 'none in the period');
      res.render('figures/views/figures.njk', {
        title: 'Figures',
        rows: [
          ['Children known to the service', f!.children],
          ['Children in need (open episodes)', f!.open_cin],
          ['Children on a child protection plan', f!.open_cp],
          ['Children looked after', f!.looked_after],
          ['Contacts in the last 12 months', f!.contacts_year],
          ['Referrals in the last 12 months', f!.referrals_year],
          ['Re-referrals within 12 months (England 2024: 22%)', pct(f!.re_referrals_year ?? 0, f!.referrals_year ?? 0)],
          ['Children awaiting allocation to a worker', f!.awaiting_allocation],
        ],
      });
    },
  }];
}
