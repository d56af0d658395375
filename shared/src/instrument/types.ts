/**
 * The LKE (Lembar Kerja Evaluasi) instrument: the PortalRB master-soal tree plus our formula table.
 * Everything here is plain data so that the server and the SPA compute the same numbers.
 */

/** Answer types, normalised from the master list's `jenis_jawaban`. */
export const ANSWER_TYPES = ['YA_TIDAK', 'ABC', 'ABCD', 'ABCDE', 'COUNT', 'INDEX'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

/** Which part of the LKE a node or item belongs to. */
export const PARTS = ['PEMENUHAN', 'REFORM', 'HASIL'] as const;
export type Part = (typeof PARTS)[number];

export type NodeLevel = 'komponen' | 'sub_komponen' | 'area_perubahan' | 'sub_area';

/** Survey items (IPAK = Indeks Persepsi Anti Korupsi, IPKP = Indeks Persepsi Kualitas Pelayanan). */
import type { SurveyKind } from '../vocabulary';
export type { SurveyKind };

export interface ItemOption {
  key: string;
  label: string;
  multiplier: number;
}

/** One question (soal). `soalId` is the stable PortalRB `soal_id`. */
export interface Item {
  soalId: number;
  /** Derived code, e.g. `A.I.1.i.2` (sub-area code + position). */
  code: string;
  text: string;
  /** Label shown to users; differs from `text` only where the master list is known to mislabel an input. */
  label: string;
  criteria: string;
  type: AnswerType;
  /** `jenis_jawaban` as written in the master list. */
  rawType: string;
  /** Options best first (highest multiplier first); empty for COUNT and INDEX. */
  options: ItemOption[];
  /** The question's own `bobot_maksimal` (> 0 only for HASIL items and [92]). */
  weight: number;
  nodeId: number;
  part: Part;
  /** Area perubahan number 1–6, null for HASIL. */
  areaNo: number | null;
  survey: SurveyKind | null;
  /** Counted in completeness (everything but the survey items). */
  required: boolean;
  /** Position in instrument order, 0-based. */
  order: number;
  excelRow: number | null;
  /** Where the PortalRB answer template holds this item (DOMAIN §9), from the master list's `excel_*` fields. */
  excel: ItemExcelCells | null;
}

/** Sheet, row and column letters of one item in the PortalRB answer template. */
export interface ItemExcelCells {
  sheet: string;
  row: number;
  jawabanUnit: string | null;
  catatanUnit: string | null;
  buktiDukungUnit: string | null;
  jawabanTpi: string | null;
  catatanTpi: string | null;
}

export interface InstrumentNode {
  id: number;
  /** Derived code, e.g. `A`, `A.I`, `A.I.1`, `A.I.1.i`, `A.II.5.iii.a`. */
  code: string;
  /** `nama` without its numbering prefix. */
  name: string;
  /** `nama` as written in the master list. */
  rawName: string;
  level: NodeLevel;
  weight: number;
  part: Part;
  areaNo: number | null;
  children: InstrumentNode[];
  /** Items hanging directly under this node, in order. */
  itemIds: number[];
}

/** A change area (area perubahan): pemenuhan + reform of the same number. */
export interface AreaDef {
  no: number;
  /** "1" … "6" in instrument order. */
  code: string;
  name: string;
  weight: number;
  pemenuhanWeight: number;
  reformWeight: number;
  pemenuhanNodeId: number;
  reformNodeId: number;
}

/** A computed percentage in REFORM (DOMAIN §3). */
export type Formula =
  | {
      id: string;
      kind: 'ratio';
      /** Items summed as the numerator. */
      numerator: number[];
      /** Items summed as the denominator (0 counts as fully met). */
      denominator: number[];
      /** Items that must be filled but do not enter the computation. */
      requires?: number[];
      description?: string;
    }
  | {
      id: string;
      kind: 'decrease';
      previous: number;
      current: number;
      requires?: number[];
      description?: string;
    };

/** Our formula table file: part of an instrument version, keyed by the soal_ids it reads. */
export interface FormulaTable {
  version: number;
  formulas: Formula[];
  /** Corrected user-facing labels, keyed by soal_id. */
  labels?: Record<string, string>;
}

/**
 * What a sub-area averages: a graded item (its value) or a formula (its percentage).
 * Sub-areas whose items carry their own weight sum value × weight instead.
 */
export type ScoredUnit = { kind: 'item'; soalId: number; weight: number } | { kind: 'formula'; formula: Formula; weight: number };

export interface Instrument {
  year: number;
  roots: InstrumentNode[];
  /** All nodes by id. */
  nodes: Record<number, InstrumentNode>;
  /** Items in instrument order. */
  items: Item[];
  itemById: Record<number, Item>;
  areas: AreaDef[];
  formulas: FormulaTable;
  /** Scored units per scoring node (a node with items directly under it). */
  units: Record<number, ScoredUnit[]>;
  /** Ids of the nodes scored from their own items, in order. */
  scoringNodeIds: number[];
  requiredCount: number;
  /** Ids of the HASIL items by role. */
  hasil: { ipak: number; kinerja: number; ipkp: number; bersihNodeId: number; pelayananNodeId: number };
  totals: { pengungkit: number; pemenuhan: number; reform: number; hasil: number };
}
