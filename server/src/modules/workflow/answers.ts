/** Reading and copying one level's stored answers (used by guards, copies on entering a status, nomination). */
import type { EntityManager } from '@mikro-orm/knex';
import { isBlank, type Answers, type Instrument } from '@pantau/shared';
import { AnswerLevel } from '../../common/enums';
import { Answer, decodeValue, encodeValue } from '../answer/entities';
import { User } from '../user/entities';

/** One level's answers of a submission by soal_id (one query). */
export async function levelAnswers(em: EntityManager, submissionId: number, level: AnswerLevel): Promise<Answers> {
  const rows = await em.find(Answer, { submission: submissionId, level }, { fields: ['soalId', 'valueJson'] as never });
  const out: Answers = {};
  for (const r of rows) out[r.soalId] = decodeValue(r.valueJson);
  return out;
}

/** Required items (everything but the survey items) still blank, in instrument order. */
export function unansweredRequired(inst: Instrument, answers: Answers): number[] {
  return inst.items.filter((i) => i.required && isBlank(answers[i.soalId])).map((i) => i.soalId);
}

/**
 * A level's answers start as copies of another's (shared table `copyLevel`): every answered slot of `from` is
 * copied (value only; notes are each level's own) into `to` where `to` has no answer yet. Survey items are not
 * copied: a unit's internal-survey estimate stays its own, and the reviewer levels take the recorded survey result
 * (DOMAIN §2). Returns how many.
 */
export async function copyLevelAnswers(
  em: EntityManager,
  inst: Instrument,
  submissionId: number,
  from: AnswerLevel,
  to: AnswerLevel,
  userId: number,
): Promise<number> {
  const rows = await em.find(Answer, { submission: submissionId, level: { $in: [from, to] } });
  const target = new Map(rows.filter((r) => r.level === to).map((r) => [r.soalId, r]));
  const now = new Date();
  let n = 0;
  for (const r of rows) {
    if (r.level !== from || isBlank(decodeValue(r.valueJson)) || inst.itemById[r.soalId]?.survey) continue;
    const t = target.get(r.soalId);
    if (t && !isBlank(decodeValue(t.valueJson))) continue;
    if (t) {
      t.valueJson = encodeValue(decodeValue(r.valueJson));
      t.updatedAt = now;
      t.updatedBy = em.getReference(User, userId); // version: bumped by the database on flush
    } else {
      em.persist(
        em.create(Answer, {
          submission: submissionId,
          soalId: r.soalId,
          level: to,
          valueJson: r.valueJson,
          note: null,
          updatedBy: em.getReference(User, userId),
          updatedAt: now,
          version: 1,
        } as never),
      );
    }
    n++;
  }
  return n;
}
