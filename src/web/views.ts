// Nunjucks with the GOV.UK Design System (govuk-frontend) and the MOJ case-working components.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express from 'express';
import nunjucks from 'nunjucks';
import { formatDate, formatDateTime } from './format.ts';

const require = createRequire(import.meta.url);
const govukDist = dirname(require.resolve('govuk-frontend/package.json')) + '/dist';
const mojDir = dirname(require.resolve('@ministryofjustice/frontend/package.json'));
const viewsDir = join(dirname(fileURLToPath(import.meta.url)), 'views');
const featuresDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'features');

export function configureViews(app: express.Express): nunjucks.Environment {
  const env = nunjucks.configure([viewsDir, featuresDir, govukDist, mojDir], {
    autoescape: true,
    express: app,
  });
  env.addFilter('date', (value: string | Date | null | undefined) => (value ? formatDate(value) : ''));
  env.addFilter('dateTime', (value: string | Date | null | undefined) => (value ? formatDateTime(value) : ''));
  app.set('view engine', 'njk');
  return env;
}

export function publicAssets(): express.Router {
  const router = express.Router();
  const options = { maxAge: '1d', index: false } as const;
  router.use('/assets', express.static(join(govukDist, 'govuk', 'assets'), options));
  router.use('/stylesheets', express.static(join(govukDist, 'govuk'), options));
  router.use('/javascripts', express.static(join(govukDist, 'govuk'), options));
  router.use('/moj', express.static(join(mojDir, 'moj'), options));
  router.use('/hearth', express.static(join(viewsDir, '..', 'static'), options));
  return router;
}
