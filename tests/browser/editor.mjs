// Opens the editor (/admin/) of a running `arkiv serve` in Chromium, signs
// in to its local backend, and prints as JSON: the errors the page logged,
// requests to any other server, the collections listed, the page's
// language, and what axe-core finds on the collections page (WCAG 2.1 AA).
//
// With a title as the second argument, it then writes a new news item with
// that title the way an editor does (fill in, "Publicera", "Publicera nu")
// and says whether the editor reported it saved.
//
// Usage: node tests/browser/editor.mjs <server base url> [title]
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { launchChromium } from './static-server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [base, title] = process.argv.slice(2);
const origin = new URL(base).origin;
const browser = await launchChromium(chromium);
const result = { errors: [], elsewhere: [] };
try {
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') result.errors.push(message.text());
  });
  page.on('pageerror', (error) => result.errors.push(String(error)));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== origin) {
      result.elsewhere.push(url);
    }
  });
  await page.goto(`${base}admin/`, { waitUntil: 'load' });
  // With the local backend, the sign-in page has one button and no account.
  const signIn = page.locator('button').first();
  await signIn.waitFor({ timeout: 60000 });
  result.signIn = (await signIn.textContent()).trim();
  await signIn.click();
  await page.waitForSelector('a[href*="/collections/"]', { timeout: 60000 });
  await page.waitForTimeout(500);
  result.collections = await page.$$eval('a[href*="/collections/"]', (links) =>
    [...new Set(links.map((a) => a.textContent.trim()).filter(Boolean))]);
  result.lang = await page.evaluate(() => document.documentElement.lang);
  await page.addScriptTag({ content: axeSource });
  result.violations = await page.evaluate(async () => {
    const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
  if (title) {
    await page.goto(`${base}admin/#/collections/nyheter/new`, { waitUntil: 'load' });
    const field = page.getByLabel('Rubrik', { exact: true });
    await field.waitFor({ timeout: 60000 });
    await field.fill(title);
    await page.getByRole('button', { name: 'Publicera', exact: true }).click();
    await page.getByText('Publicera nu', { exact: true }).click();
    // Saved, the editor shows the entry's status; a field it finds missing
    // shows a message instead.
    const saved = page.getByText('Publicerad', { exact: false }).first();
    const missing = page.getByText('obligatoriskt', { exact: false }).first();
    // Which showed first decides: the status may be drawn again (and be
    // gone for a moment) by the time it is looked at a second time.
    const outcome = await Promise.race([
      saved.waitFor({ timeout: 60000 }).then(() => 'saved'),
      missing.waitFor({ timeout: 60000 }).then(() => 'missing'),
    ]).catch((err) => `neither: ${err.message.split('\n')[0]}`);
    result.saved = outcome === 'saved';
    result.outcome = outcome;
  }
} finally {
  await browser.close();
}
process.stdout.write(JSON.stringify(result));
