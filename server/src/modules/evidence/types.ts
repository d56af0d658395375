import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AnswerLevel } from '../../common/enums';
import { Evidence, EvidencePurpose, EvidenceRevision } from './entities';
import { evidenceUrl, revisionUrl, snapshot } from './service';

registerEnumType(EvidencePurpose, {
  name: 'EvidencePurpose',
  description: 'ANSWER: data dukung of an LKE item; LHE: TPI evaluation report; SPTJM; PREREQUISITE: nomination prerequisite',
});

@ObjectType('EvidenceRevision', { description: 'One uploaded file of an evidence (older revisions stay downloadable)' })
export class EvidenceRevisionGql {
  @Field(() => Int)
  id!: number;
  @Field(() => Int, { description: 'Revision number, 1, 2, …' })
  no!: number;
  @Field({ description: 'Sanitised original file name' })
  fileName!: string;
  @Field(() => Int, { description: 'Bytes' })
  size!: number;
  @Field({ description: 'Sniffed from the content' })
  mimeType!: string;
  @Field()
  sha256!: string;
  @Field(() => Int)
  uploadedById!: number;
  @Field(() => String, { nullable: true, description: 'Display name of the uploader' })
  uploadedBy!: string | null;
  @Field(() => Date)
  uploadedAt!: Date;
  @Field({ description: 'GET this (with the session cookie) to download; add ?inline=1 to view a PDF/image' })
  downloadUrl!: string;
}

@ObjectType('Evidence', { description: 'An evidence document of a submission, with its revisions' })
export class EvidenceGql {
  @Field(() => Int)
  id!: number;
  @Field(() => Int)
  submissionId!: number;
  @Field(() => EvidencePurpose)
  purpose!: EvidencePurpose;
  @Field(() => Int, { nullable: true, description: 'LKE item (soal_id) for ANSWER evidence' })
  soalId!: number | null;
  @Field(() => AnswerLevel)
  level!: AnswerLevel;
  @Field(() => String, { nullable: true })
  title!: string | null;
  @Field(() => String, { nullable: true })
  description!: string | null;
  @Field(() => Int)
  currentRevision!: number;
  @Field(() => EvidenceRevisionGql, { nullable: true, description: 'The revision served by downloadUrl' })
  current!: EvidenceRevisionGql | null;
  @Field(() => [EvidenceRevisionGql], { description: 'All revisions, oldest first' })
  revisions!: EvidenceRevisionGql[];
  @Field(() => Date)
  createdAt!: Date;
  @Field(() => Date)
  updatedAt!: Date;
  @Field({ description: 'Download URL of the current revision' })
  downloadUrl!: string;
}

export function revisionView(r: EvidenceRevision, evidenceId: number): EvidenceRevisionGql {
  const by = r.uploadedBy; // populated by every caller (listEvidence, the loaders)
  return {
    id: r.id,
    no: r.no,
    fileName: r.fileName,
    size: r.size,
    mimeType: r.mimeType,
    sha256: r.sha256,
    uploadedById: by.id,
    uploadedBy: by.displayName ?? null,
    uploadedAt: r.uploadedAt,
    downloadUrl: revisionUrl(evidenceId, r.no),
  };
}

/** `e.revisions` must be populated (with uploadedBy). */
export function evidenceView(e: Evidence): EvidenceGql {
  const revisions = e.revisions
    .getItems()
    .slice()
    .sort((a, b) => a.no - b.no)
    .map((r) => revisionView(r, e.id));
  const { deleted: _deleted, ...fields } = snapshot(e);
  return {
    ...fields,
    current: revisions.find((r) => r.no === e.currentRevision) ?? null,
    revisions,
    createdAt: e.createdAt,
    updatedAt: e.updatedAt,
    downloadUrl: evidenceUrl(e.id),
  };
}
