// Plays an embedded video the way a keyboard user would and reports, as JSON
// on stdout, what the page asked of other sites before and after: the
// placeholder must make no request to the video's site until it is played.
// Requests off the test server are stopped, so nothing leaves this machine.
//
// Usage: node tests/browser/video.mjs <public-dir> <path>
import { createRequire } from 'node:module';
import { serveFolder, launchChromium } from './static-server.mjs';

const require = createRequire(import.meta.url);
const { chromium } = require('playwright-core');

const [publicDir, pagePath] = process.argv.slice(2);
const { base, close } = await serveFolder(publicDir);
const browser = await launchChromium(chromium);
const outside = [];
let found = {};
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.route((url) => !url.href.startsWith(base), (route) => {
    outside.push(route.request().url());
    return route.abort();
  });
  await page.goto(base + pagePath, { waitUntil: 'load' });
  found.requestsBeforePlay = [...outside];
  // Tab until the play button has focus, as a keyboard user would.
  let reached = null;
  for (let i = 0; i < 200 && !reached; i++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || !el.classList.contains('video-play')) return null;
      const style = getComputedStyle(el);
      return { name: el.textContent.replace(/\s+/g, ' ').trim(),
        outline: style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0 };
    });
  }
  found.button = reached;
  if (reached) {
    await page.keyboard.press('Enter');
    await page.waitForSelector('.video iframe', { timeout: 5000 });
    found.frame = await page.evaluate(() => {
      const frame = document.querySelector('.video iframe');
      return { src: frame.src, title: frame.title, focused: document.activeElement === frame };
    });
    await page.waitForTimeout(200);
  }
  found.requestsAfterPlay = [...outside];
} finally {
  await browser.close();
  close();
}
process.stdout.write(JSON.stringify(found));
