/** CSV export of a round's results: one row per statement and index, overall, per service type, per respondent group. */
import { conversionText, questionnaire, respondentWarning, type SurveyGroupResult } from '@pantau/shared';
import type { RoundResultView } from './service';

function cell(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",;\n\r]/.test(s) || /^[=+\-@\t]/.test(s) ? `"${(/^[=+\-@\t]/.test(s) ? "'" : '') + s.replace(/"/g, '""')}"` : s;
}

const round4 = (x: number | null) => (x === null ? null : Math.round(x * 10000) / 10000);

/** UTF-8 with BOM (Excel reads the accents), comma-separated, decimal point. */
export function resultsCsv(view: RoundResultView, locale: 'id' | 'en'): string {
  const q = questionnaire(view.round.questionnaireVersion);
  const t =
    locale === 'id'
      ? {
          scope: 'Cakupan',
          name: 'Nama',
          respondents: 'Responden',
          survey: 'Survei',
          code: 'Kode',
          statement: 'Pernyataan',
          mean: 'Rata-rata',
          index: 'Indeks (0–4)',
          all: 'Keseluruhan',
          st: 'Jenis layanan',
          rg: 'Kelompok responden',
          total: 'Indeks unit',
          note: 'Catatan',
        }
      : {
          scope: 'Scope',
          name: 'Name',
          respondents: 'Respondents',
          survey: 'Survey',
          code: 'Code',
          statement: 'Statement',
          mean: 'Mean',
          index: 'Index (0–4)',
          all: 'Overall',
          st: 'Service type',
          rg: 'Respondent group',
          total: 'Unit index',
          note: 'Note',
        };
  const rows: (string | number | null)[][] = [[t.scope, t.name, t.respondents, t.survey, t.code, t.statement, t.mean, t.index, t.note]];
  const add = (scope: string, name: string, g: SurveyGroupResult) => {
    for (const b of q.blocks) {
      const ix = g.indices[b.index];
      b.statements.forEach((s, i) =>
        rows.push([scope, name, ix.statements[i].respondents, b.survey, s.code, s.text[locale], round4(ix.statements[i].mean), null, null]),
      );
      rows.push([scope, name, g.respondents, b.survey, b.index, t.total, round4(ix.mean), ix.index, respondentWarning(g.respondents, locale)]);
    }
  };
  add(t.all, view.round.satker.name, view.result);
  const nameOf = (list: { code: string; name: string }[], code: string) => list.find((x) => x.code === code)?.name ?? code;
  for (const g of view.result.byServiceType) add(t.st, nameOf(view.serviceTypes, g.key), g);
  for (const g of view.result.byRespondentGroup) add(t.rg, nameOf(view.respondentGroups, g.key), g);
  rows.push([conversionText(q.conversion, locale)]);
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
