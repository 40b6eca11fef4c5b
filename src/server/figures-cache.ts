// Computed figures held in memory for a short time, so that a room of managers watching a dashboard
// (and each live refresh) costs one set of queries, not one per viewer. Announcing any of the cache's
// topics on the live-updates bus forgets the figures at once; the time limit covers changes made by
// another Hearth process, which this one never hears about. One cache per app (tests run several).
import { onAnnounce, type Topic } from './live-updates.ts';

export class FiguresCache<T> {
  private entries = new Map<string, { at: number; value: Promise<T> }>();

  constructor(private readonly ttlMs: number, topics: readonly Topic[], private readonly clock: () => number = Date.now) {
    for (const topic of topics) onAnnounce(topic, () => this.clear());
  }

  /** The cached value for a key (a council, a council and day...), or a fresh one from `compute`; concurrent callers share one computation. */
  get(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && this.clock() - hit.at < this.ttlMs) return hit.value;
    const value = compute();
    const entry = { at: this.clock(), value };
    this.entries.set(key, entry);
    // A failed computation is not kept.
    value.catch(() => { if (this.entries.get(key) === entry) this.entries.delete(key); });
    return value;
  }

  clear(): void {
    this.entries.clear();
  }
}
