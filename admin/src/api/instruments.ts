import {
  ActivateInstrumentVersionDocument,
  CreateInstrumentVersionDocument,
  InstrumentVersionsDocument,
  ValidateInstrumentDocument,
  type InstrumentVersionsQuery,
  type ValidateInstrumentMutation,
} from '@/graphql/generated';
import { request } from './client';

export type InstrumentVersionRow = InstrumentVersionsQuery['instrumentVersions'][number];
export type InstrumentReport = ValidateInstrumentMutation['validateInstrument'];
type Json = Record<string, unknown>;

export async function fetchInstrumentVersions(): Promise<InstrumentVersionRow[]> {
  return (await request(InstrumentVersionsDocument, {})).instrumentVersions;
}
export async function validateInstrument(master: Json, formulas: Json | null): Promise<InstrumentReport> {
  return (await request(ValidateInstrumentDocument, { master, formulas })).validateInstrument;
}
export async function createInstrumentVersion(master: Json, formulas: Json | null, sourceFileName: string | null): Promise<InstrumentVersionRow> {
  return (await request(CreateInstrumentVersionDocument, { master, formulas, sourceFileName })).createInstrumentVersion;
}
export async function activateInstrumentVersion(id: number): Promise<InstrumentVersionRow> {
  return (await request(ActivateInstrumentVersionDocument, { id })).activateInstrumentVersion;
}

/** Reads a picked file as one JSON object; the error names the file and says what is wrong. */
export async function readJsonFile(file: File): Promise<Json> {
  const text = await file.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new JsonFileError(file.name, 'notJson', (err as Error).message);
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new JsonFileError(file.name, 'notObject', '');
  return parsed as Json;
}

export class JsonFileError extends Error {
  constructor(
    readonly fileName: string,
    readonly kind: 'notJson' | 'notObject',
    readonly reason: string,
  ) {
    super(`${fileName}: ${kind} ${reason}`);
    this.name = 'JsonFileError';
  }
}
