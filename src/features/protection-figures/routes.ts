// Child protection and missing figures for analysts and managers, each with the children behind it.
// The figures page names nobody; a drill-down lists the children counted (names only where the user
// may open the record, see queries.ts drillDown) and is audited as a list with the child ids.
import type { Request, Response } from 'express';
import type { CurrentUser } from '../../server/access/current-user.ts';
import { recordAudit } from '../../server/audit/record.ts';
import { NotFoundOrNoAccess, ValidationError } from '../../server/errors.ts';
import type { AppDeps, RouteDef } from '../../server/route-types.ts';
import { FiguresCache } from '../../server/figures-cache.ts';
import { londonDate } from '../../web/format.ts';
import { formatValue, monthName, presentFiguresJson, presentFiguresPage, asAtTime } from './presenters.ts';
import { computeProtectionFigures, drillDown, DRILL_DOWN_PAGE_SIZE, FIGURES_TTL_MS, MEASURES, type Measure, type MeasureId, type ProtectionFigures } from './queries.ts';
import { drillDownQuery, type DrillDownQuery } from './schema.ts';

const ROLES = ['analyst', 'service-manager', 'team-manager'] as const;

export function protectionFiguresRoutes(deps: AppDeps): RouteDef[] {
  // Computed at most once per FIGURES_TTL_MS (and again when the London date changes); recording a
  // conference, plan, visit or missing episode in this process forgets them at once.
  const cache = new FiguresCache<ProtectionFigures>(FIGURES_TTL_MS, ['protection', 'missing']);
  const protectionFigures = () => cache.get(`${deps.council.id}:${londonDate(deps.now())}`, () => computeProtectionFigures(deps));

  async function loadDrillDown(req: Request, res: Response) {
    const user = res.locals.user as CurrentUser;
    const id = String(req.params.measure);
    if (!(MEASURES as readonly string[]).includes(id)) throw new NotFoundOrNoAccess('figure');
    const figures = await protectionFigures();
    const measure = figures.measures.find((m) => m.id === (id as MeasureId))!;
    const query = (res.locals.query ?? {}) as DrillDownQuery;
    const month = query.month || undefined;
    const page = query.page ?? 1;
    if (month !== undefined && !figures.months.includes(month)) {
      throw new ValidationError([{ field: 'month', message: `Choose a month from ${monthName(figures.months[0]!)} to ${monthName(figures.months[figures.months.length - 1]!)}` }]);
    }
    const { rows, total, pages } = await drillDown(deps, user, measure, month, figures, page);
    if (page > pages) throw new ValidationError([{ field: 'page', message: `Choose a page from 1 to ${pages}` }]);
    await recordAudit(deps.database.db, deps.council.id, user, {
      action: 'list', entity: 'child', detail: { view: 'protection-figures', measure: measure.id, month: month ?? null, page, children: rows.map((r) => r.childId) },
    });
    return { user, figures, measure, month, rows, total, page, pages };
  }

  function periodLabel(figures: ProtectionFigures, measure: Measure, month: string | undefined): string {
    if (month) return monthName(month);
    if (measure.kind === 'stock') return `today (${monthName(figures.months[figures.months.length - 1]!)})`;
    return `${monthName(figures.months[0]!)} to ${monthName(figures.months[figures.months.length - 1]!)}`;
  }

  return [{
    method: 'get', path: '/figures/protection', roles: ROLES, summary: 'Child protection and missing figures with 12-month trends',
    handler: async (_req, res) => {
      const figures = await protectionFigures();
      res.render('protection-figures/views/figures.njk', { title: 'Child protection and missing figures', ...presentFiguresPage(figures) });
    },
  }, {
    method: 'get', path: '/figures/protection/:measure', roles: ROLES, query: drillDownQuery,
    summary: 'The children behind one child protection or missing figure',
    handler: async (req, res) => {
      const { user, figures, measure, month, rows, total, page, pages } = await loadDrillDown(req, res);
      const mayName = rows.some((r) => r.name !== null);
      const link = (p: number) => `/figures/protection/${measure.id}?${new URLSearchParams({ ...(month ? { month } : {}), page: String(p) })}`;
      res.render('protection-figures/views/drill-down.njk', {
        title: measure.title, measure, period: periodLabel(figures, measure, month), asAt: asAtTime(figures.asAt),
        headline: formatValue(measure, month ? measure.months.find((m) => m.month === month)!.value : measure.value),
        rows, mayName, analyst: user.role === 'analyst', total, page, pages,
        first: (page - 1) * DRILL_DOWN_PAGE_SIZE + 1, last: (page - 1) * DRILL_DOWN_PAGE_SIZE + rows.length,
        pagination: pages > 1 ? {
          ...(page > 1 ? { previous: { href: link(page - 1) } } : {}),
          ...(page < pages ? { next: { href: link(page + 1) } } : {}),
          items: Array.from({ length: pages }, (_, i) => ({ number: i + 1, href: link(i + 1), current: i + 1 === page })),
        } : null,
        months: figures.months.map((m) => ({ value: m, text: monthName(m), selected: m === month })),
      });
    },
  }, {
    method: 'get', path: '/api/v1/figures/protection', roles: ROLES, api: true, tag: 'Figures',
    summary: 'Child protection and missing figures: value, numerator, denominator, 12 monthly values and the national comparison',
    response: { description: 'Every figure with its monthly trend (no child is named)' },
    handler: async (_req, res) => {
      res.json(presentFiguresJson(await protectionFigures()));
    },
  }, {
    method: 'get', path: '/api/v1/figures/protection/:measure', roles: ROLES, api: true, tag: 'Figures', query: drillDownQuery,
    summary: 'The children counted in one figure (names only for children you may open)',
    response: { description: 'One row per child counted: how many events counted and met, and the latest' },
    handler: async (req, res) => {
      const { figures, measure, month, rows, total, page, pages } = await loadDrillDown(req, res);
      res.json({
        measure: measure.id, title: measure.title, month: month ?? null, asAt: figures.asAt.toISOString(),
        total, page, pages, pageSize: DRILL_DOWN_PAGE_SIZE,
        period: periodLabel(figures, measure, month),
        children: rows.map((r) => ({ childId: r.childId, name: r.name, counted: r.counted, met: r.met, latestOn: r.latestOn, latestNote: r.latestNote })),
      });
    },
  }];
}
