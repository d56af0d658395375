/**
 * The official PDF reports as pdfmake document definitions, built from plain data (no I/O): the unit's LKE summary,
 * the desk-evaluation report (LHE) from the TPI level, and the Kanwil's recap of nominated units for the usulan letter.
 */
import { surveyOriginLabel, type AreaDef, type Eligibility, type Item, type ScoreSummary, type SurveyKind } from '@pantau/shared';
import { facts, table, type Content, type ReportDoc } from './pdf';
import { formatDateId, formatPercent, formatScore } from './format';

export const LEVEL_LABEL = { SELF: 'Mandiri', KANWIL: 'Kanwil', TPI: 'TPI', TPN: 'TPN' } as const;
export type ReportLevel = keyof typeof LEVEL_LABEL;

export interface UnitFacts {
  unitName: string;
  unitCode: string;
  kanwilName: string;
  year: number;
  target: string;
  status: string;
  pencananganDate: string | null;
}

const unitFacts = (u: UnitFacts): Content =>
  facts([
    ['Unit kerja', `${u.unitName} (${u.unitCode})`],
    ['Kantor Wilayah', u.kanwilName],
    ['Tahun penilaian', String(u.year)],
    ['Target predikat', u.target === 'WBBM' ? 'Menuju WBBM' : 'Menuju WBK'],
    ['Status', u.status],
    ['Tanggal pencanangan', u.pencananganDate ? formatDateId(u.pencananganDate) : '–'],
  ]);

function eligibilityBlock(e: Eligibility, level: string): Content[] {
  const target = e.target === 'WBBM' ? 'Menuju WBBM' : 'Menuju WBK';
  return [
    { text: `Kelayakan ${target} (nilai tingkat ${level})`, style: 'h2' },
    { text: e.eligible ? 'MEMENUHI SYARAT' : 'BELUM MEMENUHI SYARAT', bold: true, margin: [0, 0, 0, 4] },
    ...(e.failures.length ? [{ ul: e.failures.map((f) => f.message), margin: [0, 0, 0, 6] }] : []),
  ];
}

/** A survey index with its source, as the LKE page shows it ("3,72 BPS"); '–' while none is in force. */
function surveyCell(v: ScoreSummary['survey'][SurveyKind] | undefined): string {
  return v?.index === null || v?.index === undefined ? '–' : `${formatScore(v.index)} ${surveyOriginLabel(v.source, 'id')}`;
}

function scoreTable(areas: AreaDef[], columns: { label: string; score: ScoreSummary }[]): Content[] {
  const areaRows = areas.map((a) => [
    `${a.code}. ${a.name}`,
    formatScore(a.weight),
    ...columns.map((c) => formatScore(c.score.areas.find((x) => x.code === a.code)?.score)),
  ]);
  const rows: [string, number, (s: ScoreSummary) => number][] = [
    ['A.I Pemenuhan', 30, (s) => s.pemenuhan],
    ['A.II Reform', 30, (s) => s.reform],
    ['A. Pengungkit', 60, (s) => s.pengungkit],
    ['B.I.a Survei persepsi korupsi (IPAK)', 17.5, (s) => s.hasilParts.ipak],
    ['B.I.b Capaian kinerja', 5, (s) => s.hasilParts.kinerja],
    ['B.II Survei kualitas pelayanan (IPKP)', 17.5, (s) => s.hasilParts.pelayanan],
    ['B. Hasil', 40, (s) => s.hasil],
  ];
  const widths = ['*', 40, ...columns.map(() => 52)];
  const header = ['Komponen', 'Bobot', ...columns.map((c) => c.label)];
  return [
    { text: 'Nilai per area perubahan (pemenuhan + reform)', style: 'h2' },
    table(['Area perubahan', 'Bobot', ...columns.map((c) => c.label)], areaRows, widths),
    { text: 'Rekapitulasi nilai', style: 'h2' },
    table(
      header,
      [
        ...rows.map(([label, w, f]) => [label, formatScore(w), ...columns.map((c) => formatScore(f(c.score)))]),
        // the survey index in force at each level, with where it comes from (BPS / TPN / third party / internal / entry)
        ...(['IPAK', 'IPKP'] as SurveyKind[]).map((k) => [`   Indeks ${k} yang berlaku (sumber)`, '', ...columns.map((c) => surveyCell(c.score.survey[k]))]),
        [
          { text: 'NILAI EVALUASI ZONA INTEGRITAS', bold: true },
          { text: '100,00', bold: true },
          ...columns.map((c) => ({ text: formatScore(c.score.total), bold: true })),
        ],
        ['Kelengkapan jawaban', '', ...columns.map((c) => formatPercent(c.score.completeness * 100))],
      ],
      widths,
    ),
  ];
}

/** Ringkasan LKE of one unit: scores of every level, eligibility on the latest level with answers. */
export function lkeSummaryDoc(d: {
  unit: UnitFacts;
  areas: AreaDef[];
  scores: Record<ReportLevel, ScoreSummary>;
  eligibility: Eligibility;
  basis: ReportLevel;
  printedOn: string;
}): ReportDoc {
  return {
    title: 'RINGKASAN LEMBAR KERJA EVALUASI ZONA INTEGRITAS',
    subtitle: `${d.unit.unitName} · Tahun ${d.unit.year}`,
    printedOn: d.printedOn,
    content: [
      unitFacts(d.unit),
      ...scoreTable(
        d.areas,
        (Object.keys(LEVEL_LABEL) as ReportLevel[]).map((l) => ({ label: LEVEL_LABEL[l], score: d.scores[l] })),
      ),
      ...eligibilityBlock(d.eligibility, LEVEL_LABEL[d.basis]),
    ],
  };
}

export interface LheNoteRow {
  item: Pick<Item, 'soalId' | 'code' | 'label'>;
  unitAnswer: string;
  tpiAnswer: string;
  note: string;
}

const RECOMMENDATION: Record<string, string> = {
  WBK: 'Direkomendasikan untuk diusulkan Menuju WBK',
  WBBM: 'Direkomendasikan untuk diusulkan Menuju WBBM',
  NOT_RECOMMENDED: 'Tidak direkomendasikan untuk diusulkan',
};

/** Laporan Hasil Evaluasi (LHE) of the TPI's desk evaluation. A report before finalisation is marked DRAF. */
export function lheDoc(d: {
  unit: UnitFacts;
  areas: AreaDef[];
  tpi: ScoreSummary;
  eligibility: Eligibility;
  evaluation: { round: number; recommendedPredicate: string; recommendation: string; evaluatorName: string; finalisedAt: Date } | null;
  evaluators: string[];
  notes: LheNoteRow[];
  printedOn: string;
}): ReportDoc {
  const e = d.evaluation;
  const areaRows = d.areas.map((a) => {
    const s = d.tpi.areas.find((x) => x.code === a.code);
    return [`${a.code}. ${a.name}`, formatScore(a.weight), formatScore(s?.pemenuhan), formatScore(s?.reform), formatScore(s?.score), formatPercent(s?.percent)];
  });
  return {
    title: `LAPORAN HASIL EVALUASI ZONA INTEGRITAS${e ? '' : ' (DRAF)'}`,
    subtitle: `${d.unit.unitName} · Tahun ${d.unit.year}`,
    printedOn: d.printedOn,
    content: [
      unitFacts(d.unit),
      facts([
        ['Tim Penilai Internal', d.evaluators.join(', ') || '–'],
        ['Putaran evaluasi', e ? String(e.round) : '–'],
        ['Tanggal finalisasi', e ? formatDateId(e.finalisedAt) : 'belum difinalisasi'],
      ]),
      { text: 'Nilai hasil evaluasi TPI per area perubahan', style: 'h2' },
      table(['Area perubahan', 'Bobot', 'Pemenuhan', 'Reform', 'Nilai', '% bobot'], areaRows, ['*', 40, 52, 52, 52, 52]),
      table(
        ['Komponen', 'Bobot', 'Nilai TPI'],
        [
          ['A. Pengungkit', '60,00', formatScore(d.tpi.pengungkit)],
          ['B. Hasil', '40,00', formatScore(d.tpi.hasil)],
          [
            { text: 'NILAI EVALUASI ZONA INTEGRITAS', bold: true },
            { text: '100,00', bold: true },
            { text: formatScore(d.tpi.total), bold: true },
          ],
        ],
        ['*', 40, 70],
      ),
      ...eligibilityBlock(d.eligibility, 'TPI'),
      { text: 'Rekomendasi', style: 'h2' },
      { text: e ? (RECOMMENDATION[e.recommendedPredicate] ?? e.recommendedPredicate) : 'Belum difinalisasi', bold: true },
      ...(e?.recommendation ? [{ text: e.recommendation, margin: [0, 4, 0, 0] }] : []),
      { text: 'Catatan evaluator per butir', style: 'h2' },
      d.notes.length
        ? table(
            ['Soal', 'Pertanyaan', 'Unit', 'TPI', 'Catatan TPI'],
            d.notes.map((n) => [`[${n.item.soalId}] ${n.item.code}`, n.item.label, n.unitAnswer, n.tpiAnswer, n.note]),
            [62, '*', 34, 34, 150],
            { fontSize: 8 },
          )
        : { text: 'Tidak ada catatan.', style: 'muted' },
      ...(e
        ? [
            {
              margin: [0, 24, 0, 0],
              columns: [
                { text: '' },
                {
                  width: 220,
                  stack: [`${formatDateId(e.finalisedAt)}`, 'Evaluator TPI,', { text: ' ', margin: [0, 30, 0, 0] }, { text: e.evaluatorName, bold: true }],
                },
              ],
            },
          ]
        : []),
    ],
  };
}

export interface RecapRow {
  unitName: string;
  unitCode: string;
  target: string;
  afirmasi: boolean;
  score: ScoreSummary;
  eligible: boolean;
  overrideReason: string | null;
  prerequisites: { label: string; met: boolean; message: string | null }[];
}

/** Rekapitulasi unit yang diusulkan: the Kanwil's list for the usulan letter, on the TPI scores. */
export function nominationRecapDoc(d: {
  kanwilName: string;
  year: number;
  areas: AreaDef[];
  rows: RecapRow[];
  signer: string | null;
  printedOn: string;
}): ReportDoc {
  const header = ['No', 'Unit kerja', 'Usulan', ...d.areas.map((a) => `Area ${a.code}`), 'Pengungkit', 'Hasil', 'Total', 'Memenuhi syarat', 'Prasyarat'];
  const rows = d.rows.map((r, i) => [
    String(i + 1),
    { text: [{ text: r.unitName, bold: true }, `\n${r.unitCode}`] },
    `${r.target}${r.afirmasi ? ' (afirmasi)' : ''}`,
    ...d.areas.map((a) => formatScore(r.score.areas.find((x) => x.code === a.code)?.score)),
    formatScore(r.score.pengungkit),
    formatScore(r.score.hasil),
    { text: formatScore(r.score.total), bold: true },
    r.eligible ? 'Ya' : r.overrideReason ? 'Tidak (dengan alasan)' : 'Tidak',
    { text: r.prerequisites.map((p) => `${p.label}: ${p.met ? 'Ya' : 'Tidak'}`).join('\n'), fontSize: 7 },
  ]);
  const notes = d.rows.flatMap((r) => [
    ...r.prerequisites.filter((p) => !p.met).map((p) => `${r.unitName}: ${p.label} — ${p.message ?? 'belum terpenuhi'}`),
    ...(r.overrideReason ? [`${r.unitName}: alasan pengusulan di bawah ambang — ${r.overrideReason}`] : []),
  ]);
  return {
    title: 'REKAPITULASI UNIT KERJA YANG DIUSULKAN MENUJU WBK/WBBM',
    subtitle: `${d.kanwilName} · Tahun ${d.year}`,
    landscape: true,
    printedOn: d.printedOn,
    content: [
      { text: `Nilai menurut hasil evaluasi TPI. Jumlah unit yang diusulkan: ${d.rows.length}.`, margin: [0, 0, 0, 6] },
      d.rows.length
        ? table(header, rows, [18, '*', 50, ...d.areas.map(() => 34), 44, 34, 36, 50, 110], { fontSize: 8 })
        : { text: 'Belum ada unit yang diusulkan pada periode ini.', style: 'muted' },
      ...(notes.length ? [{ text: 'Catatan', style: 'h2' }, { ul: notes }] : []),
      {
        margin: [0, 24, 0, 0],
        columns: [
          { text: '' },
          {
            width: 240,
            stack: [
              d.printedOn,
              'Kepala Kantor Wilayah,',
              { text: ' ', margin: [0, 30, 0, 0] },
              { text: d.signer ?? '( ................................................ )', bold: true },
            ],
          },
        ],
      },
    ],
  };
}
