import { Field, Float, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { conversionText, enumOf, questionnaire, respondentWarning, SURVEY_ROUND_STATES, type SurveyGroupResult, type SurveyRoundState } from '@pantau/shared';
import { SurveyKindEnum, SurveySource } from '../../common/enums';
import type { CodedName, SurveyResult } from './entities';
import type { RoundResultView, SurveyRoundView } from './service';
import { LocalDate } from '../../common/scalars';

export const SurveyRoundStateEnum = enumOf(SURVEY_ROUND_STATES) satisfies { readonly [K in SurveyRoundState]: K };
export type SurveyRoundStateEnum = SurveyRoundState;
registerEnumType(SurveyRoundStateEnum, {
  name: 'SurveyRoundState',
  description: 'SCHEDULED before the start date, OPEN through the end date, ENDED after it, CLOSED by hand (result recorded)',
});

@ObjectType('SurveyCodedName')
export class CodedNameGql {
  @Field()
  code!: string;
  @Field()
  name!: string;
}

@ObjectType('SurveyServiceType', { description: 'A service type (jenis layanan) of a round with its public link token (page /survei/<token>)' })
export class SurveyServiceTypeGql extends CodedNameGql {
  @Field()
  token!: string;
  @Field({ description: 'Path of the public response page' })
  path!: string;
  @Field({ description: 'Path of the printable QR code (SVG; .png also served)' })
  qrPath!: string;
}

@ObjectType('SurveyRound', { description: "A unit's own SPKP/SPAK survey round" })
export class SurveyRoundGql {
  @Field(() => Int)
  id!: number;
  @Field(() => Int)
  satkerId!: number;
  @Field()
  satkerName!: string;
  @Field(() => Int)
  periodId!: number;
  @Field()
  questionnaireVersion!: string;
  @Field({ description: 'YYYY-MM-DD' })
  startDate!: string;
  @Field({ description: 'YYYY-MM-DD' })
  endDate!: string;
  @Field(() => SurveyRoundStateEnum)
  state!: SurveyRoundStateEnum;
  @Field(() => Date, { nullable: true })
  closedAt!: Date | null;
  @Field(() => Date)
  createdAt!: Date;
  @Field(() => [SurveyServiceTypeGql])
  serviceTypes!: SurveyServiceTypeGql[];
  @Field(() => [CodedNameGql])
  respondentGroups!: CodedNameGql[];
  @Field(() => Int)
  respondents!: number;
  @Field({ description: 'The signed-in user may close this round' })
  canManage!: boolean;
}

export function roundGql(v: SurveyRoundView): SurveyRoundGql {
  const r = v.round;
  return {
    id: r.id,
    satkerId: r.satker.id,
    satkerName: r.satker.name,
    periodId: r.period.id,
    questionnaireVersion: r.questionnaireVersion,
    startDate: r.startDate,
    endDate: r.endDate,
    state: v.state as SurveyRoundStateEnum,
    closedAt: r.closedAt ?? null,
    createdAt: r.createdAt,
    serviceTypes: v.serviceTypes.map((s) => ({ ...s, path: `/survei/${s.token}`, qrPath: `/api/survey/public/${s.token}/qr.svg` })),
    respondentGroups: v.respondentGroups,
    respondents: v.respondents,
    canManage: v.canManage,
  };
}

@InputType('OpenSurveyRoundInput')
export class OpenSurveyRoundInput {
  @Field(() => Int)
  satkerId!: number;
  @Field(() => Int)
  periodId!: number;
  @Field(() => String, { nullable: true, description: 'Questionnaire version (default: the newest bundled one)' })
  questionnaireVersion?: string | null;
  @Field(() => LocalDate, { description: 'First day (Jakarta)' })
  startDate!: string;
  @Field(() => LocalDate, { description: 'Last day responses are accepted (Jakarta)' })
  endDate!: string;
  @Field(() => [String], { description: 'Service types (jenis layanan): one public link + QR code each' })
  serviceTypes!: string[];
  @Field(() => [String], { description: 'Respondent groups (kelompok responden) the respondent picks from' })
  respondentGroups!: string[];
}

@ObjectType('SurveyStatementResult')
export class SurveyStatementResultGql {
  @Field()
  code!: string;
  @Field(() => Float, { nullable: true })
  mean!: number | null;
  @Field(() => Int)
  respondents!: number;
}

@ObjectType('SurveyIndexResult')
export class SurveyIndexResultGql {
  @Field(() => SurveyKindEnum)
  kind!: SurveyKindEnum;
  @Field({ description: 'SPAK or SPKP' })
  survey!: string;
  @Field(() => Float, { nullable: true, description: 'Mean of the statement means (unrounded)' })
  mean!: number | null;
  @Field(() => Float, { nullable: true, description: '0–4 index, two decimals' })
  index!: number | null;
  @Field(() => [SurveyStatementResultGql])
  statements!: SurveyStatementResultGql[];
}

@ObjectType('SurveyGroupResult')
export class SurveyGroupResultGql {
  @Field({ description: 'Service type / respondent group code; "" for the whole round' })
  key!: string;
  @Field()
  name!: string;
  @Field(() => Int)
  respondents!: number;
  @Field({ description: 'Fewer than 30 respondents' })
  belowMinimum!: boolean;
  @Field(() => String, { nullable: true })
  warning!: string | null;
  @Field(() => [SurveyIndexResultGql])
  indices!: SurveyIndexResultGql[];
}

@ObjectType('SurveyRoundResult')
export class SurveyRoundResultGql {
  @Field(() => Int)
  roundId!: number;
  @Field()
  questionnaireVersion!: string;
  @Field({ description: 'The conversion to the 0–4 index, as shown with every result ("Indeks = rata-rata ÷ 6 × 4")' })
  conversion!: string;
  @Field(() => SurveyGroupResultGql)
  overall!: SurveyGroupResultGql;
  @Field(() => [SurveyGroupResultGql])
  byServiceType!: SurveyGroupResultGql[];
  @Field(() => [SurveyGroupResultGql])
  byRespondentGroup!: SurveyGroupResultGql[];
}

function groupGql(key: string, name: string, g: SurveyGroupResult, locale: 'id' | 'en'): SurveyGroupResultGql {
  return {
    key,
    name,
    respondents: g.respondents,
    belowMinimum: g.belowMinimum,
    warning: respondentWarning(g.respondents, locale),
    indices: Object.values(g.indices).map((i) => ({ ...i, kind: i.kind as SurveyKindEnum })),
  };
}

export function roundResultGql(v: RoundResultView, locale: 'id' | 'en'): SurveyRoundResultGql {
  const nameOf = (list: CodedName[], code: string) => list.find((x) => x.code === code)?.name ?? code;
  return {
    roundId: v.round.id,
    questionnaireVersion: v.round.questionnaireVersion,
    conversion: conversionText(questionnaire(v.round.questionnaireVersion).conversion, locale),
    overall: groupGql('', v.round.satker.name, v.result, locale),
    byServiceType: v.result.byServiceType.map((g) => groupGql(g.key, nameOf(v.serviceTypes, g.key), g, locale)),
    byRespondentGroup: v.result.byRespondentGroup.map((g) => groupGql(g.key, nameOf(v.respondentGroups, g.key), g, locale)),
  };
}

@ObjectType('CloseSurveyRoundPayload')
export class CloseSurveyRoundPayload {
  @Field(() => SurveyRoundGql)
  round!: SurveyRoundGql;
  @Field(() => [SurveyResultGql], { description: 'INTERNAL results recorded on the unit’s submission (empty when none)' })
  recorded!: SurveyResultGql[];
  @Field(() => [String])
  warnings!: string[];
}

@ObjectType('SurveyResult')
export class SurveyResultGql {
  @Field(() => Int)
  id!: number;
  @Field(() => SurveyKindEnum)
  kind!: SurveyKindEnum;
  @Field(() => Float)
  index!: number;
  @Field(() => Int, { nullable: true })
  respondents!: number | null;
  @Field(() => SurveySource)
  source!: SurveySource;
  @Field(() => Date)
  recordedAt!: Date;
}

@InputType('SurveyResultInput')
export class SurveyResultInput {
  @Field(() => SurveyKindEnum)
  kind!: SurveyKindEnum;
  @Field(() => Float, { description: 'Index 0.00–4.00 (two decimals at most)' })
  index!: number;
  @Field(() => Int, { description: 'Respondents: ≥ 30 for BPS/TPN; ≥ 1 for INTERNAL (fewer than 30 accepted with a warning)' })
  respondents!: number;
  @Field(() => SurveySource)
  source!: SurveySource;
}

@ObjectType('SurveyResultPayload')
export class SurveyResultPayload {
  @Field(() => SurveyResultGql)
  result!: SurveyResultGql;
  @Field(() => [String])
  warnings!: string[];
}

export const surveyResultView = (r: SurveyResult): SurveyResultGql => ({
  id: r.id,
  kind: r.kind,
  index: r.index,
  respondents: r.respondents ?? null,
  source: r.source,
  recordedAt: r.recordedAt,
});
