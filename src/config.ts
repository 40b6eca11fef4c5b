// Configuration: process.env parsed once, with safe defaults for a development machine.
import { resolve } from 'node:path';
import { z } from 'zod';

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres://').optional(),
  HEARTH_DATA_DIR: z.string().default('./data'),
  HEARTH_SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  HEARTH_DEMO_PASSWORD: z.string().min(8).default('hearth-demo'),
  HEARTH_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(30),
  HEARTH_SEED_PROFILE: z.enum(['small', 'medium', 'large']).default('small'),
  HEARTH_SEED: z.coerce.number().int().default(1),
  HEARTH_LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
  /** OpenID Connect (e.g. Microsoft Entra ID, tenant-specific authority). All three or none. */
  HEARTH_OIDC_ISSUER: z.url().optional(),
  HEARTH_OIDC_CLIENT_ID: z.string().optional(),
  HEARTH_OIDC_CLIENT_SECRET: z.string().optional(),
  HEARTH_PUBLIC_URL: z.url().optional(),
});

export type Config = ReturnType<typeof loadConfig>;

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Hearth configuration is invalid:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && !c.HEARTH_SESSION_SECRET) {
    throw new Error('Hearth configuration is invalid:\n  HEARTH_SESSION_SECRET: required in production');
  }
  const oidcParts = [c.HEARTH_OIDC_ISSUER, c.HEARTH_OIDC_CLIENT_ID, c.HEARTH_OIDC_CLIENT_SECRET].filter(Boolean).length;
  if (oidcParts !== 0 && oidcParts !== 3) {
    throw new Error('Hearth configuration is invalid:\n  HEARTH_OIDC_*: set the issuer, client id and client secret together, or none');
  }
  if (c.NODE_ENV === 'production' && c.HEARTH_OIDC_ISSUER && !c.HEARTH_OIDC_ISSUER.startsWith('https://')) {
    throw new Error('Hearth configuration is invalid:\n  HEARTH_OIDC_ISSUER: must be an https:// address in production');
  }
  return {
    env: c.NODE_ENV,
    port: c.PORT,
    databaseUrl: c.DATABASE_URL,
    dataDir: resolve(c.HEARTH_DATA_DIR),
    sessionSecret: c.HEARTH_SESSION_SECRET ?? 'hearth-development-secret-not-for-production-use',
    demoPassword: c.HEARTH_DEMO_PASSWORD,
    sessionIdleMinutes: c.HEARTH_SESSION_IDLE_MINUTES,
    seedProfile: c.HEARTH_SEED_PROFILE,
    seed: c.HEARTH_SEED,
    logLevel: c.HEARTH_LOG_LEVEL,
    oidc: c.HEARTH_OIDC_ISSUER
      ? { issuer: c.HEARTH_OIDC_ISSUER, clientId: c.HEARTH_OIDC_CLIENT_ID!, clientSecret: c.HEARTH_OIDC_CLIENT_SECRET!, publicUrl: c.HEARTH_PUBLIC_URL }
      : undefined,
  };
}
