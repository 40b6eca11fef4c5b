// Printing the figures: a table per engine as it finishes, then a summary against the targets.
import type { EngineName, ProfileName } from './options.ts';
import { PAGE_LABELS, PAGES, type LatencyResult, type PageName } from './latency.ts';
import type { MachineFacts } from './machine.ts';
import type { ObligationsResult } from './obligations.ts';
import type { SeedResult } from './seed.ts';
import type { ContactLoadResult } from './contact-load.ts';
import type { FrontDoorDashboardResult } from './front-door.ts';
import type { ProtectionResult } from './protection.ts';

export interface EngineResult {
  engine: EngineName;
  version: string;
  /** Tables with planner statistics when the pages were timed (nobody runs ANALYZE after seeding). */
  analysedTables: string;
  seed: SeedResult;
  obligations: ObligationsResult;
  latency: LatencyResult;
  contactLoad?: ContactLoadResult;
  frontDoor?: FrontDoorDashboardResult;
  /** Chair view, CP figures and drill-downs: bench/protection.ts. */
  protection?: ProtectionResult;
}

/** The brief's targets: page p95 on the large profile, and seeding the medium profile. */
export const TARGETS = {
  pageP95Ms: { postgres: 100, pglite: 250 } satisfies Record<EngineName, number>,
  pageProfile: 'large' as ProfileName,
  seedSeconds: 60,
  seedProfile: 'medium' as ProfileName,
};

export const ENGINE_LABELS: Record<EngineName, string> = { pglite: 'PGlite', postgres: 'PostgreSQL' };

const int = (n: number) => Math.round(n).toLocaleString('en-GB');
const ms = (n: number) => n.toFixed(1);

export function rowCountLines(counts: Record<string, number>): string[] {
  const cells = Object.entries(counts).map(([table, n]) => `${table.padEnd(30)}${int(n).padStart(10)}`);
  const lines: string[] = [];
  for (let i = 0; i < cells.length; i += 3) lines.push(`    ${cells.slice(i, i + 3).join('   ')}`);
  return lines;
}

export function engineTable(r: EngineResult, profile: ProfileName): string {
  const o = r.obligations;
  const lines = [
    '',
    `${ENGINE_LABELS[r.engine]}, ${profile} profile: ${r.version}`,
    `  Seed                    ${r.seed.seconds.toFixed(1).padStart(8)} s   ${int(r.seed.totalRows)} rows (${int(r.seed.counts.children ?? 0)} children, ${int(r.seed.counts.contacts ?? 0)} contacts)`,
    `  Obligations, all open   ${o.totalSeconds.toFixed(1).padStart(8)} s   ${int(o.children)} children, ${int(o.openObligations)} open (${int(o.overdue)} overdue); `
      + `load ${o.loadSeconds.toFixed(1)} s, compute ${o.computeSeconds.toFixed(1)} s; per child: compute median ${o.computeMsPerChild.median.toFixed(2)} ms, all-in ${o.totalMsPerChild.toFixed(2)} ms`,
    ...(o.errors ? [`  OBLIGATION ERRORS        ${int(o.errors)} children failed; first: ${o.firstError}`] : []),
    `  Planner statistics      ${r.analysedTables}`,
    `  Search quality          ${r.latency.searchesFound} of ${r.latency.searchesForOwnTeam} searches naming a child on the social worker's team (one typo) found that child`,
    `  ${'Page (ms)'.padEnd(26)}${'median'.padStart(8)}${'p95'.padStart(8)}${'p99'.padStart(8)}${'max'.padStart(8)}${'KiB'.padStart(7)}${'fails/n'.padStart(10)}${'load'.padStart(6)}`,
  ];
  for (const page of PAGES.filter((name) => r.latency.pages[name])) {
    const p = r.latency.pages[page];
    lines.push(`  ${PAGE_LABELS[page].padEnd(26)}${ms(p.median).padStart(8)}${ms(p.p95).padStart(8)}${ms(p.p99).padStart(8)}${ms(p.max).padStart(8)}${p.meanKiB.toFixed(0).padStart(7)}${`${p.failures}/${p.n}`.padStart(10)}${p.loadAverage.toFixed(1).padStart(6)}`);
    if (page !== 'search') continue;
    for (const [kind, k] of Object.entries(r.latency.searchKinds)) {
      lines.push(`    ${`by ${kind}`.padEnd(24)}${ms(k.median).padStart(8)}${ms(k.p95).padStart(8)}${ms(k.p99).padStart(8)}${ms(k.max).padStart(8)}${''.padStart(7)}${`n ${k.n}`.padStart(10)}`);
    }
  }
  const f = r.frontDoor;
  if (f) {
    lines.push(`  Front door dashboard (ms, median/p95): figures from scratch ${ms(f.compute.median)}/${ms(f.compute.p95)}, page ${ms(f.page.median)}/${ms(f.page.p95)}, `
      + `fragment ${ms(f.fragment.median)}/${ms(f.fragment.p95)}, API ${ms(f.api.median)}/${ms(f.api.p95)}, change to fresh figures on screen ${ms(f.live.median)}/${ms(f.live.p95)}; failures ${f.failures}`);
  }
  const pr = r.protection;
  if (pr) {
    lines.push(`  CP figures computed cold: median ${ms(pr.coldCompute.median)} ms, max ${ms(pr.coldCompute.max)} ms (once per cache period). Chair view, figures and drill-downs (ms):`);
    for (const t of pr.pages) lines.push(`    ${`${t.path} (${t.user})`.slice(0, 60).padEnd(60)}${ms(t.median).padStart(8)}${ms(t.p95).padStart(8)}${`${t.failures}/${t.n}`.padStart(10)}`);
  }
  const c = r.contactLoad;
  if (c) {
    lines.push(`  Contact recording: ${c.users} users for ${c.seconds} s: ${int(c.created)} contacts (${c.perSecond.toFixed(1)}/s), `
      + `median ${ms(c.latency.median)} ms, p95 ${ms(c.latency.p95)} ms; non-201 ${JSON.stringify(c.otherStatuses)}, errors ${c.errors}, timeouts ${c.timeouts}; `
      + `lost writes ${c.lostWrites}, unacknowledged rows ${c.unacknowledgedRows}, duplicate ids ${c.duplicateIds}${c.firstFailure ? `; first failure: ${c.firstFailure}` : ''}`);
  }
  return lines.join('\n');
}

export interface Verdict { check: string; engine: EngineName; value: number; target: number; pass: boolean; applies: boolean }

export function verdicts(results: EngineResult[], profile: ProfileName): Verdict[] {
  const out: Verdict[] = [];
  for (const r of results) {
    out.push({
      check: `Seed ${profile} (s)`, engine: r.engine, value: r.seed.seconds, target: TARGETS.seedSeconds,
      pass: r.seed.seconds < TARGETS.seedSeconds, applies: profile === TARGETS.seedProfile,
    });
    for (const page of PAGES.filter((name) => r.latency.pages[name])) {
      const p = r.latency.pages[page];
      out.push({
        check: `${PAGE_LABELS[page]} p95 (ms)`, engine: r.engine, value: p.p95, target: TARGETS.pageP95Ms[r.engine],
        pass: p.p95 < TARGETS.pageP95Ms[r.engine] && p.failures === 0, applies: profile === TARGETS.pageProfile,
      });
    }
    const c = r.contactLoad;
    if (c) {
      const problems = c.errors + c.timeouts + c.lostWrites + c.unacknowledgedRows + c.duplicateIds + Object.values(c.otherStatuses).reduce((a, b) => a + b, 0);
      out.push({ check: `${c.users} users recording: failures`, engine: r.engine, value: problems, target: 1, pass: problems === 0 && c.created > 0, applies: true });
    }
  }
  return out;
}

export function summaryTable(results: EngineResult[], profile: ProfileName, machine: MachineFacts, vs: Verdict[]): string {
  const engines = results.map((r) => r.engine);
  const checks = [...new Set(vs.map((v) => v.check))];
  const cell = (v: Verdict | undefined) => {
    if (!v) return ''.padStart(24);
    const mark = v.pass ? 'ok' : 'MISSED';
    return `${v.value.toFixed(1).padStart(8)} < ${String(v.target).padEnd(4)}${(v.applies ? mark : `(${mark})`).padStart(11)}`;
  };
  const lines = [
    '',
    `Summary: ${profile} profile. Targets: page p95 under ${TARGETS.pageP95Ms.postgres} ms on PostgreSQL and ${TARGETS.pageP95Ms.pglite} ms on PGlite `
      + `(${TARGETS.pageProfile} profile); seeding ${TARGETS.seedProfile} under ${TARGETS.seedSeconds} s. Verdicts in brackets are indicative: the target is set for another profile.`,
    `  ${''.padEnd(34)}${engines.map((e) => ENGINE_LABELS[e].padStart(24)).join('  ')}`,
  ];
  for (const check of checks) {
    lines.push(`  ${check.padEnd(34)}${engines.map((e) => cell(vs.find((v) => v.check === check && v.engine === e))).join('  ')}`);
  }
  const failures = results.reduce((s, r) => s + PAGES.reduce((t, p: PageName) => t + (r.latency.pages[p]?.failures ?? 0), 0), 0);
  const obligationErrors = results.reduce((s, r) => s + r.obligations.errors, 0);
  lines.push(`  Non-200 responses: ${failures}; children whose obligations failed to compute: ${obligationErrors}`);
  lines.push(`  Machine: ${machine.cpuCount} x ${machine.cpuModel}, ${machine.totalMemoryGiB} GiB, ${machine.os}, Node ${machine.node}`);
  const busiest = Math.max(...results.flatMap((r) => PAGES.filter((p) => r.latency.pages[p]).map((p) => r.latency.pages[p].loadAverage)));
  lines.push(`  Load average (1 min) while timing pages: up to ${busiest.toFixed(1)} on ${machine.cpuCount} CPUs${busiest > machine.cpuCount ? ': OTHER WORK WAS COMPETING, figures are pessimistic' : ''}`);
  for (const r of results) lines.push(`  ${ENGINE_LABELS[r.engine]}: ${r.version}`);
  return lines.join('\n');
}
