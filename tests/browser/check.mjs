// Opens built pages in headless Chromium the way a reader would and reports,
// as JSON on stdout, what a person would notice: horizontal scrolling on a
// phone, a skip link that is not first, focus that cannot be seen, images that
// do not load, and axe-core's WCAG 2.1 A/AA violations.
//
// Usage: node tests/browser/check.mjs <public-dir> <screenshot-dir> <path>...
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [publicDir, shotDir, ...paths] = process.argv.slice(2);
const types = { '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.pdf': 'application/pdf', '.xml': 'application/xml' };

const server = http.createServer((req, res) => {
  let file = path.join(publicDir, decodeURIComponent(new URL(req.url, 'http://x').pathname));
  if (!file.startsWith(path.resolve(publicDir))) { res.writeHead(403); res.end(); return; }
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
const results = [];
try {
  for (const width of [1280, 390]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    for (const p of paths) {
      const response = await page.goto(base + p, { waitUntil: 'load' });
      const found = {
        path: p, width, status: response.status(),
        title: await page.title(),
        lang: await page.getAttribute('html', 'lang'),
        overflow: await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
        stylesheetApplied: await page.evaluate(() =>
          [...document.styleSheets].some((s) => s.href && s.cssRules.length > 0)),
        brokenImages: await page.evaluate(() =>
          [...document.images].filter((i) => !i.complete || i.naturalWidth === 0).map((i) => i.src)),
      };
      await page.keyboard.press('Tab');
      const focus = await page.evaluate(() => {
        const el = document.activeElement;
        const style = getComputedStyle(el);
        return { text: el.textContent.trim(), href: el.getAttribute('href'),
          visible: el.getBoundingClientRect().height > 0,
          outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 };
      });
      found.firstFocus = focus;
      if (width === 1280) {
        await page.addScriptTag({ content: axeSource });
        found.violations = await page.evaluate(async () => {
          const r = await axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
          return r.violations.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
        });
      }
      const name = (p.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '') || 'start') + `-${width}.png`;
      await page.screenshot({ path: path.join(shotDir, name), fullPage: true });
      results.push(found);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
process.stdout.write(JSON.stringify(results));
