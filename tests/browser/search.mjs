// Types queries into the search page the way a reader would and prints, as
// JSON, the result titles and the highlighted passages for each query, and
// any dialog a script opened (there must be none: front matter is text).
//
// Usage: node tests/browser/search.mjs <public-dir> [/search-page/] <query>...
// (the search page is /sok/ unless given)
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { serveFolder, launchChromium } from './static-server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const [publicDir, ...queries] = process.argv.slice(2);
const searchPath = queries[0]?.startsWith('/') ? queries.shift() : '/sok/';
const { base, close } = await serveFolder(publicDir);
const browser = await launchChromium(chromium);
const results = {};
try {
  const page = await browser.newPage();
  const dialogs = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await page.goto(`${base}${searchPath}`, { waitUntil: 'load' });
  await page.waitForSelector('#sok-falt');
  // A keyboard user reaches the field with Tab, types the first query, and
  // Tabs on to its first result.
  let presses = 0;
  while (presses < 40 && await page.evaluate(() => document.activeElement?.id) !== 'sok-falt') {
    await page.keyboard.press('Tab');
    presses += 1;
  }
  results.keyboard = { field: presses < 40 };
  if (presses < 40) {
    await page.keyboard.type(queries[0], { delay: 20 });
    await page.waitForFunction(() => {
      const message = document.querySelector('.pagefind-ui__message');
      return message && /\d/.test(message.textContent);
    }, null, { timeout: 15000 });
    await page.waitForTimeout(300);
    let reached = null;
    for (let n = 0; n < 40 && !reached; n += 1) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => {
        const el = document.activeElement;
        return el && el.classList.contains('pagefind-ui__result-link') ? el.textContent.trim() : null;
      });
    }
    results.keyboard.result = reached;
  }
  const input = page.locator('.pagefind-ui__search-input');
  for (const query of queries) {
    await input.fill('');
    await input.pressSequentially(query, { delay: 20 });
    await page.waitForFunction(() => {
      const message = document.querySelector('.pagefind-ui__message');
      return message && /\d/.test(message.textContent);
    }, null, { timeout: 15000 });
    await page.waitForTimeout(300);
    results[query] = await page.evaluate(() => ({
      message: document.querySelector('.pagefind-ui__message')?.textContent.trim(),
      titles: [...document.querySelectorAll('.pagefind-ui__result-title .pagefind-ui__result-link')].map((a) => a.textContent.trim()),
      links: [...document.querySelectorAll('.pagefind-ui__result-title .pagefind-ui__result-link')].map((a) => a.getAttribute('href')),
      marks: [...document.querySelectorAll('.pagefind-ui__result-excerpt mark')].map((m) => m.textContent.trim()),
      filters: [...document.querySelectorAll('.pagefind-ui__filter-name')].map((f) => f.textContent.trim()),
      values: [...document.querySelectorAll('.pagefind-ui__filter-label')].map((l) => l.textContent.trim()),
      excerpts: [...document.querySelectorAll('.pagefind-ui__result-excerpt')].map((e) => e.textContent.trim()),
      tags: [...document.querySelectorAll('.pagefind-ui__result-tag')].map((t) => t.textContent.trim()),
    }));
  }
  results.dialogs = dialogs;
  // With a query typed and its results shown: the field's name, and axe.
  results.label = await page.evaluate(() => {
    const input = document.querySelector('.pagefind-ui__search-input');
    return input.labels.length ? input.labels[0].textContent.trim() : null;
  });
  await page.addScriptTag({ content: axeSource });
  results.violations = await page.evaluate(async () => {
    const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  });
} finally {
  await browser.close();
  close();
}
process.stdout.write(JSON.stringify(results));
