import { describe, expect, it } from 'vitest';
import { AnswerValidationError } from './answers';
import { bundledInstrument } from './instruments/index';
import { JawabanUnitShapeError, answersAtLevel, parseJawabanUnit } from './portalrb';
import { toScoreReport } from './report';
import { scoreAnswers } from './scoring';

const inst = bundledInstrument(2026);
const doc = (answers: unknown[]) => ({ unit_id: 'U1', nama_unit: 'Rutan Kelas I Contoh', tahun: 2026, answers });

describe('parseJawabanUnit', () => {
  it('reads the three columns; TPN is laid over TPI', () => {
    const p = parseJawabanUnit(
      inst,
      doc([
        { soal_id: 1, jawaban_unit: 'Ya', jawaban_tpi: 'Tidak', catatan_unit: null, bukti_dukung_unit: ['https://x/y.pdf'], catatan_tpi: 'kurang' },
        { soal_id: 2, jawaban_unit: 'A', jawaban_tpi: 'B', jawaban_tpn: 'C' },
        { soal_id: 125, jawaban_unit: 3.62, jawaban_tpi: null },
      ]),
    );
    expect(p.unitId).toBe('U1');
    expect(answersAtLevel(p, 'SELF')).toEqual({ 1: 'Ya', 2: 'A', 125: 3.62 });
    expect(answersAtLevel(p, 'TPI')).toEqual({ 1: 'Tidak', 2: 'B', 125: null });
    expect(answersAtLevel(p, 'TPN')).toEqual({ 1: 'Tidak', 2: 'C', 125: null });
  });

  it('refuses a wrong shape and duplicated soal_id', () => {
    expect(() => parseJawabanUnit(inst, [])).toThrow(JawabanUnitShapeError);
    expect(() => parseJawabanUnit(inst, { answers: {} })).toThrow(JawabanUnitShapeError);
    try {
      parseJawabanUnit(inst, doc([{ soal_id: 3, jawaban_unit: 'Ya' }, { soal_id: 3, jawaban_unit: 'Tidak' }, 'x']));
      expect.unreachable();
    } catch (e) {
      expect((e as JawabanUnitShapeError).issues).toEqual([
        'answers[1]: soal_id 3 muncul lebih dari sekali (juga di answers[0])',
        'answers[2] harus berupa objek',
      ]);
    }
  });

  it('lists bad answers of every column once, unknown soal_id once', () => {
    try {
      parseJawabanUnit(
        inst,
        doc([
          { soal_id: 500, jawaban_unit: 'A', jawaban_tpi: 'A' },
          { soal_id: 2, jawaban_unit: 'Q', jawaban_tpi: 'A', jawaban_tpn: 'Ya' },
        ]),
      );
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AnswerValidationError);
      expect((e as AnswerValidationError).issues.map((i) => `[${i.soalId}] ${i.message}`)).toEqual([
        '[2] jawaban_unit: "Q" bukan pilihan soal ini (pilihan: A/B/C)',
        '[2] jawaban_tpn: "Ya" bukan pilihan soal ini (pilihan: A/B/C)',
        '[500] soal_id 500 tidak dikenal dalam instrumen 2026',
      ]);
    }
  });
});

describe('toScoreReport', () => {
  it('has exactly the public keys', () => {
    const r = toScoreReport(scoreAnswers(inst, { 1: 'Ya' }));
    expect(Object.keys(r)).toEqual(['total', 'pengungkit', 'pemenuhan', 'reform', 'hasil', 'completeness', 'areas', 'hasilParts', 'eligibility']);
    expect(Object.keys(r.areas[0])).toEqual(['code', 'name', 'weight', 'pemenuhan', 'reform', 'score', 'percent']);
    expect(Object.keys(r.hasilParts)).toEqual(['ipak', 'kinerja', 'bersih', 'pelayanan']);
    expect(Object.keys(r.eligibility)).toEqual(['WBK', 'WBBM']);
    expect(Object.keys(r.eligibility.WBK)).toEqual(['eligible', 'failures']);
    for (const f of [...r.eligibility.WBK.failures, ...r.eligibility.WBBM.failures]) {
      expect(Object.keys(f)).toEqual(['requirement', 'actual', 'required', 'message']);
    }
  });
});
