// Types queries into the search page the way a reader would and prints, as
// JSON, the result titles and the highlighted passages for each query.
//
// Usage: node tests/browser/search.mjs <public-dir> <query>...
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const [publicDir, ...queries] = process.argv.slice(2);
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml' };

const root = path.resolve(publicDir);
const server = http.createServer((req, res) => {
  let file = path.join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(root)) { res.writeHead(403); res.end(); return; }
  if (fs.existsSync(file) && fs.statSync(file).isDirectory()) file = path.join(file, 'index.html');
  if (!fs.existsSync(file)) { res.writeHead(404); res.end(); return; }
  res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
  fs.createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const results = {};
try {
  const page = await browser.newPage();
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
    }));
  }
} finally {
  await browser.close();
  server.close();
}
process.stdout.write(JSON.stringify(results));
