// A signed-in browser for timing pages. Like test/support/http-client.ts it keeps the session cookie
// and posts the sign-in form's CSRF token, but it does not parse the HTML it receives: that would
// run in this same process and be counted in every timing.

export interface TimedReply { status: number; ms: number; bytes: number; text: string }

export class BenchClient {
  private cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  private async send(method: string, path: string, body?: URLSearchParams): Promise<{ status: number; location: string | null; text: string }> {
    const headers: Record<string, string> = { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (body) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(this.base + path, { method, headers, body: body?.toString(), redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const pair = c.split(';')[0]!;
      const eq = pair.indexOf('=');
      this.cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
    return { status: res.status, location: res.headers.get('location'), text: await res.text() };
  }

  /** One GET, timed from sending the request to the last byte of the body, on a monotonic clock. */
  async timedGet(path: string): Promise<TimedReply> {
    const started = performance.now();
    const { status, text } = await this.send('GET', path);
    return { status, ms: performance.now() - started, bytes: Buffer.byteLength(text), text };
  }

  async signIn(username: string, password = 'hearth-demo'): Promise<void> {
    const page = await this.send('GET', '/sign-in');
    const token = /name="_csrf" value="([^"]+)"/.exec(page.text)?.[1];
    if (!token) throw new Error(`the sign-in page (${page.status}) has no CSRF token`);
    const r = await this.send('POST', '/sign-in', new URLSearchParams({ _csrf: token, username, password }));
    if (r.status !== 303 || !r.location) throw new Error(`sign-in as ${username} failed: ${r.status}`);
  }
}
