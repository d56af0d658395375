import { AddNoteDocument, ReplyNoteDocument, ResolveNoteDocument, ReviewNotesDocument, type AnswerLevel, type ReviewNotesQuery } from '@/graphql/generated';
import { request } from './client';

export type NoteThread = ReviewNotesQuery['reviewNotes'][number];

export async function fetchNotes(submissionId: number): Promise<NoteThread[]> {
  return (await request(ReviewNotesDocument, { submissionId })).reviewNotes;
}
export async function addNote(submissionId: number, soalId: number, level: AnswerLevel, body: string) {
  return (await request(AddNoteDocument, { submissionId, soalId, level, body })).addNote;
}
export async function replyNote(noteId: number, body: string) {
  return (await request(ReplyNoteDocument, { noteId, body })).replyNote;
}
export async function resolveNote(noteId: number, resolved: boolean) {
  return (await request(ResolveNoteDocument, { noteId, resolved })).resolveNote;
}
