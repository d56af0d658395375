import { Field, InputType, Int } from 'type-graphql';
import { MaxLength } from 'class-validator';
import { TargetPredicate } from '../../common/enums';
import { Predicate, SatkerKind } from './entities';
import { LocalDate } from '../../common/scalars';

@InputType('KanwilInput')
export class KanwilInput {
  @Field()
  @MaxLength(40)
  code!: string;
  @Field()
  @MaxLength(200)
  name!: string;
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
