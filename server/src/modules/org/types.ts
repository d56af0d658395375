import { Field, Int, ObjectType } from 'type-graphql';
import { AwardTrack, KanwilKind, Predicate, SatkerKind, type EselonUnit, type Instansi, type Kanwil, type PredicateHistory, type Satker } from './entities';
import { registerEnumType } from 'type-graphql';

registerEnumType(SatkerKind, { name: 'SatkerKind' });
registerEnumType(Predicate, { name: 'Predicate' });
registerEnumType(KanwilKind, { name: 'KanwilKind', description: 'KEMENTERIAN: Kanwil of the ministry itself; DITJEN: Kanwil of a Direktorat Jenderal' });
registerEnumType(AwardTrack, { name: 'AwardTrack', description: 'TPN: awarded by KemenPANRB; TPM: by the instansi’s own team (WBK-mandiri)' });

@ObjectType('Instansi', { description: 'A ministry or agency' })
export class InstansiGql {
  @Field(() => Int)
  id!: number;
  @Field()
  code!: string;
  @Field()
  name!: string;
}

@ObjectType('EselonUnit', { description: 'An Eselon I unit of an instansi (Ditjen, Itjen, …)' })
export class EselonUnitGql {
  @Field(() => Int)
  id!: number;
  @Field()
  code!: string;
  @Field()
  name!: string;
  @Field(() => Int)
  instansiId!: number;
}

@ObjectType('Kanwil')
export class KanwilGql {
  @Field(() => Int)
  id!: number;
  @Field()
  code!: string;
  @Field()
  name!: string;
  @Field(() => Int)
  instansiId!: number;
  @Field(() => Int, { nullable: true, description: 'The Eselon I unit (Ditjen) of a Ditjen Kanwil' })
  eselonId!: number | null;
  @Field(() => KanwilKind)
  kind!: KanwilKind;
}

@ObjectType('PredicateHistory')
export class PredicateGql {
  @Field(() => Int)
  id!: number;
  @Field(() => Predicate)
  predicate!: Predicate;
  @Field(() => Int)
  year!: number;
  @Field(() => Int, { description: 'The unit that received it (the unit itself or a predecessor)' })
  satkerId!: number;
  @Field(() => AwardTrack)
  awardedBy!: AwardTrack;
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
  @Field(() => Int, { nullable: true, description: 'The unit this one continues after a reorganisation' })
  predecessorId!: number | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  validFrom!: string | null;
  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  validUntil!: string | null;
}

export const instansiView = (i: Instansi): InstansiGql => ({ id: i.id, code: i.code, name: i.name });
export const eselonView = (e: EselonUnit): EselonUnitGql => ({ id: e.id, code: e.code, name: e.name, instansiId: e.instansi.id });
export const kanwilView = (k: Kanwil): KanwilGql => ({
  id: k.id,
  code: k.code,
  name: k.name,
  instansiId: k.instansi.id,
  eselonId: k.eselon?.id ?? null,
  kind: k.kind,
});
export const satkerView = (s: Satker): SatkerGql => ({
  id: s.id,
  code: s.code,
  name: s.name,
  kind: s.kind,
  division: s.division ?? null,
  kanwilId: s.kanwil.id,
  predecessorId: s.predecessor?.id ?? null,
  validFrom: s.validFrom ?? null,
  validUntil: s.validUntil ?? null,
});
export const predicateView = (p: PredicateHistory): PredicateGql => ({
  id: p.id,
  predicate: p.predicate,
  year: p.year,
  satkerId: p.satker.id,
  awardedBy: p.awardedBy,
  decreeNumber: p.decreeNumber ?? null,
  decreeDate: p.decreeDate ?? null,
  revoked: p.revoked,
  revokedAt: p.revokedAt ?? null,
  reason: p.reason ?? null,
});
