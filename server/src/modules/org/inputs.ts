import { Field, InputType, Int } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { TargetPredicate } from '../../common/enums';
import { AwardTrack, KanwilKind, Predicate, SatkerKind } from './entities';
import { LocalDate } from '../../common/scalars';

@InputType('InstansiInput')
export class InstansiInput {
  @Field()
  @MaxLength(40)
  code!: string;
  @Field()
  @MaxLength(200)
  name!: string;
}

@InputType('EselonUnitInput')
export class EselonUnitInput {
  @Field()
  @MaxLength(40)
  code!: string;
  @Field()
  @MaxLength(200)
  name!: string;
  @Field(() => Int)
  instansiId!: number;
}

@InputType('KanwilInput')
export class KanwilInput {
  @Field()
  @MaxLength(40)
  code!: string;
  @Field()
  @MaxLength(200)
  name!: string;
  @Field(() => Int, { nullable: true, description: 'Default: the default instansi' })
  instansiId?: number | null;
  @Field(() => Int, { nullable: true, description: 'The Eselon I unit (Ditjen) of a Ditjen Kanwil; must belong to the instansi' })
  eselonId?: number | null;
  @Field(() => KanwilKind, { nullable: true })
  kind?: KanwilKind | null;
}

@InputType('KanwilPlacementInput', { description: 'Where a Kanwil sits: instansi, Eselon I unit, kind' })
export class KanwilPlacementInput {
  @Field(() => Int)
  instansiId!: number;
  @Field(() => Int, { nullable: true })
  eselonId?: number | null;
  @Field(() => KanwilKind)
  kind!: KanwilKind;
}

@InputType('SatkerInput')
export class SatkerInput {
  @Field()
  @MaxLength(40)
  code!: string;
  @Field()
  @MaxLength(200)
  name!: string;
  @Field(() => SatkerKind)
  kind!: SatkerKind;
  @Field(() => String, { nullable: true, description: 'e.g. Imigrasi, Pemasyarakatan' })
  @MaxLength(100)
  division?: string | null;
  @Field(() => Int)
  kanwilId!: number;
  @Field(() => Int, { nullable: true, description: 'The unit this one continues (lineage)' })
  predecessorId?: number | null;
  @Field(() => LocalDate, { nullable: true })
  validFrom?: string | null;
  @Field(() => LocalDate, { nullable: true })
  validUntil?: string | null;
}

@InputType('SatkerUpdateInput')
export class SatkerUpdateInput {
  @Field(() => String, { nullable: true })
  @MaxLength(200)
  name?: string | null;
  @Field(() => SatkerKind, { nullable: true })
  kind?: SatkerKind | null;
  @Field(() => String, { nullable: true })
  @MaxLength(100)
  division?: string | null;
  @Field(() => Int, { nullable: true, description: 'The unit this one continues (lineage); 0 clears it' })
  predecessorId?: number | null;
  @Field(() => LocalDate, { nullable: true, description: 'null clears it; left out: unchanged' })
  validFrom?: string | null;
  @Field(() => LocalDate, { nullable: true, description: 'null clears it; left out: unchanged' })
  validUntil?: string | null;
}

@InputType('PredicateInput')
export class PredicateInput {
  @Field(() => Predicate)
  predicate!: Predicate;
  @Field(() => Int)
  year!: number;
  @Field(() => String, { nullable: true })
  @MaxLength(200)
  decreeNumber?: string | null;
  @Field(() => LocalDate, { nullable: true })
  decreeDate?: string | null;
  @Field(() => AwardTrack, { nullable: true, description: 'Default TPN; TPM (WBK only): awarded by the instansi’s own team' })
  awardedBy?: AwardTrack | null;
}

@InputType('CreateSubmissionInput')
export class CreateSubmissionInput {
  @Field(() => Int)
  periodId!: number;
  @Field(() => Int)
  satkerId!: number;
  @Field(() => TargetPredicate)
  target!: TargetPredicate;
  @Field(() => LocalDate, { nullable: true })
  pencananganDate?: string | null;
}
