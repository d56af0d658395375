/**
 * The public response page's server side (no login; DOMAIN.md §8): the form of one link (service type) with a
 * one-time ticket, and the submission of one response. Abuse limits without any outside CAPTCHA service:
 *  - per-link rate limits in fixed one-minute windows, counted in the database (all processes share them);
 *  - a one-time ticket per response: only its hash is stored, and the response row references the ticket with a
 *    unique key, so a second submission with the same ticket fails in the database even across processes;
 *  - a honeypot field (`website`) that people never see: a filled one is answered like success, stored nowhere;
 *  - only while the round is OPEN (from its start date through its end date, and not closed).
 * A response is one row (every statement's score in it), so it is stored all or nothing.
 */
import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { UniqueConstraintViolationException } from '@mikro-orm/core';
import { questionnaire, validateResponseScores } from '@pantau/shared';
import { SurveyLink, SurveyRateWindow, SurveyResponse, SurveyTicket, type CodedName } from './entities';
import { parseNames, roundState } from './service';
import { RestError } from '../../common/rest-errors';

/** Requests per link per minute. A lobby QR code sees bursts of a few people, not hundreds. */
export const SURVEY_LIMITS = { formPerMinute: 60, submitPerMinute: 30 };

export class PublicSurveyError extends RestError {
  constructor(
    readonly status: 404 | 409 | 410 | 422 | 429,
    code: 'NOT_FOUND' | 'CONFLICT' | 'INVALID_STATE' | 'BAD_USER_INPUT' | 'RATE_LIMITED',
    message: string,
    readonly retryAfter?: number,
  ) {
    super(code, message, { status, retryAfter });
  }
}

export const sha256 = (s: string) => crypto.createHash('sha256').update(s).digest('hex');

async function loadLink(em: EntityManager, token: string): Promise<SurveyLink> {
  const link = typeof token === 'string' && token.length <= 64 ? await em.findOne(SurveyLink, { token }, { populate: ['round', 'round.satker'] }) : null;
  if (!link) throw new PublicSurveyError(404, 'NOT_FOUND', 'Tautan survei tidak ditemukan');
  return link;
}

/** Counts one request of `action` on the link in the current minute; refuses above the limit (429). */
async function hit(em: EntityManager, linkId: number, action: 'form' | 'submit', limit: number, now: Date): Promise<void> {
  const windowStart = Math.floor(now.getTime() / 60_000);
  const knex = em.getKnex();
  const table = em.getMetadata().get(SurveyRateWindow.name).tableName;
  const rows: { hits: number }[] = await knex(table)
    .insert({ link_id: linkId, action, window_start: windowStart, hits: 1 })
    .onConflict(['link_id', 'action', 'window_start'])
    .merge({ hits: knex.raw('??.?? + 1', [table, 'hits']) })
    .returning(['hits']);
  await knex(table)
    .where({ link_id: linkId, action })
    .andWhere('window_start', '<', windowStart - 1)
    .delete();
  if (Number(rows[0]?.hits ?? 0) > limit) {
    throw new PublicSurveyError(
      429,
      'RATE_LIMITED',
      'Terlalu banyak permintaan dari tautan ini; coba lagi sebentar lagi',
      60 - (Math.floor(now.getTime() / 1000) % 60),
    );
  }
}

function assertOpen(link: SurveyLink, now: Date) {
  const state = roundState(link.round, now);
  if (state === 'SCHEDULED') throw new PublicSurveyError(410, 'INVALID_STATE', `Survei ini baru dibuka pada ${link.round.startDate}`);
  if (state !== 'OPEN') throw new PublicSurveyError(410, 'INVALID_STATE', 'Survei ini sudah ditutup. Terima kasih atas perhatian Anda');
}

export interface PublicForm {
  unitName: string;
  serviceType: CodedName;
  respondentGroups: CodedName[];
  questionnaireVersion: string;
  startDate: string;
  endDate: string;
  state: string;
  /** One-time ticket to send back with the response (only while the round is open). */
  ticket: string | null;
}

/** The form of a link: what the page shows, plus a fresh one-time ticket while the round is open. */
export async function publicForm(em: EntityManager, token: string, now = new Date()): Promise<PublicForm> {
  const link = await loadLink(em, token);
  await hit(em, link.id, 'form', SURVEY_LIMITS.formPerMinute, now);
  const round = link.round;
  const state = roundState(round, now);
  let ticket: string | null = null;
  if (state === 'OPEN') {
    ticket = crypto.randomBytes(24).toString('base64url');
    em.create(SurveyTicket, { link, tokenHash: sha256(ticket), issuedAt: now });
    await em.flush();
  }
  const serviceType = parseNames(round.serviceTypesJson).find((s) => s.code === link.serviceType)!;
  return {
    unitName: round.satker.name,
    serviceType,
    respondentGroups: parseNames(round.respondentGroupsJson),
    questionnaireVersion: round.questionnaireVersion,
    startDate: round.startDate,
    endDate: round.endDate,
    state,
    ticket,
  };
}

export interface PublicResponseInput {
  ticket?: unknown;
  respondentGroup?: unknown;
  scores?: unknown;
  /** Honeypot: hidden from people, filled by form-filling robots. */
  website?: unknown;
}

/** Stores one response (all statements, one row). Returns false when the honeypot caught it (nothing stored). */
export async function submitPublicResponse(em: EntityManager, token: string, body: PublicResponseInput, now = new Date()): Promise<boolean> {
  const link = await loadLink(em, token);
  await hit(em, link.id, 'submit', SURVEY_LIMITS.submitPerMinute, now);
  assertOpen(link, now);
  if (typeof body?.website === 'string' && body.website.trim() !== '') return false;
  const round = link.round;
  const ticketHash = typeof body?.ticket === 'string' && body.ticket.length <= 64 ? sha256(body.ticket) : null;
  const ticket = ticketHash ? await em.findOne(SurveyTicket, { tokenHash: ticketHash, link: link.id }) : null;
  if (!ticket) throw new PublicSurveyError(422, 'BAD_USER_INPUT', 'Formulir ini tidak berlaku lagi; muat ulang halaman survei');
  const issues: string[] = [];
  const groups = parseNames(round.respondentGroupsJson);
  if (!groups.some((g) => g.code === body.respondentGroup)) issues.push('Pilih kelompok responden');
  const scores = body.scores && typeof body.scores === 'object' && !Array.isArray(body.scores) ? (body.scores as Record<string, unknown>) : {};
  issues.push(...validateResponseScores(questionnaire(round.questionnaireVersion), scores));
  if (issues.length) throw new PublicSurveyError(422, 'BAD_USER_INPUT', issues.join('; '));
  if (await em.count(SurveyResponse, { ticket: ticket.id })) throw alreadySent();
  try {
    em.create(SurveyResponse, {
      round,
      link,
      ticket,
      serviceType: link.serviceType,
      respondentGroup: body.respondentGroup as string,
      scoresJson: JSON.stringify(scores),
      submittedAt: now,
    });
    await em.flush();
  } catch (e) {
    // two submissions with one ticket at the same moment: the unique key lets exactly one in
    if (e instanceof UniqueConstraintViolationException) throw alreadySent();
    throw e;
  }
  return true;
}

const alreadySent = () => new PublicSurveyError(409, 'CONFLICT', 'Tanggapan dengan formulir ini sudah terkirim. Terima kasih');
