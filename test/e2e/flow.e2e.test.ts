/**
 * The whole life of one submission, driven through the built SPA in headless Chromium like the people who use it:
 * coordinator fills and submits → Kanwil head forwards → (admin assigns the evaluator) → evaluator starts the desk
 * review, changes a TPI answer with a note and returns it → coordinator sees the returned item, fixes it, replies and
 * resubmits → evaluator resolves the note, uploads the LHE and finalises → Kanwil head fills the nomination checklist
 * and nominates. One real server on a temp database with the demo seed; screenshots in test-artifacts/e2e/flow-*.png.
 * The only GraphQL calls read state for assertions (ids, the audit trail); nothing is changed behind the UI's back.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, login, openBrowser, shot, startE2eServer, type Browser, type E2eServer } from './harness';

let server: E2eServer;
let tmp: string;
beforeAll(async () => {
  server = await startE2eServer();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'pantau-flow-'));
});
afterAll(async () => {
  await server?.stop();
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
});

/** A small, well-formed one-page PDF (correct xref offsets) with a line of text. */
function makePdf(file: string, text: string): string {
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    (() => {
      const stream = `BT /F1 14 Tf 72 770 Td (${text.replace(/[()\\]/g, '')}) Tj ET`;
      return `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`;
    })(),
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n';
  const offsets: number[] = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  fs.writeFileSync(file, Buffer.from(out, 'latin1'));
  return file;
}

const UNIT = 'Kantor Imigrasi Kelas I TPI Polonia';
const statusOf = (page: Page) => page.locator('[data-status]').first().getAttribute('data-status');
async function waitStatus(page: Page, status: string, timeout = 15_000) {
  await page.waitForFunction((s) => document.querySelector('[data-status]')?.getAttribute('data-status') === s, status, { timeout });
}
async function waitSaved(page: Page) {
  await page.waitForFunction(() => /Tersimpan/.test(document.querySelector('[data-test=save-state]')?.textContent ?? ''), null, { timeout: 15_000 });
}
/** The submissions list (or the evaluator's evaluations list), reached from the navigation, with its rows loaded. */
async function unitRow(page: Page, list: 'submissions' | 'evaluations' = 'submissions') {
  if (new URL(page.url()).pathname !== `/${list}`) {
    await page.click(`[data-test=nav-${list}]`);
    await page.waitForURL((u) => u.pathname === `/${list}`);
  }
  const row = page.locator(`[data-test=${list}] tr:has-text("${UNIT}")`).first();
  await row.waitFor({ timeout: 15_000 });
  return row;
}
/** Opens the unit's LKE from the list, like a person would. */
async function openLkeFromList(page: Page, list: 'submissions' | 'evaluations' = 'submissions') {
  await (await unitRow(page, list)).locator('[data-test^=open-lke-]').click();
  await page.waitForURL(/\/submissions\/\d+\/lke/);
  await page.waitForSelector('[data-test=score-panel]');
  await page.waitForLoadState('networkidle');
}
async function openUnitFromList(page: Page) {
  await (await unitRow(page)).locator('button:has-text("Halaman satker")').click();
  await page.waitForSelector('[data-test=unit-page] [data-test=level-scores]');
  await page.waitForLoadState('networkidle');
}
async function upload(page: Page, trigger: string, file: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.click(trigger);
  await (await chooser).setFiles(file);
}
/** Runs a workflow action from its button and dialog (reason and extra fields filled by `fill`). */
async function runAction(page: Page, action: string, fill?: (dialog: ReturnType<Page['locator']>) => Promise<void>) {
  const btn = page.locator(`[data-test=action-${action}]`);
  await btn.waitFor({ timeout: 15_000 });
  await page.waitForFunction((a) => !(document.querySelector(`[data-test=action-${a}]`) as HTMLButtonElement | null)?.disabled, action, { timeout: 15_000 });
  await btn.click();
  const dialog = page.locator('[data-test=action-dialog]');
  await dialog.waitFor();
  if (fill) await fill(dialog);
  return dialog;
}

/**
 * Walks the LKE form through the "unanswered" filter: the first option of each letter item, a count for each
 * count item, until nothing required is left. Returns the items answered.
 */
async function fillRemaining(page: Page, count = 20): Promise<number[]> {
  await page.click('[data-test=filter-unanswered]');
  const done: number[] = [];
  for (let guard = 0; guard < 200; guard++) {
    const item = page.locator('.pz-items [data-test^=item-]').first();
    if ((await item.count()) === 0) break;
    const soalId = Number((await item.getAttribute('data-test'))!.replace('item-', ''));
    const option = item.locator(`[data-test^=opt-${soalId}-]`).first();
    if (await option.count()) await option.click();
    else {
      // the count stays listed while it is typed and leaves the "unanswered" list when the field is left
      const input = item.locator(`[data-test=count-${soalId}] input`);
      await input.fill(String(count));
      await input.press('Tab');
    }
    await page.locator(`.pz-items [data-test=item-${soalId}]`).waitFor({ state: 'detached', timeout: 5_000 });
    done.push(soalId);
    if (done.length === 3) await shot(page, 'flow-01b-coordinator-filling');
  }
  return done;
}

function noErrors(b: Browser, who: string) {
  expect(b.errors, `browser errors of ${who}`).toEqual([]);
}

describe('one submission from draft to nomination, through the UI', () => {
  it('coordinator → Kanwil → evaluator → coordinator → evaluator → Kanwil nomination, with the audit trail', { timeout: 180_000 }, async () => {
    const started = Date.now();
    const evidencePdf = makePdf(path.join(tmp, 'sk-tim-zi-polonia.pdf'), 'SK Tim Kerja ZI Kanim Polonia');
    const lhePdf = makePdf(path.join(tmp, 'lhe-polonia.pdf'), 'Laporan Hasil Evaluasi TPI Kanim Polonia');
    const tlhpPdf = makePdf(path.join(tmp, 'tlhp.pdf'), 'Bukti TLHP 100 persen');
    const lhkpnPdf = makePdf(path.join(tmp, 'lhkpn.pdf'), 'Bukti LHKPN');
    const sakipPdf = makePdf(path.join(tmp, 'sakip.pdf'), 'Hasil evaluasi SAKIP A');
    const sptjmPdf = makePdf(path.join(tmp, 'sptjm.pdf'), 'SPTJM Kepala Kanim Polonia');
    const admin = await apiAs(server.url, 'admin'); // read-only checks

    let subId = 0;
    let changedSoal = 0;
    let tpiBefore = '';
    let tpiAfter = '';
    const NOTE = 'Bukti SK tim belum ditandatangani; jawaban TPI diturunkan.';
    const REPLY = 'SK yang sudah ditandatangani telah diunggah ulang dan jawaban diperbaiki.';

    // ---- 1. the coordinator fills the rest of the DRAFT, uploads evidence, and submits
    {
      const b = await openBrowser();
      try {
        const { page } = b;
        await login(page, server.url, 'koordinator.polonia');
        await openLkeFromList(page);
        subId = Number(/\/submissions\/(\d+)\/lke/.exec(page.url())![1]);
        expect(await statusOf(page)).toBe('DRAFT');
        await shot(page, 'flow-01-coordinator-draft');
        const answered = await fillRemaining(page);
        expect(answered.length).toBeGreaterThan(10);
        await waitSaved(page);
        expect(await page.textContent('[data-test=filter-unanswered]')).toContain('(0)');

        // evidence on the first item of the first area
        await page.locator('.n-radio-button:has-text("Semua")').click();
        await page.waitForSelector('[data-test=evidence-1]');
        await upload(page, '[data-test=upload-1]', evidencePdf);
        await page.waitForSelector('[data-test=evidence-1] .pz-file:has-text("sk-tim-zi-polonia.pdf")', { timeout: 15_000 });
        expect(await page.locator('[data-test=evidence-1] a[download]').count()).toBe(1);
        await page.locator('[data-test=evidence-1]').scrollIntoViewIfNeeded();
        await shot(page, 'flow-02-coordinator-evidence');

        await page.click('[data-test=open-submit]');
        const dialog = page.locator('[data-test=submit-dialog]');
        await dialog.waitFor();
        await expect.poll(() => dialog.textContent()).toContain('Semua butir wajib sudah dijawab.');
        expect(await page.locator('[data-test=unanswered-list]').count()).toBe(0);
        // the pencanangan date: set it when the dialog asks for it
        const dateInput = page.locator('[data-test=pencanangan] input');
        if (!(await dateInput.inputValue())) {
          // the picker shows and takes dd-MM-yyyy
          await dateInput.click();
          await dateInput.fill('15-01-2025');
          await dateInput.press('Enter');
          await expect.poll(() => dateInput.inputValue()).toBe('15-01-2025');
        }
        await page.waitForFunction(() => !(document.querySelector('[data-test=confirm-submit]') as HTMLButtonElement | null)?.disabled, null, {
          timeout: 10_000,
        });
        expect(await page.locator('[data-test=submit-blockers]').count()).toBe(0);
        await shot(page, 'flow-03-coordinator-submit-dialog');
        await page.click('[data-test=confirm-submit]');
        await waitStatus(page, 'SUBMITTED');
        expect(await page.textContent('[data-status]')).toContain('Diajukan');
        await shot(page, 'flow-04-coordinator-submitted');
        noErrors(b, 'koordinator.polonia');
      } catch (err) {
        await shot(b.page, 'flow-failed').catch(() => undefined);
        throw err;
      } finally {
        await b.close();
      }
    }

    // ---- 2. the Kanwil head reviews the KANWIL level and forwards it to the TPI
    {
      const b = await openBrowser();
      try {
        const { page } = b;
        await login(page, server.url, 'kakanwil');
        await openLkeFromList(page);
        expect(await statusOf(page)).toBe('SUBMITTED');
        // the page settles on the user's level after a second load: wait for it, then check
        await page
          .locator('[data-test=level-select]', { hasText: 'Kanwil' })
          .waitFor({ timeout: 15_000 })
          .catch(() => undefined);
        expect(await page.textContent('[data-test=level-select]')).toContain('Kanwil');
        // the KANWIL answers start as copies of SELF, with SELF shown beside them
        await page.waitForSelector('[data-test=others-1]');
        await shot(page, 'flow-05-kanwil-review');
        await runAction(page, 'forward');
        await shot(page, 'flow-06-kanwil-forward-dialog');
        await page.click('[data-test=action-confirm]');
        await waitStatus(page, 'KANWIL_REVIEWED');
        await shot(page, 'flow-07-kanwil-forwarded');
        noErrors(b, 'kakanwil');
      } catch (err) {
        await shot(b.page, 'flow-failed').catch(() => undefined);
        throw err;
      } finally {
        await b.close();
      }
    }

    // ---- 2b. the unit has no TPI evaluator yet: the admin assigns one on the unit page (the Kanwil head's card
    // cannot list candidate evaluators — only an admin may list users)
    {
      const b = await openBrowser();
      try {
        const { page } = b;
        await login(page, server.url, 'admin');
        await openUnitFromList(page);
        const card = page.locator('[data-test=evaluators]');
        await card.waitFor();
        expect(await card.textContent()).not.toContain('Evaluator TPI Inspektorat Jenderal');
        await card.locator('.n-base-selection').click();
        await page.locator('.n-base-select-option:visible:has-text("evaluator.itjen")').click();
        await card.locator('button:has-text("Tugaskan")').click();
        await card.locator('.n-tag:has-text("Evaluator TPI Inspektorat Jenderal")').waitFor({ timeout: 10_000 });
        await card.scrollIntoViewIfNeeded();
        await shot(page, 'flow-08-admin-assigns-evaluator');
        noErrors(b, 'admin');
      } catch (err) {
        await shot(b.page, 'flow-failed').catch(() => undefined);
        throw err;
      } finally {
        await b.close();
      }
    }

    // ---- 3. the evaluator starts the desk review, changes one TPI answer with a note, and returns it
    {
      const b = await openBrowser();
      try {
        const { page } = b;
        await login(page, server.url, 'evaluator.itjen');
        await openLkeFromList(page, 'evaluations');
        expect(await statusOf(page)).toBe('KANWIL_REVIEWED');
        await shot(page, 'flow-09-evaluator-before-start');
        await runAction(page, 'startDeskReview');
        await page.click('[data-test=action-confirm]');
        await waitStatus(page, 'IN_DESK_REVIEW');
        // the TPI level is now the evaluator's to write
        await expect.poll(() => page.textContent('[data-test=level-select]'), { timeout: 10_000 }).toContain('TPI');
        await page.waitForFunction(() => !(document.querySelector('[data-test=item-1] input[type=radio]') as HTMLInputElement | null)?.disabled, null, {
          timeout: 10_000,
        });

        // item [1]: pick a different option than the copied one, write the answer note and a review note
        const item = page.locator('[data-test=item-1]');
        const radios = item.locator('[data-test^=opt-1-]');
        const keys = await radios.evaluateAll((els) => els.map((e) => e.getAttribute('data-test')!.replace('opt-1-', '')));
        const checked = await item.locator('.n-radio--checked').getAttribute('data-test');
        tpiBefore = checked!.replace('opt-1-', '');
        tpiAfter = keys.find((k) => k !== tpiBefore)!;
        changedSoal = 1;
        await page.click(`[data-test=opt-1-${tpiAfter}]`);
        await item.locator('textarea.n-input__textarea-el').first().fill('SK belum ditandatangani kepala satker.');
        await waitSaved(page);
        await page.click('[data-test=add-note-1]');
        await page.fill('[data-test=note-input-1] textarea', NOTE);
        await page.click('[data-test=note-save-1]');
        await page.waitForSelector(`[data-test=notes-1] .pz-thread:has-text("${NOTE}")`);
        await item.scrollIntoViewIfNeeded();
        await shot(page, 'flow-10-evaluator-tpi-change-note');

        const dialog = await runAction(page, 'return', async (d) => {
          await d.locator('[data-test=action-reason] textarea').fill('Mohon perbaiki butir [1] sesuai catatan TPI.');
        });
        await shot(page, 'flow-11-evaluator-return-dialog');
        await dialog.locator('[data-test=action-confirm]').click();
        await waitStatus(page, 'REVISION_REQUESTED');
        await shot(page, 'flow-12-evaluator-returned');
        noErrors(b, 'evaluator.itjen');
      } catch (err) {
        await shot(b.page, 'flow-failed').catch(() => undefined);
        throw err;
      } finally {
        await b.close();
      }
    }

    // ---- 4. the coordinator sees the returned item with the note, fixes it, replies, and resubmits
    {
      const b = await openBrowser();
      try {
        const { page } = b;
        await login(page, server.url, 'koordinator.polonia');
        await openLkeFromList(page);
        expect(await statusOf(page)).toBe('REVISION_REQUESTED');
        // exactly the returned items: the "notes" filter
        const notesFilter = page.locator('[data-test=filter-notes]');
        await notesFilter.waitFor();
        expect(await notesFilter.textContent()).toContain('(1)');
        // the filter fits in the toolbar (it used to spill over the score panel at 1366 px)
        const [fb, tb] = await Promise.all([notesFilter.boundingBox(), page.locator('.pz-toolbar').boundingBox()]);
        expect(fb!.x + fb!.width).toBeLessThanOrEqual(tb!.x + tb!.width);
        expect(fb!.y + fb!.height).toBeLessThanOrEqual(tb!.y + tb!.height);
        await notesFilter.click();
        const shown = page.locator('.pz-items [data-test^=item-]');
        await expect.poll(() => shown.count()).toBe(1);
        expect(await shown.first().getAttribute('data-test')).toBe(`item-${changedSoal}`);
        const thread = page.locator(`[data-test=notes-${changedSoal}] .pz-thread`);
        expect(await thread.textContent()).toContain(NOTE);
        expect(await thread.textContent()).toContain('Evaluator TPI Inspektorat Jenderal');
        // the TPI answer is visible beside the SELF one
        expect(await page.textContent(`[data-test=others-${changedSoal}]`)).toContain(`TPI: ${tpiAfter}`);
        await shot(page, 'flow-13-coordinator-returned-items');

        // change the SELF answer to the evaluator's value
        const item = page.locator(`[data-test=item-${changedSoal}]`);
        const selfBefore = (await item.locator('.n-radio--checked').getAttribute('data-test'))!.replace(`opt-${changedSoal}-`, '');
        const selfNew = selfBefore === tpiAfter ? tpiBefore : tpiAfter;
        await page.click(`[data-test=opt-${changedSoal}-${selfNew}]`);
        await waitSaved(page);
        // reply to the note
        await thread.locator('button:has-text("Balas")').click();
        await thread.locator('textarea').fill(REPLY);
        await thread.locator('button:has-text("Kirim")').click();
        await page.waitForSelector(`[data-test=notes-${changedSoal}] .pz-reply:has-text("${REPLY}")`);
        await shot(page, 'flow-14-coordinator-fixed-replied');

        await page.click('[data-test=open-submit]');
        await page.locator('[data-test=submit-dialog]').waitFor();
        await page.waitForFunction(() => !(document.querySelector('[data-test=confirm-submit]') as HTMLButtonElement | null)?.disabled, null, {
          timeout: 10_000,
        });
        expect(await page.locator('[data-test=unanswered-list]').count()).toBe(0);
        await shot(page, 'flow-15-coordinator-resubmit-dialog');
        await page.click('[data-test=confirm-submit]');
        // back to whoever returned it: the evaluator
        await waitStatus(page, 'IN_DESK_REVIEW');
        await shot(page, 'flow-16-coordinator-resubmitted');
        noErrors(b, 'koordinator.polonia (revision)');
        const selfNow = await admin(`{ submission(id: ${subId}) { answers(level: SELF) { soalId value } } }`);
        expect(selfNow.data.submission.answers.find((a: { soalId: number }) => a.soalId === changedSoal).value).toBe(selfNew);
      } catch (err) {
        await shot(b.page, 'flow-failed').catch(() => undefined);
        throw err;
      } finally {
        await b.close();
      }
    }

    // ---- 5. the evaluator resolves the note, uploads the LHE, recommends, and finalises
    {
      const b = await openBrowser();
      try {
        const { page } = b;
        await login(page, server.url, 'evaluator.itjen');
        await openLkeFromList(page, 'evaluations');
        expect(await statusOf(page)).toBe('IN_DESK_REVIEW');
        // the page settles on the user's level after a second load: wait for it, then check
        await page
          .locator('[data-test=level-select]', { hasText: 'TPI' })
          .waitFor({ timeout: 15_000 })
          .catch(() => undefined);
        expect(await page.textContent('[data-test=level-select]')).toContain('TPI');
        const thread = page.locator(`[data-test=notes-${changedSoal}] .pz-thread`);
        await thread.waitFor();
        expect(await thread.textContent()).toContain(REPLY);
        await thread.locator('button:has-text("Tandai selesai")').click();
        await page.waitForSelector(`[data-test=notes-${changedSoal}] .pz-thread.resolved`);
        await page.locator(`[data-test=item-${changedSoal}]`).scrollIntoViewIfNeeded();
        await shot(page, 'flow-17-evaluator-note-resolved');

        await upload(page, '[data-test=upload-lhe]', lhePdf);
        await page.waitForSelector('a[href^="/api/evidence/"]:has-text("lhe-polonia.pdf")', { timeout: 15_000 });
        const dialog = await runAction(page, 'finalise', async (d) => {
          await d.locator('.n-form-item:has-text("Rekomendasi TPI") textarea').fill('Layak diusulkan WBK; pertahankan tindak lanjut LHP.');
          await d.locator('.n-form-item:has-text("Predikat yang direkomendasikan") .n-base-selection').click();
          await page.locator('.n-base-select-option:visible:has-text("WBK")').first().click();
        });
        await shot(page, 'flow-18-evaluator-finalise-dialog');
        await dialog.locator('[data-test=action-confirm]').click();
        await waitStatus(page, 'DESK_EVALUATED');
        await shot(page, 'flow-19-evaluator-finalised');
        noErrors(b, 'evaluator.itjen (finalise)');
      } catch (err) {
        await shot(b.page, 'flow-failed').catch(() => undefined);
        throw err;
      } finally {
        await b.close();
      }
    }

    // ---- 6. the Kanwil head fills the nomination checklist on the unit page and nominates
    {
      const b = await openBrowser();
      try {
        const { page } = b;
        await login(page, server.url, 'kakanwil');
        await openUnitFromList(page);
        expect(await statusOf(page)).toBe('DESK_EVALUATED');
        const card = page.locator('[data-test=nomination]');
        await card.waitFor();
        await card.locator('[data-test=nom-checklist]').waitFor();
        await card.locator('[data-test=nom-tlhp] input').fill('100');
        await upload(page, '[data-test=nom-doc-tlhp]', tlhpPdf);
        await card.locator('.n-form-item:has-text("Kepatuhan LHKPN/LHKASN") input').fill('100');
        await upload(page, '[data-test=nom-doc-lhkpn]', lhkpnPdf);
        await card.locator('.n-form-item:has-text("Nilai SAKIP internal") .n-base-selection').click();
        await page.locator('.n-base-select-option:visible').filter({ hasText: /^A$/ }).click();
        await upload(page, '[data-test=nom-doc-sakip]', sakipPdf);
        await upload(page, '[data-test=nom-doc-sptjm]', sptjmPdf);
        for (const d of ['tlhp', 'lhkpn', 'sakip', 'sptjm']) await card.locator(`[data-test=nom-doc-${d}]:has-text("✓")`).waitFor({ timeout: 15_000 });
        // every prerequisite row turns green (the preview is debounced)
        const rows = card.locator('[data-test=nom-checklist] tbody tr');
        await expect.poll(async () => (await rows.allTextContents()).filter((r) => !r.includes('✓')), { timeout: 10_000 }).toEqual([]);
        // below the thresholds the head writes the override reason the card asks for
        const override = card.locator('.n-form-item:has-text("Alasan pengecualian") textarea');
        const belowThreshold = (await override.count()) > 0;
        if (belowThreshold) await override.fill('Unit menunjukkan perbaikan nyata pada area 1 dan 3; diusulkan dengan catatan pembinaan.');
        await card.scrollIntoViewIfNeeded();
        await shot(page, 'flow-20-kanwil-nomination-checklist');
        await card.locator('[data-test=nominate]').click();
        await waitStatus(page, 'NOMINATED');
        expect(await page.textContent('[data-status]')).toContain('Diusulkan');
        // the card now shows the checklist the nomination was made with, every prerequisite met
        const recorded = page.locator('[data-test=nomination] [data-test=nom-checklist] tbody tr');
        await expect.poll(async () => (await recorded.allTextContents()).length, { timeout: 10_000 }).toBe(5);
        expect((await recorded.allTextContents()).filter((r) => !r.includes('✓'))).toEqual([]);
        expect(await card.textContent()).toContain('Kepala Kanwil Demo');
        await card.scrollIntoViewIfNeeded();
        await shot(page, 'flow-21-kanwil-nominated');
        await page.locator('[data-test=timeline]').scrollIntoViewIfNeeded();
        await shot(page, 'flow-22-kanwil-timeline');
        noErrors(b, 'kakanwil (nomination)');
      } catch (err) {
        await shot(b.page, 'flow-failed').catch(() => undefined);
        throw err;
      } finally {
        await b.close();
      }
    }

    // ---- the audit trail holds every transition with its actor (read as the admin)
    const trail = await admin(`query($f: AuditFilter) { auditEvents(filter: $f, pageSize: 200) { items { action at actor { displayName } before after } } }`, {
      f: { objectType: 'Submission', objectId: String(subId) },
    });
    expect(trail.errors).toBeUndefined();
    const transitions = (trail.data.auditEvents.items as { action: string; at: string; actor: { displayName: string } | null; before: any; after: any }[])
      .filter((e) => /^submission\.(submit|forward|startDeskReview|return|resubmit|finalise|nominate)$/.test(e.action))
      .sort((a, b) => a.at.localeCompare(b.at))
      .map((e) => [e.action, e.actor?.displayName, e.before?.status, e.after?.status]);
    const users = await admin('{ users { username displayName } }');
    const name = (u: string) => users.data.users.find((x: { username: string }) => x.username === u).displayName;
    expect(transitions).toEqual([
      ['submission.submit', name('koordinator.polonia'), 'DRAFT', 'SUBMITTED'],
      ['submission.forward', name('kakanwil'), 'SUBMITTED', 'KANWIL_REVIEWED'],
      ['submission.startDeskReview', name('evaluator.itjen'), 'KANWIL_REVIEWED', 'IN_DESK_REVIEW'],
      ['submission.return', name('evaluator.itjen'), 'IN_DESK_REVIEW', 'REVISION_REQUESTED'],
      ['submission.resubmit', name('koordinator.polonia'), 'REVISION_REQUESTED', 'IN_DESK_REVIEW'],
      ['submission.finalise', name('evaluator.itjen'), 'IN_DESK_REVIEW', 'DESK_EVALUATED'],
      ['submission.nominate', name('kakanwil'), 'DESK_EVALUATED', 'NOMINATED'],
    ]);
    const final = await admin(`{ submission(id: ${subId}) { status returnedBy round } }`);
    expect(final.data.submission.status).toBe('NOMINATED');
    console.log(`flow e2e: ${((Date.now() - started) / 1000).toFixed(1)} s`);
  });
});
