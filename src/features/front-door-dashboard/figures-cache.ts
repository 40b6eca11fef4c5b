// The computed figures, held in memory for a few seconds per council so that a room of managers
// watching the dashboard (and each live refresh) costs one set of queries, not one per viewer.
// A front door change announced on the live-updates bus forgets them at once; the time limit covers
// changes made by another Hearth process, which this one never hears about.
import { onAnnounce } from '../../server/live-updates.ts';

export class FiguresCache<T> {
  private entries = new Map<number, { at: number; value: Promise<T> }>();
  constructor(private readonly ttlMs: number, private readonly clock: () => number = Date.now) {
    onAnnounce('front-door', () => this.clear());
  }

  /** The cached value for a council, or a fresh one from `compute` (concurrent callers share one computation). */
  get(councilId: number, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(councilId);
    if (hit && this.clock() - hit.at < this.ttlMs) return hit.value;
    const value = compute();
    const entry = { at: this.clock(), value };
    this.entries.set(councilId, entry);
    // A failed computation is not kept.
    value.catch(() => { if (this.entries.get(councilId) === entry) this.entries.delete(councilId); });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
