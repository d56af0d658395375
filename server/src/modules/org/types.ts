import { Field, Int, ObjectType } from 'type-graphql';
import { Predicate, SatkerKind, type Kanwil, type PredicateHistory, type Satker } from './entities';
import { registerEnumType } from 'type-graphql';

registerEnumType(SatkerKind, { name: 'SatkerKind' });
registerEnumType(Predicate, { name: 'Predicate' });

@ObjectType('Kanwil')
export class KanwilGql {
  @Field(() => Int)
  id!: number;
  @Field()
  code!: string;
  @Field()
  name!: string;
}

@ObjectType('PredicateHistory')
export class PredicateGql {
  @Field(() => Int)
  id!: number;
  @Field(() => Predicate)
  predicate!: Predicate;
  @Field(() => Int)
  year!: number;
  @Field(() => String, { nullable: true })
  decreeNumber!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  decreeDate!: string | null;
  @Field()
  revoked!: boolean;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  revokedAt!: string | null;
  @Field(() => String, { nullable: true })
  reason!: string | null;
}

@ObjectType('Satker', { description: 'A unit (satuan kerja)' })
export class SatkerGql {
  @Field(() => Int)
  id!: number;
  @Field()
  code!: string;
  @Field()
  name!: string;
  @Field(() => SatkerKind)
  kind!: SatkerKind;
  @Field(() => String, { nullable: true })
  division!: string | null;
  @Field(() => Int)
  kanwilId!: number;
}

export const kanwilView = (k: Kanwil): KanwilGql => ({ id: k.id, code: k.code, name: k.name });
export const satkerView = (s: Satker): SatkerGql => ({
  id: s.id,
  code: s.code,
  name: s.name,
  kind: s.kind,
  division: s.division ?? null,
  kanwilId: s.kanwil.id,
});
export const predicateView = (p: PredicateHistory): PredicateGql => ({
  id: p.id,
  predicate: p.predicate,
  year: p.year,
  decreeNumber: p.decreeNumber ?? null,
  decreeDate: p.decreeDate ?? null,
  revoked: p.revoked,
  revokedAt: p.revokedAt ?? null,
  reason: p.reason ?? null,
});
