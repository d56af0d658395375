import { Field, Int, ObjectType } from 'type-graphql';
import { UserRefGql } from '../user/types';
import { PeriodGql, periodView } from '../period/types';
import { AreaDefGql } from './types';
import type { InstrumentDiff, ValidationReport, VersionSummary } from './versions';

@ObjectType('InstrumentIssue', { description: 'One problem of a master list or formula table; path names the node or item' })
export class InstrumentIssueGql {
  @Field()
  path!: string;
  @Field()
  message!: string;
}

@ObjectType('InstrumentTypeChange')
export class InstrumentTypeChangeGql {
  @Field(() => Int)
  soalId!: number;
  @Field()
  from!: string;
  @Field()
  to!: string;
}

@ObjectType('InstrumentDiff', { description: 'Items of the uploaded list compared with the latest active version of the nearest year' })
export class InstrumentDiffGql {
  @Field(() => Int)
  baseVersionId!: number;
  @Field(() => Int)
  baseYear!: number;
  @Field(() => [Int], { description: 'soal_id in the new list only' })
  added!: number[];
  @Field(() => [Int], { description: 'soal_id in the base version only' })
  removed!: number[];
  @Field(() => [Int], { description: 'soal_id whose question text changed' })
  textChanged!: number[];
  @Field(() => [InstrumentTypeChangeGql])
  typeChanged!: InstrumentTypeChangeGql[];
  @Field(() => Int, { description: 'Items with the same id, text and type' })
  unchanged!: number;
}

@ObjectType('InstrumentValidation', { description: 'Validation report of an uploaded master list (nothing is saved)' })
export class InstrumentValidationGql {
  @Field()
  ok!: boolean;
  @Field(() => Int, { nullable: true })
  year!: number | null;
  @Field(() => Int, { nullable: true })
  itemCount!: number | null;
  @Field(() => Int, { nullable: true, description: 'Items counted in completeness (all but the survey items)' })
  requiredCount!: number | null;
  @Field(() => [AreaDefGql])
  areas!: AreaDefGql[];
  @Field(() => [InstrumentIssueGql])
  issues!: InstrumentIssueGql[];
  @Field({ description: 'A formula table was uploaded with the list' })
  formulasProvided!: boolean;
  @Field({ description: 'No table uploaded and the previous version’s table fits the list (it will be reused)' })
  formulasReused!: boolean;
  @Field(() => Int, { nullable: true, description: 'The version whose formula table was tried or reused' })
  formulasFromVersionId!: number | null;
  @Field({ description: 'The list’s formula items changed: a formula table must be uploaded with it' })
  formulaTableRequired!: boolean;
  @Field(() => InstrumentDiffGql, { nullable: true })
  diff!: InstrumentDiffGql | null;
}

@ObjectType('InstrumentVersion', { description: 'One stored instrument version (master list + formula table)' })
export class InstrumentVersionGql {
  @Field(() => Int)
  id!: number;
  @Field(() => Int)
  year!: number;
  @Field({ description: 'The active version of its year (one per year)' })
  active!: boolean;
  @Field({ description: 'The stored list and table load without problems' })
  valid!: boolean;
  @Field(() => [InstrumentIssueGql])
  issues!: InstrumentIssueGql[];
  @Field(() => Int, { nullable: true })
  itemCount!: number | null;
  @Field(() => Int, { nullable: true })
  requiredCount!: number | null;
  @Field(() => Date)
  createdAt!: Date;
  @Field(() => UserRefGql, { nullable: true, description: 'null for the bundled versions' })
  createdBy!: UserRefGql | null;
  @Field(() => String, { nullable: true })
  sourceFileName!: string | null;
  @Field({ description: 'false when the formula table was reused from another version' })
  ownFormulas!: boolean;
  @Field(() => Int, { nullable: true, description: 'The version whose formula table was reused' })
  formulasFromVersionId!: number | null;
  @Field(() => [PeriodGql], { description: 'Periods using this version' })
  periods!: PeriodGql[];
}

export const diffView = (d: InstrumentDiff | null): InstrumentDiffGql | null => (d ? { ...d, typeChanged: d.typeChanged.map((t) => ({ ...t })) } : null);

export const validationView = (r: ValidationReport): InstrumentValidationGql => ({ ...r, diff: diffView(r.diff) });

export function versionView(s: VersionSummary): InstrumentVersionGql {
  const v = s.version;
  const u = v.createdBy;
  return {
    id: v.id,
    year: v.year,
    active: v.active,
    valid: !!s.instrument,
    issues: s.issues,
    itemCount: s.instrument?.items.length ?? null,
    requiredCount: s.instrument?.requiredCount ?? null,
    createdAt: v.createdAt,
    createdBy: u && u.username ? { id: u.id, username: u.username, displayName: u.displayName } : null,
    sourceFileName: v.sourceFileName ?? null,
    ownFormulas: v.formulasFromId == null,
    formulasFromVersionId: v.formulasFromId ?? null,
    periods: s.periods.map(periodView),
  };
}
