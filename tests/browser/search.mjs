// Types queries into the search page the way a reader would and prints, as
// JSON, the result titles and the highlighted passages for each query, and
// any dialog a script opened (there must be none: front matter is text).
//
// Usage: node tests/browser/search.mjs <public-dir> <query>...
import { createRequire } from 'node:module';
import { serveFolder, launchChromium } from './static-server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const [publicDir, ...queries] = process.argv.slice(2);
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
  await page.goto(`${base}/sok/`, { waitUntil: 'load' });
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
    }));
  }
  results.dialogs = dialogs;
} finally {
  await browser.close();
  close();
}
process.stdout.write(JSON.stringify(results));
