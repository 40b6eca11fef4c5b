import 'express-session';

declare module 'express-session' {
  interface SessionData {
    userId: number;
    signedInAt: number;
    returnTo: string;
    /** A form posted after the session expired: shown again, filled, after signing in. */
    pendingForm: { path: string; body: Record<string, unknown>; savedAt: number };
    flash: { kind: 'success' | 'important'; text: string };
    oidc: { state: string; nonce: string; codeVerifier: string; returnTo?: string };
  }
}
