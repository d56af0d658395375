import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ANSWER_TYPES, enumOf, PARTS, type AnswerType, type Instrument, type InstrumentNode, type Item, type Part } from '@pantau/shared';
import { SurveyKindEnum } from '../../common/enums';

export const AnswerTypeEnum = enumOf(ANSWER_TYPES) satisfies { readonly [K in AnswerType]: K };
export type AnswerTypeEnum = AnswerType;
registerEnumType(AnswerTypeEnum, { name: 'AnswerType', description: 'Jenis jawaban (YA_TIDAK, ABC…, COUNT = jumlah, INDEX = indeks survei 0–4)' });

export const PartEnum = enumOf(PARTS) satisfies { readonly [K in Part]: K };
export type PartEnum = Part;
registerEnumType(PartEnum, { name: 'InstrumentPart' });

@ObjectType('ItemOption')
export class ItemOptionGql {
  @Field()
  key!: string;
  @Field()
  label!: string;
  @Field(() => Float)
  multiplier!: number;
}

@ObjectType('InstrumentItem', { description: 'One question (soal) of the LKE' })
export class ItemGql {
  @Field(() => Int)
  soalId!: number;
  @Field()
  code!: string;
  @Field()
  text!: string;
  @Field()
  label!: string;
  @Field()
  criteria!: string;
  @Field(() => AnswerTypeEnum)
  type!: AnswerTypeEnum;
  @Field(() => [ItemOptionGql])
  options!: ItemOptionGql[];
  @Field(() => Float)
  weight!: number;
  @Field(() => Int)
  nodeId!: number;
  @Field(() => PartEnum)
  part!: PartEnum;
  @Field(() => Int, { nullable: true })
  areaNo!: number | null;
  @Field(() => SurveyKindEnum, { nullable: true })
  survey!: SurveyKindEnum | null;
  @Field()
  required!: boolean;
  @Field(() => Int)
  order!: number;
}

@ObjectType('InstrumentNode')
export class InstrumentNodeGql {
  @Field(() => Int)
  id!: number;
  @Field()
  code!: string;
  @Field()
  name!: string;
  @Field({ description: 'komponen | sub_komponen | area_perubahan | sub_area' })
  level!: string;
  @Field(() => Float)
  weight!: number;
  @Field(() => PartEnum)
  part!: PartEnum;
  @Field(() => Int, { nullable: true })
  areaNo!: number | null;
  @Field(() => [InstrumentNodeGql])
  children!: InstrumentNodeGql[];
  @Field(() => [ItemGql], { description: 'Items hanging directly under this node' })
  items!: ItemGql[];
}

@ObjectType('InstrumentArea')
export class AreaDefGql {
  @Field()
  code!: string;
  @Field()
  name!: string;
  @Field(() => Float)
  weight!: number;
  @Field(() => Float)
  pemenuhanWeight!: number;
  @Field(() => Float)
  reformWeight!: number;
}

@ObjectType('Instrument')
export class InstrumentGql {
  @Field(() => Int)
  versionId!: number;
  @Field(() => Int)
  year!: number;
  @Field(() => Int)
  requiredCount!: number;
  @Field(() => [InstrumentNodeGql])
  roots!: InstrumentNodeGql[];
  @Field(() => [ItemGql], { description: 'All items in instrument order' })
  items!: ItemGql[];
  @Field(() => [AreaDefGql])
  areas!: AreaDefGql[];
}

const viewCache = new WeakMap<Instrument, InstrumentGql>();

function itemView(i: Item): ItemGql {
  return {
    soalId: i.soalId,
    code: i.code,
    text: i.text,
    label: i.label,
    criteria: i.criteria,
    type: i.type as AnswerTypeEnum,
    options: i.options.map((o) => ({ key: o.key, label: o.label, multiplier: o.multiplier })),
    weight: i.weight,
    nodeId: i.nodeId,
    part: i.part as PartEnum,
    areaNo: i.areaNo,
    survey: (i.survey as SurveyKindEnum | null) ?? null,
    required: i.required,
    order: i.order,
  };
}

/** The GraphQL view of a parsed instrument (built once per instrument). */
export function instrumentView(inst: Instrument, versionId: number): InstrumentGql {
  const hit = viewCache.get(inst);
  if (hit && hit.versionId === versionId) return hit;
  const items = inst.items.map(itemView);
  const byId = new Map(items.map((i) => [i.soalId, i]));
  const node = (n: InstrumentNode): InstrumentNodeGql => ({
    id: n.id,
    code: n.code,
    name: n.name,
    level: n.level,
    weight: n.weight,
    part: n.part as PartEnum,
    areaNo: n.areaNo,
    children: n.children.map(node),
    items: n.itemIds.map((id) => byId.get(id)!).filter(Boolean),
  });
  const view: InstrumentGql = {
    versionId,
    year: inst.year,
    requiredCount: inst.requiredCount,
    roots: inst.roots.map(node),
    items,
    areas: inst.areas.map((a) => ({ code: a.code, name: a.name, weight: a.weight, pemenuhanWeight: a.pemenuhanWeight, reformWeight: a.reformWeight })),
  };
  viewCache.set(inst, view);
  return view;
}
