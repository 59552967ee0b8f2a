/**
 * The participant code of this device for one event: random, made here, kept in localStorage so the same phone
 * counts once and its pre-test and post-test pair up. It names nobody.
 */
import type { QuizScore, ReviewItem } from '../../../server/http/contract';

export type { ReviewItem };
const key = (visitId: string) => `jangkau.event.${visitId}.participant`;

/** A fresh random code `p-` + 22 URL-safe characters (128 bits). */
export function newParticipantCode(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  const b64 = btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `p-${b64}`;
}

/** This device's code for `visitId`, made on first use. */
export function participantFor(visitId: string): string {
  try {
    const saved = localStorage.getItem(key(visitId));
    if (saved && /^p-[A-Za-z0-9_-]{8,64}$/.test(saved)) return saved;
    const fresh = newParticipantCode();
    localStorage.setItem(key(visitId), fresh);
    return fresh;
  } catch {
    // Private mode without storage: a code for this page view only.
    return newParticipantCode();
  }
}

/** What this device has done at an event, so a reload (or a return after losing signal) shows the same step. */
export interface EventProgress {
  checkedIn?: boolean;
  pre?: boolean;
  post?: boolean;
  interest?: boolean;
  feedback?: boolean;
  /** The post-test review from the server, once it has answered. */
  review?: ReviewItem[];
  score?: Omit<QuizScore, 'review'>;
}


const progressKey = (visitId: string) => `jangkau.event.${visitId}.progress`;

export function loadProgress(visitId: string): EventProgress {
  try {
    return JSON.parse(localStorage.getItem(progressKey(visitId)) ?? '{}') as EventProgress;
  } catch {
    return {};
  }
}

export function saveProgress(visitId: string, p: EventProgress): void {
  try {
    localStorage.setItem(progressKey(visitId), JSON.stringify(p));
  } catch {
    // storage full or private mode: progress is shown for this page view only
  }
}
