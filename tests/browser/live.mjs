// Drives an open page through live-reload steps. For each step it prints
// "ready N", waits for a line on stdin (the test changes a file, then writes
// the line), then waits until the page shows what the step expects and
// prints "ok N" (or "failed N: …" and exits 1).
//
// Usage: node tests/browser/live.mjs <url> '<steps as JSON>'
// A step: { "selector": "h1", "text": "…" } | { "selector": "#x", "present": false }
//       | { "stylesheetSwapped": true }  (CSS replaced without a reload)
// A text step may add "maxHeightShare": 0.5 (the element takes at most that
// share of the window's height) and "thenPress": "Escape" or "thenClick":
// "selector", after which the element must be gone.
import readline from 'node:readline';
import { createRequire } from 'node:module';
import { launchChromium } from './static-server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');
const [url, stepsJson] = process.argv.slice(2);
const steps = JSON.parse(stepsJson);
const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();

const browser = await launchChromium(chromium);
let code = 0;
try {
  const page = await browser.newPage();
  await page.goto(url, { waitUntil: 'load' });
  for (const [n, step] of steps.entries()) {
    // Wait for the event stream to be open before the file changes.
    await page.waitForFunction(() => document.documentElement.dataset.arkivLive === 'open', null, { timeout: 10000 });
    await page.evaluate(() => { window.__notReloaded = true; });
    console.log(`ready ${n}`);
    await lines.next();
    try {
      if (step.stylesheetSwapped) {
        await page.waitForFunction(() => [...document.querySelectorAll('link[rel=stylesheet]')].some((l) => l.href.includes('v=')), null, { timeout: 10000 });
        if (!(await page.evaluate(() => window.__notReloaded === true))) throw new Error('the page reloaded');
      } else if (step.present === false) {
        await page.waitForSelector(step.selector, { state: 'detached', timeout: 10000 });
      } else {
        await page.waitForFunction(({ selector, text }) => {
          const el = document.querySelector(selector);
          return el && el.textContent.includes(text) && el.getBoundingClientRect().height > 0;
        }, step, { timeout: 10000 });
        if (step.maxHeightShare) {
          const share = await page.evaluate((selector) => document.querySelector(selector).getBoundingClientRect().height / window.innerHeight, step.selector);
          if (share > step.maxHeightShare) throw new Error(`${step.selector} takes ${Math.round(share * 100)} % of the window's height`);
        }
        if (step.thenPress || step.thenClick) {
          if (step.thenPress) await page.keyboard.press(step.thenPress);
          else await page.click(step.thenClick);
          await page.waitForSelector(step.selector, { state: 'detached', timeout: 5000 });
        }
      }
      console.log(`ok ${n}`);
    } catch (error) {
      console.log(`failed ${n}: ${error.message.split('\n')[0]}`);
      code = 1;
      break;
    }
  }
} finally {
  await browser.close();
}
process.exit(code);
