import { InstrumentSourceDocument, type InstrumentSourceQuery } from '@/graphql/generated';
import { request } from './client';

export type InstrumentSource = InstrumentSourceQuery['instrumentSource'];

/** The stored master list + formula table of an instrument version (built in the browser with shared loadInstrument). */
export async function fetchInstrumentSource(versionId: number): Promise<InstrumentSource> {
  return (await request(InstrumentSourceDocument, { versionId })).instrumentSource;
}
