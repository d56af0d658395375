/**
 * Demo survey rounds (the unit's own SPKP/SPAK surveys) so a newcomer sees results at once:
 *  - Kantor Imigrasi Tarakan (passport and residence-permit services): a closed round last quarter (42 responses,
 *    its result recorded as INTERNAL IPAK/IPKP);
 *  - Kantor Imigrasi Polonia (the same services): an open round with 12 responses so far (its link works now);
 *  - Rutan Kelas I Medan (visitor services): a closed round (36 responses, recorded).
 */
import crypto from 'node:crypto';
import type { EntityManager } from '@mikro-orm/knex';
import { DEFAULT_QUESTIONNAIRE_VERSION, jakartaDate, questionnaire, surveyRoundResult, type SurveyResponseData } from '@pantau/shared';
import type { Satker } from '../modules/org/entities';
import type { Period } from '../modules/period/entities';
import { Submission } from '../modules/submission/entities';
import { SurveyLink, SurveyResponse, SurveyRound, SurveyTicket } from '../modules/survey/entities';
import { recordRoundResults } from '../modules/survey/service';
import type { User } from '../modules/user/entities';

const day = 86_400_000;

interface DemoRound {
  unit: string;
  serviceTypes: string[];
  groups: string[];
  /** days from now */
  start: number;
  end: number;
  responses: number;
  /** mean score level of the unit's respondents (1–6) */
  level: number;
  closed: boolean;
}

export const DEMO_SURVEY_ROUNDS: DemoRound[] = [
  {
    unit: 'IMI-TARAKAN',
    serviceTypes: ['Paspor', 'Izin tinggal'],
    groups: ['Pemohon', 'Kuasa / biro jasa'],
    start: -120,
    end: -90,
    responses: 42,
    level: 5.2,
    closed: true,
  },
  {
    unit: 'IMI-POLONIA',
    serviceTypes: ['Paspor', 'Izin tinggal'],
    groups: ['Pemohon', 'Kuasa / biro jasa'],
    start: -5,
    end: 25,
    responses: 12,
    level: 5.4,
    closed: false,
  },
  {
    unit: 'PAS-RUTAN-MEDAN',
    serviceTypes: ['Layanan kunjungan', 'Penitipan barang'],
    groups: ['Keluarga WBP', 'Kuasa hukum'],
    start: -60,
    end: -30,
    responses: 36,
    level: 5.0,
    closed: true,
  },
];

export async function seedSurveyRounds(
  em: EntityManager,
  ctx: { period: Period; satkers: Map<string, Satker>; createdBy: User; rnd: () => number; now: Date },
): Promise<void> {
  const q = questionnaire(DEFAULT_QUESTIONNAIRE_VERSION);
  const codes = q.blocks.flatMap((b) => b.statements.map((s) => s.code));
  for (const d of DEMO_SURVEY_ROUNDS) {
    const satker = ctx.satkers.get(d.unit);
    if (!satker) continue;
    const at = (n: number) => new Date(ctx.now.getTime() + n * day);
    const serviceTypes = d.serviceTypes.map((name, i) => ({ code: `L${i + 1}`, name }));
    const groups = d.groups.map((name, i) => ({ code: `R${i + 1}`, name }));
    const round = em.create(SurveyRound, {
      satker,
      period: ctx.period,
      questionnaireVersion: q.version,
      startDate: jakartaDate(at(d.start)),
      endDate: jakartaDate(at(d.end)),
      serviceTypesJson: JSON.stringify(serviceTypes),
      respondentGroupsJson: JSON.stringify(groups),
      createdBy: ctx.createdBy,
      createdAt: at(d.start - 2),
      closedAt: d.closed ? at(d.end + 1) : null,
    });
    const links = serviceTypes.map((s) => em.create(SurveyLink, { round, serviceType: s.code, token: crypto.randomBytes(16).toString('base64url') }));
    const responses: SurveyResponseData[] = [];
    for (let i = 0; i < d.responses; i++) {
      const link = links[Math.floor(ctx.rnd() * links.length)];
      const scores: Record<string, number> = {};
      for (const c of codes) scores[c] = Math.max(1, Math.min(6, Math.round(d.level + (ctx.rnd() - 0.5) * 2.2)));
      const respondentGroup = groups[ctx.rnd() < 0.75 ? 0 : groups.length - 1].code;
      const submittedAt = new Date(at(d.start).getTime() + ctx.rnd() * Math.max(1, Math.min(d.end, 0) - d.start) * day);
      const ticket = em.create(SurveyTicket, {
        link,
        tokenHash: crypto.createHash('sha256').update(crypto.randomBytes(24)).digest('hex'),
        issuedAt: submittedAt,
      });
      em.create(SurveyResponse, { round, link, ticket, serviceType: link.serviceType, respondentGroup, scoresJson: JSON.stringify(scores), submittedAt });
      responses.push({ serviceType: link.serviceType, respondentGroup, scores });
    }
    await em.flush();
    if (!d.closed) continue;
    const sub = await em.findOne(Submission, { satker: satker.id, period: ctx.period.id });
    if (!sub) continue;
    recordRoundResults(em, sub, round, surveyRoundResult(q, responses), at(d.end + 1));
  }
  await em.flush();
}
