// Live updates for pages that watch a queue or a dashboard: commands announce that something changed
// (`announce('front-door')`), and a page's Server-Sent Events stream tells the browser to fetch fresh
// figures. In-process: one Hearth process sees its own writes at once. (Several processes behind a
// load balancer would need PostgreSQL LISTEN/NOTIFY here; streams also refresh on a timer, so a
// change from another process shows within that interval.)
import { EventEmitter } from 'node:events';
import type { Request, Response } from 'express';

export type Topic = 'front-door' | 'protection' | 'missing';

const bus = new EventEmitter();
bus.setMaxListeners(0);

/** Say that data behind a topic changed. Call after the transaction commits. */
export function announce(topic: Topic): void {
  bus.emit(topic);
}

/** Wait for a command's transaction to commit, then announce the topic (never before: a page must not fetch figures that do not yet include the change). */
export async function announceAfter<T>(topic: Topic, committed: Promise<T>): Promise<T> {
  const result = await committed;
  announce(topic);
  return result;
}

/** Run `listener` whenever `topic` is announced (e.g. to forget cached figures). Returns a function that stops it. */
export function onAnnounce(topic: Topic, listener: () => void): () => void {
  bus.on(topic, listener);
  return () => { bus.off(topic, listener); };
}

/**
 * Hold an SSE stream open: sends `event: changed` when the topic is announced (at most once per
 * `minGapMs`), `event: tick` every `tickMs` so figures age even when nothing is recorded, and a comment
 * every 25 s to keep proxies from closing an idle connection.
 */
export function streamChanges(req: Request, res: Response, topic: Topic, opts: { minGapMs?: number; tickMs?: number; page: string }): void {
  // Only a browser's EventSource asks for a stream. Anything else (a link followed, a client requesting
  // every route) would wait for the end of a response that never ends: tell it where the page is.
  if (!String(req.headers.accept ?? '').includes('text/event-stream')) {
    res.status(406).type('text/plain').send(`This address streams live updates for ${opts.page}; open that page instead.`);
    return;
  }
  const minGap = opts.minGapMs ?? 1000;
  res.status(200).set({ 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive', 'X-Accel-Buffering': 'no' });
  res.flushHeaders();
  res.write('retry: 5000\n\n');
  let last = 0;
  let pending: NodeJS.Timeout | undefined;
  let id = 0;
  const send = (event: string) => { res.write(`id: ${++id}\nevent: ${event}\ndata: {}\n\n`); };
  const onChange = () => {
    if (pending) return;
    const wait = Math.max(0, last + minGap - Date.now());
    pending = setTimeout(() => { pending = undefined; last = Date.now(); send('changed'); }, wait);
  };
  bus.on(topic, onChange);
  const tick = setInterval(() => send('tick'), opts.tickMs ?? 60_000);
  const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 25_000);
  req.on('close', () => {
    bus.off(topic, onChange);
    clearInterval(tick);
    clearInterval(keepAlive);
    if (pending) clearTimeout(pending);
  });
}
