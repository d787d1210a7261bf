// Makes the README screenshots from a running explorer on the article data set:
//   npx tsx test/browser/serveExplorer.ts &   (http://localhost:4102)
//   npx tsx test/browser/screenshots.ts        (EXPLORER_URL to point elsewhere)
// Writes docs/overview.png, docs/chain-layout.png, docs/profile.png, docs/timeline.png.
import path from 'node:path';
import { REPO_ROOT } from '@cangshan/neo4j';
import { launchChromium } from './support/browser.ts';
import { dragTimelineTo, settle, waitForExplorer } from './support/explorerPage.ts';

const base = (process.env.EXPLORER_URL ?? 'http://localhost:4102').replace(/\/$/, '');
const out = (name: string) => path.join(REPO_ROOT, 'docs', name);

const browser = await launchChromium();
try {
  const context = await browser.newContext({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: 1.5, locale: 'zh-CN' });
  const page = await context.newPage();

  await page.goto(`${base}/`);
  await waitForExplorer(page);
  await page.screenshot({ path: out('overview.png') });

  await page.getByTestId('layout-chain').click();
  await settle(page);
  await page.screenshot({ path: out('chain-layout.png') });

  await page.goto(`${base}/?layout=circle&anchor=toutiao&sel=toutiao&panel=profile`);
  await waitForExplorer(page);
  await page.getByTestId('source-quote').first().waitFor();
  await settle(page);
  await page.screenshot({ path: out('profile.png') });

  await page.goto(`${base}/?panel=dashboard`);
  await waitForExplorer(page);
  await dragTimelineTo(page, '2019-11');
  await settle(page);
  await page.screenshot({ path: out('timeline.png') });
  console.log('wrote docs/overview.png, docs/chain-layout.png, docs/profile.png, docs/timeline.png');
} finally {
  await browser.close();
}
