/**
 * Evidence upload/download over real HTTP against a real SQLite file (temp dir): sniffing, size limit, CSRF,
 * authn/authz, revisions, dedupe, safe headers, and "a refused upload leaves no file and no row".
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuditEvent } from '../../../server/src/modules/audit/entities';
import { Evidence, EvidenceRevision } from '../../../server/src/modules/evidence/entities';
import { cfb, fakeExe, minimalDocx, minimalPdf, tinyPng } from './fixtures';
import { startHarness, type Harness } from './harness';

const MAX_MB = 0.05; // 52,428 bytes: small enough to test the limit with small files
const MAX_BYTES = Math.floor(MAX_MB * 1024 * 1024);

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ maxUploadMb: MAX_MB });
});
afterAll(async () => {
  await h?.close();
});

type Who = keyof Harness['cookie'];

async function upload(
  who: Who | null,
  fields: Record<string, string | number>,
  file: { bytes: Buffer; name: string; type?: string } | null,
  opts: { csrf?: boolean } = {},
) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.append(k, String(v));
  if (file) fd.append('file', new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }), file.name);
  const headers: Record<string, string> = {};
  if (who) headers.cookie = h.cookie[who];
  if (opts.csrf !== false) headers['x-pantau-csrf'] = '1';
  const res = await fetch(`${h.url}/api/evidence`, { method: 'POST', body: fd, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? JSON.parse(text) : null };
}

async function download(who: Who | null, p: string) {
  const res = await fetch(`${h.url}${p}`, { headers: who ? { cookie: h.cookie[who] } : {} });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** Every stored blob (not the temp dir), and what is left in tmp/. */
function storedFiles(): { blobs: string[]; tmp: string[] } {
  const root = path.join(h.dataDir, 'evidence');
  const blobs: string[] = [];
  let tmp: string[] = [];
  if (!fs.existsSync(root)) return { blobs, tmp };
  for (const d of fs.readdirSync(root)) {
    if (d === 'tmp') {
      tmp = fs.readdirSync(path.join(root, d));
      continue;
    }
    for (const f of fs.readdirSync(path.join(root, d))) blobs.push(f);
  }
  return { blobs: blobs.sort(), tmp };
}

async function counts() {
  const em = h.orm.em.fork();
  return { evidence: await em.count(Evidence, {}), revisions: await em.count(EvidenceRevision, {}) };
}

/** Runs a refused request and checks that it left no file (blob or temp) and no row. */
async function expectNothingLeft(run: () => Promise<void>) {
  const before = { files: storedFiles(), rows: await counts() };
  await run();
  const after = { files: storedFiles(), rows: await counts() };
  expect(after.files.blobs).toEqual(before.files.blobs);
  expect(after.files.tmp).toEqual([]);
  expect(after.rows).toEqual(before.rows);
}

describe('POST /api/evidence → GET back', () => {
  it('stores a PDF (201, metadata, content address) and serves it back byte-equal with safe headers', async () => {
    const pdf = minimalPdf('Kebijakan pelayanan');
    const up = await upload('coord', { submissionId: h.sub.draft, soalId: 1, title: 'SK Tim Kerja' }, { bytes: pdf, name: 'SK Tim.pdf' });
    expect(up.status).toBe(201);
    expect(up.body.evidence).toMatchObject({
      submissionId: h.sub.draft,
      purpose: 'ANSWER',
      soalId: 1,
      level: 'SELF',
      title: 'SK Tim Kerja',
      currentRevision: 1,
      deleted: false,
    });
    expect(up.body.revision).toMatchObject({
      no: 1,
      fileName: 'SK Tim.pdf',
      size: pdf.length,
      mimeType: 'application/pdf',
      sha256: sha(pdf),
      uploadedBy: { id: h.users.coord, name: 'Koordinator Kanim Palembang' },
    });
    const digest = sha(pdf);
    const blob = path.join(h.dataDir, 'evidence', digest.slice(0, 2), digest);
    expect(fs.readFileSync(blob)).toEqual(pdf);
    expect(storedFiles().tmp).toEqual([]);

    const id = up.body.evidence.id;
    const dl = await download('coord', `/api/evidence/${id}`);
    expect(dl.status).toBe(200);
    expect(dl.bytes.equals(pdf)).toBe(true);
    expect(dl.headers.get('content-type')).toBe('application/pdf');
    expect(dl.headers.get('content-length')).toBe(String(pdf.length));
    expect(dl.headers.get('x-content-type-options')).toBe('nosniff');
    expect(dl.headers.get('content-disposition')).toBe(`attachment; filename="SK Tim.pdf"; filename*=UTF-8''SK%20Tim.pdf`);
    const inline = await download('coord', `/api/evidence/${id}?inline=1`);
    expect(inline.headers.get('content-disposition')).toMatch(/^inline; /);

    // the upload is audited
    const ev = await h.orm.em.fork().find(AuditEvent, { objectType: 'Evidence', objectId: String(id) });
    expect(ev.map((e) => e.action)).toEqual(['evidence.upload']);
    expect(ev[0].actor?.id).toBe(h.users.coord);
  });

  it('accepts PNG, DOCX and a legacy .doc by content, with the sniffed type', async () => {
    const png = tinyPng(3, 2);
    const docx = minimalDocx('Laporan');
    const doc = cfb(['WordDocument', '1Table']);
    const cases: Array<[Buffer, string, string, string]> = [
      [png, 'foto kegiatan.png', 'image/png', 'foto kegiatan.png'],
      [docx, 'notulen.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'notulen.docx'],
      [doc, 'notulen lama', 'application/msword', 'notulen lama.doc'],
    ];
    for (const [bytes, name, mime, stored] of cases) {
      const up = await upload('coord', { submissionId: h.sub.draft, soalId: 2 }, { bytes, name, type: 'text/plain' });
      expect(up.status, name).toBe(201);
      expect(up.body.revision.mimeType).toBe(mime);
      expect(up.body.revision.fileName).toBe(stored);
      const dl = await download('viewer', up.body.evidence.downloadUrl + '?inline=1');
      expect(dl.status).toBe(200);
      expect(dl.bytes.equals(bytes)).toBe(true);
      expect(dl.headers.get('content-type')).toBe(mime);
      // images may be shown inline; Office documents are always attachments
      expect(dl.headers.get('content-disposition')!.startsWith(mime.startsWith('image/') ? 'inline;' : 'attachment;')).toBe(true);
    }
  });

  it('replacing makes revision 2; revision 1 stays downloadable; both audited', async () => {
    const v1 = minimalPdf('versi 1');
    const v2 = minimalPdf('versi 2, diperbaiki');
    const a = await upload('coord', { submissionId: h.sub.draft, soalId: 3 }, { bytes: v1, name: 'laporan.pdf' });
    expect(a.status).toBe(201);
    const id = a.body.evidence.id;
    const b = await upload('coord', { evidenceId: id }, { bytes: v2, name: 'laporan v2.pdf' });
    expect(b.status).toBe(201);
    expect(b.body.evidence).toMatchObject({ id, currentRevision: 2, soalId: 3 });
    expect(b.body.revision).toMatchObject({ no: 2, fileName: 'laporan v2.pdf', sha256: sha(v2) });
    expect((await download('coord', `/api/evidence/${id}`)).bytes.equals(v2)).toBe(true);
    expect((await download('coord', `/api/evidence/${id}/revisions/1`)).bytes.equals(v1)).toBe(true);
    expect((await download('coord', `/api/evidence/${id}/revisions/2`)).bytes.equals(v2)).toBe(true);
    expect((await download('coord', `/api/evidence/${id}/revisions/3`)).status).toBe(404);
    const ev = await h.orm.em.fork().find(AuditEvent, { objectType: 'Evidence', objectId: String(id) }, { orderBy: { id: 'asc' } });
    expect(ev.map((e) => e.action)).toEqual(['evidence.upload', 'evidence.replace']);
    expect(ev[1].before).toMatchObject({ currentRevision: 1 });
    expect(ev[1].after).toMatchObject({ currentRevision: 2, file: { no: 2, sha256: sha(v2) } });
    // the SPA sends every field with evidenceId (admin/src/api/upload.ts): still a replacement
    const c = await upload(
      'coord',
      { submissionId: h.sub.draft, soalId: 3, level: 'SELF', purpose: 'ANSWER', evidenceId: id },
      { bytes: v1, name: 'laporan v3.pdf' },
    );
    expect(c.status).toBe(201);
    expect(c.body.revision).toMatchObject({ no: 3, sha256: sha(v1) });
    expect(c.body.deduplicated).toBe(true);
    // a replacement must name the same submission/item it belongs to
    const wrong = await upload('coord', { evidenceId: id, submissionId: h.sub.other }, { bytes: v2, name: 'x.pdf' });
    expect(wrong.status).toBe(422);
  });

  it('stores identical content once (content-addressed dedupe)', async () => {
    const pdf = minimalPdf('sama persis');
    const a = await upload('coord', { submissionId: h.sub.draft, soalId: 4 }, { bytes: pdf, name: 'a.pdf' });
    const b = await upload('coord', { submissionId: h.sub.draft, soalId: 5 }, { bytes: pdf, name: 'b.pdf' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.deduplicated).toBe(false);
    expect(b.body.deduplicated).toBe(true);
    expect(b.body.evidence.id).not.toBe(a.body.evidence.id);
    expect(storedFiles().blobs.filter((f) => f === sha(pdf))).toHaveLength(1);
    expect((await download('coord', `/api/evidence/${b.body.evidence.id}`)).headers.get('content-disposition')).toContain('filename="b.pdf"');
  });
});

describe('refusals leave no file and no row', () => {
  it('413 for a file over the limit (enforced while streaming)', async () => {
    await expectNothingLeft(async () => {
      const big = Buffer.concat([minimalPdf(), Buffer.alloc(MAX_BYTES, 0x20)]);
      const r = await upload('coord', { submissionId: h.sub.draft, soalId: 6 }, { bytes: big, name: 'besar.pdf' });
      expect(r.status).toBe(413);
      expect(r.body).toEqual({ error: 'PAYLOAD_TOO_LARGE', code: 'PAYLOAD_TOO_LARGE', message: 'Ukuran berkas melebihi batas 0,05 MB' });
    });
    // exactly at the limit is accepted
    const pdf = minimalPdf();
    const exact = Buffer.concat([pdf, Buffer.alloc(MAX_BYTES - pdf.length, 0x20)]);
    const ok = await upload('coord', { submissionId: h.sub.draft, soalId: 6 }, { bytes: exact, name: 'pas.pdf' });
    expect(ok.status).toBe(201);
    expect(ok.body.revision.size).toBe(MAX_BYTES);
  });

  it('413 from the declared Content-Length of a far larger body', async () => {
    await expectNothingLeft(async () => {
      const huge = Buffer.concat([minimalPdf(), Buffer.alloc(MAX_BYTES * 8, 0x20)]);
      const r = await upload('coord', { submissionId: h.sub.draft, soalId: 6 }, { bytes: huge, name: 'besar.pdf' }).catch((e: Error) => ({
        status: -1,
        body: String(e),
      }));
      expect(r.status).toBe(413);
    });
  });

  it('415 for a Windows executable renamed laporan.pdf (sniffed, not by name)', async () => {
    await expectNothingLeft(async () => {
      const r = await upload('coord', { submissionId: h.sub.draft, soalId: 7 }, { bytes: fakeExe(), name: 'laporan.pdf', type: 'application/pdf' });
      expect(r.status).toBe(415);
      expect(r.body).toEqual({
        error: 'UNSUPPORTED_MEDIA_TYPE',
        code: 'UNSUPPORTED_MEDIA_TYPE',
        message: 'Jenis berkas tidak diizinkan: hanya PDF, gambar, dan dokumen Office',
      });
    });
    await expectNothingLeft(async () => {
      const msi = await upload('coord', { submissionId: h.sub.draft, soalId: 7 }, { bytes: cfb(['SummaryInformation']), name: 'setup.doc' });
      expect(msi.status).toBe(415);
      const html = await upload('coord', { submissionId: h.sub.draft, soalId: 7 }, { bytes: Buffer.from('<html><script>alert(1)</script>'), name: 'a.pdf' });
      expect(html.status).toBe(415);
    });
  });

  it('401 without a session, 403 without the CSRF header', async () => {
    await expectNothingLeft(async () => {
      const r = await upload(null, { submissionId: h.sub.draft, soalId: 1 }, { bytes: minimalPdf(), name: 'a.pdf' });
      expect(r.status).toBe(401);
      expect(r.body.code).toBe('UNAUTHENTICATED');
      expect(r.body.message).toBe('Silakan masuk terlebih dahulu');
      const c = await upload('coord', { submissionId: h.sub.draft, soalId: 1 }, { bytes: minimalPdf(), name: 'a.pdf' }, { csrf: false });
      expect(c.status).toBe(403);
      expect(c.body.code).toBe('FORBIDDEN');
      expect(c.body.message).toContain('x-pantau-csrf');
    });
    expect((await download(null, '/api/evidence/1')).status).toBe(401);
  });

  it("403 for another satker's coordinator, a viewer, and a closed level; 404/422 for unknown targets", async () => {
    await expectNothingLeft(async () => {
      const other = await upload('coord2', { submissionId: h.sub.draft, soalId: 1 }, { bytes: minimalPdf(), name: 'a.pdf' });
      expect(other.status).toBe(403);
      expect(other.body.code).toBe('FORBIDDEN');
      // a refused target is reported as such even when the file is also too large
      const otherBig = await upload(
        'coord2',
        { submissionId: h.sub.draft, soalId: 1 },
        { bytes: Buffer.concat([minimalPdf(), Buffer.alloc(MAX_BYTES)]), name: 'a.pdf' },
      );
      expect(otherBig.status).toBe(403);
      const viewer = await upload('viewer', { submissionId: h.sub.draft, soalId: 1 }, { bytes: minimalPdf(), name: 'a.pdf' });
      expect(viewer.status).toBe(403);
      // the coordinator's own unit, but already SUBMITTED: the SELF level is closed
      const closed = await upload('coord', { submissionId: h.sub.submitted, soalId: 1 }, { bytes: minimalPdf(), name: 'a.pdf' });
      expect(closed.status).toBe(409);
      expect(closed.body.code).toBe('INVALID_STATE');
      const noSub = await upload('coord', { submissionId: 99999, soalId: 1 }, { bytes: minimalPdf(), name: 'a.pdf' });
      expect(noSub.status).toBe(404);
      expect(noSub.body.code).toBe('NOT_FOUND');
      const noSoal = await upload('coord', { submissionId: h.sub.draft, soalId: 999 }, { bytes: minimalPdf(), name: 'a.pdf' });
      expect(noSoal.status).toBe(422);
      expect(noSoal.body.message).toContain('999');
      const badId = await upload('coord', { submissionId: 'abc', soalId: 1 }, { bytes: minimalPdf(), name: 'a.pdf' });
      expect(badId.status).toBe(422);
      const noFile = await upload('coord', { submissionId: h.sub.draft, soalId: 1 }, null);
      expect(noFile.status).toBe(422);
      const noEvidence = await upload('coord', { evidenceId: 99999 }, { bytes: minimalPdf(), name: 'a.pdf' });
      expect(noEvidence.status).toBe(404);
    });
  });

  it('fields after the file are still validated and authorised', async () => {
    await expectNothingLeft(async () => {
      const fd = new FormData();
      fd.append('file', new Blob([new Uint8Array(minimalPdf())]), 'a.pdf');
      fd.append('submissionId', String(h.sub.draft));
      fd.append('soalId', '1');
      const res = await fetch(`${h.url}/api/evidence`, { method: 'POST', body: fd, headers: { cookie: h.cookie.coord2, 'x-pantau-csrf': '1' } });
      expect(res.status).toBe(403);
    });
    const fd = new FormData();
    fd.append('file', new Blob([new Uint8Array(minimalPdf('akhir'))]), 'a.pdf');
    fd.append('submissionId', String(h.sub.draft));
    fd.append('soalId', '1');
    const res = await fetch(`${h.url}/api/evidence`, { method: 'POST', body: fd, headers: { cookie: h.cookie.coord, 'x-pantau-csrf': '1' } });
    expect(res.status).toBe(201);
  });
});

describe('other roles and purposes', () => {
  it('an assigned evaluator uploads the LHE during desk review; not elsewhere', async () => {
    const ok = await upload('evaluator', { submissionId: h.sub.desk, purpose: 'LHE', title: 'LHE 2026' }, { bytes: minimalPdf('LHE'), name: 'LHE.pdf' });
    expect(ok.status).toBe(201);
    expect(ok.body.evidence).toMatchObject({ purpose: 'LHE', level: 'TPI', soalId: null });
    await expectNothingLeft(async () => {
      const notAssigned = await upload('evaluator', { submissionId: h.sub.draft, purpose: 'LHE' }, { bytes: minimalPdf('LHE'), name: 'LHE.pdf' });
      expect(notAssigned.status).toBe(403);
      const coordLhe = await upload('coord', { submissionId: h.sub.draft, purpose: 'LHE' }, { bytes: minimalPdf('LHE'), name: 'LHE.pdf' });
      expect(coordLhe.status).toBe(403);
      const lheWithSoal = await upload('evaluator', { submissionId: h.sub.desk, purpose: 'LHE', soalId: 3 }, { bytes: minimalPdf(), name: 'x.pdf' });
      expect(lheWithSoal.status).toBe(422);
      const badPurpose = await upload('coord', { submissionId: h.sub.draft, purpose: 'FOTO' }, { bytes: minimalPdf(), name: 'x.pdf' });
      expect(badPurpose.status).toBe(422);
    });
    // the Kanwil head reads it; another unit's coordinator may not
    expect((await download('kanwilHead', ok.body.evidence.downloadUrl)).status).toBe(200);
    expect((await download('coord2', ok.body.evidence.downloadUrl)).status).toBe(403);
  });

  it('the coordinator uploads the SPTJM without an item', async () => {
    const r = await upload('coord', { submissionId: h.sub.draft, purpose: 'SPTJM' }, { bytes: minimalPdf('SPTJM'), name: 'SPTJM Kepala.pdf' });
    expect(r.status).toBe(201);
    expect(r.body.evidence).toMatchObject({ purpose: 'SPTJM', level: 'SELF', soalId: null });
  });
});

describe('download safety', () => {
  it('a malicious file name (quotes, CR/LF, path, RFC 5987) cannot inject headers or paths', async () => {
    const boundary = '----pantau' + Date.now();
    const pdf = minimalPdf();
    const evil = `a%22%0D%0AX-Injected%3A%201%3B..%2F..%2Fetc%2Fpasswd%22%3B%20Laporan%20%C3%A0.pdf`;
    const body = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="submissionId"\r\n\r\n${h.sub.draft}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="soalId"\r\n\r\n8\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''${evil}\r\nContent-Type: application/pdf\r\n\r\n`,
      ),
      pdf,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = await fetch(`${h.url}/api/evidence`, {
      method: 'POST',
      body,
      headers: { cookie: h.cookie.coord, 'x-pantau-csrf': '1', 'content-type': `multipart/form-data; boundary=${boundary}` },
    });
    expect(res.status).toBe(201);
    const up = await res.json();
    const name: string = up.revision.fileName;
    expect(name).not.toMatch(/[\r\n"/\\]/);
    expect(name.endsWith('.pdf')).toBe(true);
    const dl = await download('coord', `/api/evidence/${up.evidence.id}`);
    expect(dl.status).toBe(200);
    expect(dl.headers.get('x-injected')).toBeNull();
    const cd = dl.headers.get('content-disposition')!;
    expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/);
    expect(cd.match(/"/g)).toHaveLength(2);
    expect(decodeURIComponent(cd.split("UTF-8''")[1])).toBe(name);
    expect(name).toContain('Laporan à.pdf');
  });

  it('a browser-encoded name with quotes and a line break comes back readable and safe', async () => {
    const up = await upload('coord', { submissionId: h.sub.draft, soalId: 8 }, { bytes: tinyPng(1, 1), name: 'Foto "Apel Pagi"\r\n.png' });
    expect(up.status).toBe(201);
    expect(up.body.revision.fileName).toBe('Foto _Apel Pagi_.png');
    const dl = await download('coord', up.body.evidence.downloadUrl);
    expect(dl.headers.get('content-disposition')).toBe(`attachment; filename="Foto _Apel Pagi_.png"; filename*=UTF-8''Foto%20_Apel%20Pagi_.png`);
  });

  it('ids are never paths; unknown ids are 404 JSON', async () => {
    for (const p of ['/api/evidence/..%2F..%2Fetc%2Fpasswd', '/api/evidence/1e3', '/api/evidence/99999', '/api/evidence/1/revisions/abc']) {
      const r = await fetch(`${h.url}${p}`, { headers: { cookie: h.cookie.coord } });
      expect(r.status, p).toBe(404);
      expect((await r.json()).code).toBe('NOT_FOUND');
    }
  });
});

describe('DELETE /api/evidence/:id', () => {
  it('soft-deletes (CSRF, authz), audited; the file stays stored', async () => {
    const pdf = minimalPdf('akan dihapus');
    const up = await upload('coord', { submissionId: h.sub.draft, soalId: 9 }, { bytes: pdf, name: 'hapus.pdf' });
    const id = up.body.evidence.id;
    const del = (who: Who, csrf = true) =>
      fetch(`${h.url}/api/evidence/${id}`, { method: 'DELETE', headers: { cookie: h.cookie[who], ...(csrf ? { 'x-pantau-csrf': '1' } : {}) } });
    expect((await del('coord', false)).status).toBe(403);
    expect((await del('coord2')).status).toBe(403);
    const ok = await del('coord');
    expect(ok.status).toBe(200);
    expect((await ok.json()).evidence).toMatchObject({ id, deleted: true });
    expect((await download('coord', `/api/evidence/${id}`)).status).toBe(404);
    expect((await del('coord')).status).toBe(404);
    const row = await h.orm.em.fork().findOneOrFail(Evidence, id);
    expect(row.deleted).toBe(true);
    expect(storedFiles().blobs).toContain(sha(pdf));
    const ev = await h.orm.em.fork().find(AuditEvent, { objectType: 'Evidence', objectId: String(id) }, { orderBy: { id: 'asc' } });
    expect(ev.map((e) => e.action)).toEqual(['evidence.upload', 'evidence.delete']);
  });
});

describe('service internals on the same database', () => {
  async function ctxFor(who: Who) {
    const { Session } = await import('../../../server/src/modules/user/entities');
    const { toAuthUser } = await import('../../../server/src/modules/auth/service');
    const em = h.orm.em.fork();
    const s = await em.findOneOrFail(Session, { user: h.users[who] }, { populate: ['user', 'user.roles'] });
    return { em: em as never, user: toAuthUser(s.user, s.id), req: {} as never, res: {} as never, config: h.config, ip: '', cache: new Map() };
  }

  it('a failed metadata write removes the blob it created, but never a blob another revision uses', async () => {
    const { Readable } = await import('node:stream');
    const { EvidenceBlobStore } = await import('../../../server/src/modules/evidence/blob-store');
    const { commitUpload } = await import('../../../server/src/modules/evidence/service');
    const { allowedType } = await import('../../../server/src/modules/evidence/sniff');
    const { EvidencePurpose } = await import('../../../server/src/modules/evidence/entities');
    const store = new EvidenceBlobStore(h.dataDir);
    const ctx = await ctxFor('coord');
    // a target whose submission does not exist: the INSERT fails on its foreign key, after the file is in place
    const ghost = {
      submission: { id: 987654, satker: { id: 1, kanwil: { id: 1 } } },
      purpose: EvidencePurpose.ANSWER,
      level: 'SELF',
      soalId: 1,
      title: null,
      description: null,
    } as never;
    const fresh = minimalPdf('baru, akan gagal');
    const before = await counts();
    const tmp = await store.receive(Readable.from([fresh]));
    await expect(commitUpload(ctx, store, ghost, tmp, allowedType('application/pdf')!, 'x.pdf')).rejects.toThrow();
    expect(storedFiles().blobs).not.toContain(sha(fresh));
    expect(storedFiles().tmp).toEqual([]);
    expect(await counts()).toEqual(before);

    // same failure with content that an existing revision already stores: the blob must stay
    const existing = minimalPdf('Kebijakan pelayanan'); // uploaded in the first test
    expect(storedFiles().blobs).toContain(sha(existing));
    const tmp2 = await store.receive(Readable.from([existing]));
    await expect(commitUpload(ctx, store, ghost, tmp2, allowedType('application/pdf')!, 'x.pdf')).rejects.toThrow();
    expect(storedFiles().blobs).toContain(sha(existing));
    expect(storedFiles().tmp).toEqual([]);
  });

  it('lists a whole submission’s evidence in a constant number of SQL statements', async () => {
    const { listEvidence } = await import('../../../server/src/modules/evidence/service');
    const measure = async (submissionId: number) => {
      const ctx = await ctxFor('kanwilHead');
      const start = h.sql.count;
      const rows = await listEvidence(ctx, submissionId);
      return { rows, statements: h.sql.count - start };
    };
    const many = await measure(h.sub.draft);
    expect(many.rows.length).toBeGreaterThan(8);
    expect(many.rows.every((r) => r.revisions.isInitialized())).toBe(true);
    expect(
      many.rows
        .find((r) => r.currentRevision === 3)!
        .revisions.getItems()
        .map((x) => x.no),
    ).toEqual([1, 2, 3]);
    expect(many.rows.every((r) => r.revisions.getItems().every((x) => typeof x.uploadedBy.displayName === 'string'))).toBe(true);
    const one = await measure(h.sub.desk); // a single evidence (the LHE)
    expect(one.rows).toHaveLength(1);
    expect(many.statements).toBe(one.statements);
    expect(many.statements).toBeLessThanOrEqual(6);
  });
});

describe('GraphQL', () => {
  async function gql(who: Who | null, query: string, variables: Record<string, unknown> = {}) {
    const res = await fetch(`${h.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(who ? { cookie: h.cookie[who] } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return res.json() as Promise<{ data?: any; errors?: Array<{ message: string; extensions: { code: string } }> }>;
  }
  const FIELDS = `id submissionId purpose soalId level title currentRevision downloadUrl
    current { no fileName }
    revisions { id no fileName size mimeType sha256 uploadedById uploadedBy uploadedAt downloadUrl }`;

  it('evidence(submissionId, soalId) lists evidence with revisions', async () => {
    const r = await gql('viewer', `query($s: Int!, $q: Int) { evidence(submissionId: $s, soalId: $q) { ${FIELDS} } }`, {
      s: h.sub.draft,
      q: 3,
    });
    expect(r.errors).toBeUndefined();
    expect(r.data.evidence).toHaveLength(1);
    const e = r.data.evidence[0];
    expect(e).toMatchObject({ soalId: 3, purpose: 'ANSWER', level: 'SELF', currentRevision: 3, current: { no: 3, fileName: 'laporan v3.pdf' } });
    expect(e.revisions.map((x: { no: number }) => x.no)).toEqual([1, 2, 3]);
    expect(e.revisions[0]).toMatchObject({
      fileName: 'laporan.pdf',
      mimeType: 'application/pdf',
      uploadedById: h.users.coord,
      uploadedBy: 'Koordinator Kanim Palembang',
      downloadUrl: `/api/evidence/${e.id}/revisions/1`,
    });
    expect(e.revisions[0].sha256).toMatch(/^[0-9a-f]{64}$/);
    // the URL it gives downloads the file
    expect((await download('viewer', e.revisions[0].downloadUrl)).status).toBe(200);
  });

  it('the whole submission at once, also as Submission.evidence (batched), deleted evidence hidden', async () => {
    const all = await gql('coord', `query($s: Int!) { evidence(submissionId: $s) { id soalId purpose } }`, { s: h.sub.draft });
    expect(all.errors).toBeUndefined();
    expect(all.data.evidence.length).toBeGreaterThan(8);
    expect(all.data.evidence.some((e: { soalId: number }) => e.soalId === 9)).toBe(false); // soft-deleted above
    const start = h.sql.count;
    const nested = await gql('kanwilHead', `query($s: Int!) { submission(id: $s) { id evidence { ${FIELDS} } item1: evidence(soalId: 1) { id } } }`, {
      s: h.sub.draft,
    });
    const statements = h.sql.count - start;
    expect(nested.errors).toBeUndefined();
    expect(nested.data.submission.evidence.map((e: { id: number }) => e.id)).toEqual(all.data.evidence.map((e: { id: number }) => e.id));
    expect(nested.data.submission.item1.length).toBeGreaterThan(0);
    expect(statements).toBeLessThan(20);
  });

  it('refuses readers outside the unit and anonymous users', async () => {
    const other = await gql('coord2', `query($s: Int!) { evidence(submissionId: $s) { id } }`, { s: h.sub.draft });
    expect(other.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const anon = await gql(null, `query($s: Int!) { evidence(submissionId: $s) { id } }`, { s: h.sub.draft });
    expect(anon.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const missing = await gql('coord', `query { evidence(submissionId: 999999) { id } }`);
    expect(missing.errors?.[0].extensions.code).toBe('NOT_FOUND');
  });

  it('deleteEvidence mutation: same rule as DELETE, audited', async () => {
    const up = await upload('coord', { submissionId: h.sub.draft, soalId: 10 }, { bytes: minimalPdf('gql hapus'), name: 'g.pdf' });
    const m = `mutation($id: Int!) { deleteEvidence(id: $id) { id } }`;
    const denied = await gql('coord2', m, { id: up.body.evidence.id });
    expect(denied.errors?.[0].extensions.code).toBe('FORBIDDEN');
    const ok = await gql('coord', m, { id: up.body.evidence.id });
    expect(ok.errors).toBeUndefined();
    expect((await download('coord', up.body.evidence.downloadUrl)).status).toBe(404);
    const ev = await h.orm.em.fork().find(AuditEvent, { objectType: 'Evidence', objectId: String(up.body.evidence.id) }, { orderBy: { id: 'asc' } });
    expect(ev.map((e) => e.action)).toEqual(['evidence.upload', 'evidence.delete']);
  });
});

describe('streaming edge cases', () => {
  it('a chunked body far over the limit (no Content-Length) is cut off with 413 and leaves nothing', async () => {
    await expectNothingLeft(async () => {
      const boundary = 'pantauchunked';
      const head = Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="submissionId"\r\n\r\n${h.sub.draft}\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="soalId"\r\n\r\n11\r\n` +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="besar.pdf"\r\n\r\n`,
      );
      const chunk = Buffer.alloc(64 * 1024, 0x20);
      let sent = 0;
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          if (sent === 0) c.enqueue(new Uint8Array(Buffer.concat([head, minimalPdf()])));
          else if (sent > 200)
            c.close(); // ~12.8 MB, far beyond limit + framing allowance
          else c.enqueue(new Uint8Array(chunk));
          sent++;
        },
      });
      let status = -1;
      {
        const res = await fetch(`${h.url}/api/evidence`, {
          method: 'POST',
          body,
          duplex: 'half',
          headers: { cookie: h.cookie.coord, 'x-pantau-csrf': '1', 'content-type': `multipart/form-data; boundary=${boundary}` },
        } as RequestInit);
        status = res.status;
        expect((await res.json()).code).toBe('PAYLOAD_TOO_LARGE');
      }
      expect(status).toBe(413);
      await new Promise((r) => setTimeout(r, 100));
    });
  });

  it('a client that disconnects mid-upload leaves no temp file and no row', async () => {
    const net = await import('node:net');
    await expectNothingLeft(async () => {
      const u = new URL(h.url);
      const boundary = 'pantauabort';
      const head =
        `--${boundary}\r\nContent-Disposition: form-data; name="submissionId"\r\n\r\n${h.sub.draft}\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="soalId"\r\n\r\n12\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="putus.pdf"\r\n\r\n`;
      const sock = net.connect(Number(u.port), u.hostname);
      await new Promise<void>((r) => sock.once('connect', () => r()));
      sock.write(
        `POST /api/evidence HTTP/1.1\r\nHost: ${u.host}\r\nCookie: ${h.cookie.coord}\r\nx-pantau-csrf: 1\r\n` +
          `Content-Type: multipart/form-data; boundary=${boundary}\r\nContent-Length: 40000\r\n\r\n`,
      );
      sock.write(head);
      sock.write(minimalPdf());
      sock.write(Buffer.alloc(5000, 0x20));
      // the file is being streamed into a temp file now
      for (let i = 0; i < 50 && storedFiles().tmp.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect(storedFiles().tmp).toHaveLength(1);
      sock.destroy();
      await new Promise((r) => setTimeout(r, 200));
    });
  });
});

describe('file names', () => {
  it('keeps a UTF-8 multipart file name exactly (no latin1 garbling) and serves it back in Content-Disposition', async () => {
    const name = 'Laporan–Triwulan ø ĳ 报告.pdf';
    const up = await upload('coord', { submissionId: h.sub.draft, soalId: 3 }, { bytes: minimalPdf('utf8'), name });
    expect(up.status).toBe(201);
    expect(up.body.revision.fileName).toBe(name);
  });
});
