// Prints the web app's briefing page to PDF with Chromium (Debian's /usr/bin/chromium through
// playwright-core; no browser is downloaded): open the route, wait until the page says its layout
// is final (`data-ready`, web/src/brief/BriefPage.tsx) or that it failed, print A4 at the page's own
// @page size. The page decides what the briefing is; this only prints it.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export class BriefRenderError extends Error {
  override name = 'BriefRenderError';
}

export interface RenderedBrief {
  bytes: Buffer;
  pages: number;
  title: string;
}

/** Pages of a PDF as Chromium writes it (uncompressed page objects): `/Type /Page`, not `/Pages`. */
export function countPdfPages(pdf: Uint8Array): number {
  return (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page(?![a-zA-Z])/g) ?? []).length;
}

export async function renderBriefPdf(url: string, log: (line: string) => void, timeoutMs = 90_000): Promise<RenderedBrief> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new BriefRenderError(`no Chromium at ${CHROMIUM_PATH}: install it (apt-get install chromium fonts-noto-cjk) or set CHROMIUM_PATH.`);
  }
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const page = await browser.newPage({ locale: 'zh-CN' });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    log('[brief] rendering the page');
    await page.goto(url, { waitUntil: 'load' });
    await page
      .waitForSelector('[data-testid="brief"][data-ready="true"], [data-testid="brief"][data-brief-state="error"]', { timeout: timeoutMs })
      .catch((e: unknown) => {
        throw new BriefRenderError(`the briefing did not finish within ${timeoutMs / 1000} s${pageErrors.length ? ` (page errors: ${pageErrors.join('; ')})` : ''}`, { cause: e });
      });
    if ((await page.getAttribute('[data-testid="brief"]', 'data-brief-state')) === 'error') {
      const said = (await page.locator('[data-testid="brief-error"] p').first().textContent({ timeout: 2_000 }).catch(() => null)) ?? 'the page reported an error';
      throw new BriefRenderError(`the briefing page says: ${said}`);
    }
    await page.emulateMedia({ media: 'print' });
    const bytes = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    return { bytes, pages: countPdfPages(bytes), title: (await page.locator('[data-testid="brief-title"]').textContent()) ?? '' };
  } finally {
    await browser?.close();
  }
}
