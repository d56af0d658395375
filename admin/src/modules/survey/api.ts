/** The public survey page's REST calls (no session) and the errors they answer with. */
import type { SurveyRoundState } from '@pantau/shared';
import { appUrl } from '@/api/base';

export interface PublicForm {
  unitName: string;
  serviceType: { code: string; name: string };
  respondentGroups: { code: string; name: string }[];
  questionnaireVersion: string;
  startDate: string;
  endDate: string;
  state: SurveyRoundState;
  ticket: string | null;
}

export class PublicSurveyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

async function json(res: Response) {
  const body = await res.json().catch(() => null);
  if (!res.ok) throw new PublicSurveyError(res.status, body?.code ?? 'NETWORK', body?.message ?? res.statusText);
  return body;
}

const base = (token: string) => appUrl(`/api/survey/public/${encodeURIComponent(token)}`);

export async function fetchPublicForm(token: string): Promise<PublicForm> {
  return json(await fetch(base(token), { cache: 'no-store' }));
}

export async function sendPublicResponse(
  token: string,
  body: { ticket: string; respondentGroup: string; scores: Record<string, number>; website: string },
): Promise<void> {
  await json(
    await fetch(`${base(token)}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-pantau-csrf': '1' },
      body: JSON.stringify(body),
    }),
  );
}
