/**
 * Evidence use cases shared by the REST routes (upload/download/delete) and the GraphQL resolver (listing).
 * Authorisation goes through policy.ts only.
 */
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/knex';
import { audit } from '../../common/audit';
import { requireUser } from '../../common/authz';
import { memo, type Ctx } from '../../common/context';
import { AnswerLevel } from '../../common/enums';
import { badInput, conflict, notFound } from '../../common/errors';
import { instrumentOf } from '../instrument/service';
import type { Period } from '../period/entities';
import { Submission } from '../submission/entities';
import { User } from '../user/entities';
import { EvidenceBlobStore, isSha256Hex, type TempBlob } from './blob-store';
import { lockDigest, removeIfUnreferenced } from './reconcile';
import { Evidence, EvidencePurpose, EvidenceRevision } from './entities';
import { sanitizeFileName } from './filename';
import { assertCanReadEvidence, assertCanWriteEvidence, levelForPurpose } from './policy';
import { submissionRoute } from '../route/lookup';
import type { SniffedType } from './sniff';

/** What an upload asks for (already parsed from the multipart fields). */
export interface UploadTarget {
  submissionId?: number;
  soalId?: number;
  purpose?: EvidencePurpose;
  level?: AnswerLevel;
  /** Set to add a revision to (replace the file of) an existing evidence. */
  evidenceId?: number;
  title?: string;
  description?: string;
}

/** A resolved, authorised target: either a new evidence or an existing one. */
export interface ResolvedTarget {
  submission: Submission & { period: Period };
  existing?: Evidence;
  purpose: EvidencePurpose;
  level: AnswerLevel;
  soalId: number | null;
  title: string | null;
  description: string | null;
}

const TITLE_MAX = 200;
const DESCRIPTION_MAX = 2000;

type LoadedSubmission = Submission & { period: Period };

async function loadSubmission(em: EntityManager, id: number): Promise<LoadedSubmission> {
  const sub = await em.findOne(Submission, id, { populate: ['satker', 'period'] });
  if (!sub) throw notFound('Penilaian', id);
  return sub as LoadedSubmission;
}

async function loadEvidence(em: EntityManager, id: number): Promise<Evidence> {
  const ev = await em.findOne(Evidence, { id, deleted: false }, { populate: ['submission', 'submission.satker', 'submission.period'] });
  if (!ev) throw notFound('Bukti dukung', id);
  return ev;
}

function clean(s: string | undefined, max: number, what: string): string | null {
  if (s === undefined) return null;
  // eslint-disable-next-line no-control-regex
  const t = s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
  if (t.length > max) throw badInput(`${what} terlalu panjang (maksimal ${max} karakter)`);
  return t || null;
}

/**
 * Validates the target (404 unknown submission/evidence, BAD_USER_INPUT unknown soalId or inconsistent fields)
 * and authorises it (FORBIDDEN / INVALID_STATE / DEADLINE_PASSED). Touches no file.
 */
export async function resolveUploadTarget(ctx: Ctx, t: UploadTarget): Promise<ResolvedTarget> {
  requireUser(ctx);
  const em = ctx.em;
  const title = clean(t.title, TITLE_MAX, 'Judul');
  const description = clean(t.description, DESCRIPTION_MAX, 'Keterangan');
  if (t.evidenceId !== undefined) {
    const existing = await loadEvidence(em, t.evidenceId);
    const submission = existing.submission as LoadedSubmission;
    if (t.submissionId !== undefined && t.submissionId !== submission.id) {
      throw badInput('Bukti dukung ini bukan milik penilaian tersebut');
    }
    if (t.soalId !== undefined && t.soalId !== (existing.soalId ?? undefined)) {
      throw badInput('Bukti dukung ini bukan milik butir tersebut');
    }
    await assertCanReadEvidence(ctx, submission);
    await assertCanWriteEvidence(ctx, submission, existing.purpose, existing.level);
    return {
      submission,
      existing,
      purpose: existing.purpose,
      level: existing.level,
      soalId: existing.soalId ?? null,
      title: title ?? existing.title ?? null,
      description: description ?? existing.description ?? null,
    };
  }
  if (t.submissionId === undefined) throw badInput('submissionId wajib diisi');
  const purpose = t.purpose ?? EvidencePurpose.ANSWER;
  const submission = await loadSubmission(em, t.submissionId);
  await assertCanReadEvidence(ctx, submission);
  if (purpose === EvidencePurpose.ANSWER && t.soalId === undefined) {
    throw badInput('soalId wajib diisi untuk bukti dukung butir LKE');
  }
  if ((purpose === EvidencePurpose.LHE || purpose === EvidencePurpose.SPTJM) && t.soalId !== undefined) {
    throw badInput(`Bukti ${purpose} tidak terkait dengan butir LKE (soalId harus kosong)`);
  }
  const deskTeam = purpose === EvidencePurpose.LHE ? (await submissionRoute(em, submission)).deskTeam : undefined;
  if (purpose !== EvidencePurpose.ANSWER && t.level !== undefined && t.level !== levelForPurpose(purpose, undefined, deskTeam)) {
    throw badInput(`Tingkat ${t.level} tidak berlaku untuk bukti ${purpose}`);
  }
  if (t.soalId !== undefined) {
    const inst = await instrumentOf(em, submission.period.instrumentVersion.id);
    if (!inst.itemById[t.soalId]) throw badInput(`Butir LKE (soal_id) ${t.soalId} tidak ada pada instrumen ini`);
  }
  const level = levelForPurpose(purpose, t.level, deskTeam);
  await assertCanWriteEvidence(ctx, submission, purpose, level);
  return { submission, purpose, level, soalId: t.soalId ?? null, title, description };
}

export interface UploadResult {
  evidence: Evidence;
  revision: EvidenceRevision;
  /** False when identical content was already stored (deduplicated). */
  newBlob: boolean;
}

/**
 * Puts a received (and sniffed) temp file in place and records it: the file is renamed into its content address
 * FIRST, then the rows and the audit event are written in one transaction; if that fails, a blob this upload
 * created is removed again unless another revision references the same digest.
 */
export async function commitUpload(
  ctx: Ctx,
  store: EvidenceBlobStore,
  target: ResolvedTarget,
  tmp: TempBlob,
  type: SniffedType,
  originalName: string | undefined,
): Promise<UploadResult> {
  const user = requireUser(ctx);
  const fileName = sanitizeFileName(originalName, type);
  return store.withLock(tmp.sha256, async () => {
    let created = false;
    try {
      // Its own unit of work: only the evidence rows (and their audit event) belong to this commit, whatever else
      // the request has loaded. The digest's lock (in the database, so across processes) is held from putting the
      // file in place until the rows are committed: a concurrent cleanup of the same content waits and then sees
      // the row. The file is in place (fsynced) before the rows commit, so a row always has its file; a crash in
      // between leaves a file without a row, which the start-up reconcile removes (reconcile.ts).
      const result = await ctx.em.fork().transactional(async (em) => {
        await lockDigest(em as EntityManager, tmp.sha256);
        ({ created } = await store.commit(tmp));
        const uploader = em.getReference(User, user.id);
        const now = new Date();
        let evidence: Evidence;
        let before: unknown = null;
        if (target.existing) {
          evidence = await em.findOneOrFail(Evidence, target.existing.id);
          if (evidence.deleted) throw notFound('Bukti dukung', evidence.id);
          before = snapshot(evidence);
          evidence.currentRevision += 1;
          evidence.updatedAt = now;
          evidence.title = target.title;
          evidence.description = target.description;
        } else {
          evidence = em.create(Evidence, {
            submission: em.getReference(Submission, target.submission.id),
            purpose: target.purpose,
            soalId: target.soalId,
            level: target.level,
            title: target.title,
            description: target.description,
            currentRevision: 1,
            createdBy: uploader,
            createdAt: now,
            updatedAt: now,
            deleted: false,
          });
        }
        const revision = em.create(EvidenceRevision, {
          evidence,
          no: evidence.currentRevision,
          sha256: tmp.sha256,
          size: tmp.size,
          mimeType: type.mime,
          fileName,
          uploadedBy: uploader,
          uploadedAt: now,
        });
        await em.flush();
        audit(em, ctx, {
          action: target.existing ? 'evidence.replace' : 'evidence.upload',
          objectType: 'Evidence',
          objectId: evidence.id,
          kanwilId: target.submission.satker.kanwil.id,
          satkerId: target.submission.satker.id,
          before,
          after: { ...snapshot(evidence), file: revisionSnapshot(revision) },
        });
        await em.flush();
        return { evidence, revision };
      });
      return { ...result, newBlob: created };
    } catch (err) {
      await store.discard(tmp).catch(() => undefined); // failed before commit: the temp file goes
      if (created) await removeIfUnreferenced(ctx.em, store, tmp.sha256).catch(() => undefined);
      if (err instanceof UniqueConstraintViolationException) {
        throw conflict('Bukti dukung ini baru saja diubah oleh pengguna lain; muat ulang lalu coba lagi');
      }
      throw err;
    }
  });
}

/** Soft-deletes an evidence (its files and revisions stay), audited. */
export async function deleteEvidence(ctx: Ctx, id: number): Promise<Evidence> {
  const user = requireUser(ctx);
  const ev = await loadEvidence(ctx.em, id);
  const sub = ev.submission as LoadedSubmission;
  await assertCanReadEvidence(ctx, sub);
  await assertCanWriteEvidence(ctx, sub, ev.purpose, ev.level);
  // a clean fork, as in commitUpload: only the evidence row is written
  await ctx.em.fork().transactional(async (em) => {
    const e = await em.findOneOrFail(Evidence, id);
    if (e.deleted) throw notFound('Bukti dukung', id);
    const before = snapshot(e);
    e.deleted = true;
    e.deletedAt = new Date();
    e.deletedBy = em.getReference(User, user.id);
    e.updatedAt = e.deletedAt;
    audit(em, ctx, {
      action: 'evidence.delete',
      objectType: 'Evidence',
      objectId: e.id,
      kanwilId: sub.satker.kanwil.id,
      satkerId: sub.satker.id,
      before,
      after: snapshot(e),
    });
    await em.flush();
    return e;
  });
  // the stored row with its revisions, as the caller shows it (the fork's entity has none loaded)
  return ctx.em.findOneOrFail(Evidence, id, { populate: ['revisions', 'revisions.uploadedBy'], refresh: true });
}

/**
 * The revision to serve (the current one, or revision `no`), after the read check. 404 for an unknown or deleted
 * evidence or revision; the digest is validated before it is ever turned into a path.
 */
export async function revisionForDownload(ctx: Ctx, evidenceId: number, no?: number): Promise<EvidenceRevision> {
  requireUser(ctx);
  const ev = await loadEvidence(ctx.em, evidenceId);
  await assertCanReadEvidence(ctx, ev.submission);
  const rev = await ctx.em.findOne(EvidenceRevision, { evidence: ev.id, no: no ?? ev.currentRevision });
  if (!rev) throw notFound(`Revisi ${no ?? ev.currentRevision} bukti dukung`, evidenceId);
  if (!isSha256Hex(rev.sha256)) throw notFound('Berkas bukti dukung', evidenceId);
  return rev;
}

/**
 * Evidence of a submission (optionally of one item), with revisions and uploaders, in a constant number of
 * queries (evidence, revisions, users) however many items and files there are.
 */
export async function listEvidence(ctx: Ctx, submissionId: number, soalId?: number | null): Promise<Evidence[]> {
  requireUser(ctx);
  const sub = await ctx.em.findOne(Submission, submissionId, { populate: ['satker'] });
  if (!sub) throw notFound('Penilaian', submissionId);
  await assertCanReadEvidence(ctx, sub);
  return ctx.em.find(
    Evidence,
    { submission: submissionId, deleted: false, ...(soalId != null ? { soalId } : {}) },
    {
      populate: ['revisions', 'revisions.uploadedBy', 'createdBy'],
      orderBy: { soalId: 'asc', id: 'asc', revisions: { no: 'asc' } },
    },
  );
}

/** The evidence's own fields: the audit snapshot, and the base of the REST and GraphQL shapes. */
export function snapshot(e: Evidence) {
  return {
    id: e.id,
    submissionId: e.submission.id,
    purpose: e.purpose,
    soalId: e.soalId ?? null,
    level: e.level,
    title: e.title ?? null,
    description: e.description ?? null,
    currentRevision: e.currentRevision,
    deleted: e.deleted,
  };
}

export function revisionSnapshot(r: EvidenceRevision) {
  return { no: r.no, sha256: r.sha256, size: r.size, mimeType: r.mimeType, fileName: r.fileName };
}

/** Download paths (relative to the server root). */
export const evidenceUrl = (id: number) => `/api/evidence/${id}`;
export const revisionUrl = (id: number, no: number) => `/api/evidence/${id}/revisions/${no}`;

/** Evidence of many submissions in one query set (evidence + revisions + uploaders), per request. */
export function evidenceBySubmissionLoader(ctx: Ctx): DataLoader<number, Evidence[]> {
  return memo(
    ctx,
    'loader:evidence',
    () =>
      new DataLoader<number, Evidence[]>(async (ids) => {
        const rows = await ctx.em.find(
          Evidence,
          { submission: { $in: [...ids] }, deleted: false },
          { populate: ['revisions', 'revisions.uploadedBy'], orderBy: { soalId: 'asc', id: 'asc' } },
        );
        const by = new Map<number, Evidence[]>();
        for (const r of rows) {
          const l = by.get(r.submission.id);
          if (l) l.push(r);
          else by.set(r.submission.id, [r]);
        }
        return ids.map((id) => by.get(id) ?? []);
      }),
  );
}
