// Opens built pages in headless Chromium the way a reader would and reports,
// as JSON on stdout, what a person would notice: horizontal scrolling on a
// phone, a skip link that is not first, focus that cannot be seen, images that
// do not load, and axe-core's WCAG 2.1 A/AA violations.
//
// Usage: node tests/browser/check.mjs <public-dir> <screenshot-dir> <path>...
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { serveFolder, launchChromium } from './static-server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const [publicDir, shotDir, ...paths] = process.argv.slice(2);

const { base, close } = await serveFolder(publicDir);
const browser = await launchChromium(chromium);
const results = [];
try {
  for (const width of [1280, 768, 390, 360]) {
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
      // The menu: on phones closed behind its button, which opens it.
      found.menu = await page.evaluate(() => {
        const button = document.querySelector('.menu-toggle');
        const list = document.querySelector('.main-nav-list');
        const shown = (el) => !!el && el.getBoundingClientRect().height > 0;
        return { button: shown(button), list: shown(list),
          expanded: button && button.getAttribute('aria-expanded') };
      });
      if (found.menu.button) {
        await page.click('.menu-toggle');
        found.menu.opened = await page.evaluate(() => ({
          list: document.querySelector('.main-nav-list').getBoundingClientRect().height > 0,
          expanded: document.querySelector('.menu-toggle').getAttribute('aria-expanded'),
        }));
        await page.click('.menu-toggle');
      }
      found.headerSearch = await page.evaluate(() => {
        const input = document.querySelector('.site-header input[type=search]');
        return input ? { label: input.labels[0] && input.labels[0].textContent.trim(),
          visible: input.getBoundingClientRect().height > 0 } : null;
      });
      if (width === 1280 || width === 360) {
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
  close();
}
process.stdout.write(JSON.stringify(results));
