/** Reads for the event page: the visit, whether it is open, and the quiz questions (public). */
import { useQuery } from '@tanstack/react-query';
import { getJson } from '../../api/client';
import type { Visit } from '../../api/types';

export type { EventWindow, QuizQuestion } from '../../../server/http/contract';
import type { EventWindow, QuizQuestion } from '../../../server/http/contract';

const path = (visitId: string, rest = '') => `/api/visits/${encodeURIComponent(visitId)}${rest}`;

/** POST path of an event write. */
export const eventPath = (visitId: string, what: 'checkins' | 'quiz' | 'feedback' | 'interest') => path(visitId, `/${what}`);

export function useEventVisit(visitId: string) {
  return useQuery({ queryKey: ['event', visitId, 'visit'], queryFn: ({ signal }) => getJson<Visit>(path(visitId), {}, signal), staleTime: 5 * 60_000, retry: 1 });
}

export function useEventWindow(visitId: string) {
  return useQuery({ queryKey: ['event', visitId, 'window'], queryFn: ({ signal }) => getJson<EventWindow>(path(visitId, '/event'), {}, signal), staleTime: 60_000, retry: 1 });
}

/** The active questions (answers are never sent to the public before the post-test). */
export function useQuiz() {
  return useQuery({
    queryKey: ['quiz'],
    queryFn: ({ signal }) => getJson<{ questions: QuizQuestion[] }>('/api/quiz', {}, signal).then((r) => r.questions),
    staleTime: 10 * 60_000,
  });
}
