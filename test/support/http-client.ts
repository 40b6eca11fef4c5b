// A signed-in user for HTTP tests: keeps the session cookie, reads each form's CSRF token, and posts
// it back, as a browser would. CSRF stays on in tests so that the tests prove it works.
import * as cheerio from 'cheerio';

export interface Reply { status: number; location: string | null; text: string; $: cheerio.CheerioAPI; json: () => unknown }

export class Client {
  private cookies = new Map<string, string>();
  csrf = '';

  constructor(readonly base: string) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(method: string, path: string, body?: Record<string, string> | object, opts: { json?: boolean; headers?: Record<string, string> } = {}): Promise<Reply> {
    const headers: Record<string, string> = { cookie: this.cookieHeader(), ...opts.headers };
    let payload: string | undefined;
    if (body !== undefined) {
      if (opts.json) {
        headers['content-type'] = 'application/json';
        headers['x-csrf-token'] = this.csrf;
        payload = JSON.stringify(body);
      } else {
        headers['content-type'] = 'application/x-www-form-urlencoded';
        payload = new URLSearchParams({ _csrf: this.csrf, ...(body as Record<string, string>) }).toString();
      }
    }
    const res = await fetch(this.base + path, { method, headers, body: payload, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq);
      const value = pair!.slice(eq + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(c) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    const $ = cheerio.load(text);
    const token = $('input[name="_csrf"]').first().val();
    if (typeof token === 'string' && token) this.csrf = token;
    return { status: res.status, location: res.headers.get('location'), text, $, json: () => JSON.parse(text) };
  }

  get(path: string) { return this.request('GET', path); }
  post(path: string, body: Record<string, string>) { return this.request('POST', path, body); }

  /** Signs in; returns where Hearth sent the user. Throws if sign-in fails. */
  async signIn(username: string, password = process.env.HEARTH_DEMO_PASSWORD ?? 'hearth-demo'): Promise<string> {
    await this.get('/sign-in');
    const r = await this.post('/sign-in', { username, password });
    if (r.status !== 303 || !r.location) throw new Error(`sign-in as ${username} failed: ${r.status} ${r.$('.govuk-error-summary').text().trim()}`);
    return r.location;
  }

  forgetSession() {
    this.cookies.clear();
  }
}
