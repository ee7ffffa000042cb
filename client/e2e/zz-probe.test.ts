import { it } from 'vitest';
import { openPage, startHarness } from './harness.ts';
import { readPdf } from './pdf.ts';
it('probe', async () => {
  const h = await startHarness();
  for (const p of ['/?version=2.0', '/?version=1.0']) {
    const { page } = await openPage(h, p);
    await page.getByTestId('view-stamp').first().waitFor({ timeout: 15000 });
    await page.locator('.recharts-surface').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    const pdf = readPdf(await page.pdf({ format: 'A4', preferCSSPageSize: true }));
    console.log('PAGE', p, pdf.count, '\n' + pdf.pages[0]?.replace(/ {3,}/g, '  ').slice(0, 3000));
    await page.close();
  }
  await h.close();
}, 180000);
