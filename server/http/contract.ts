/**
 * The API's request and response types, derived from the route schemas (z.infer): the one source the web and
 * the tests type their calls with. Type-only: import it with `import type`, so no server code enters a bundle.
 * Coordinates are [lng, lat].
 */
import type { z } from '@hono/zod-openapi';
import type { CodedWarning, ErrorBody, PointCollection as PointCollectionSchema, PointFeature as PointFeatureSchema, PointProperties } from './schemas.js';
import type { VillageCollection as VillageCollectionSchema, VillageFeature as VillageFeatureSchema } from './routes/villages.js';
import type { ClientConfig as ClientConfigSchema } from './routes/config.js';
import type { CreateBody, PatchBody, Visit as VisitSchema, VisitRecord as VisitRecordSchema, VisitResult, Warning } from './routes/visits.js';
import type { OptionsResponse } from './routes/options.js';
import type { Coverage as CoverageSchema, Suggestion as SuggestionSchema } from './routes/coverage.js';
import type { MarketDays as MarketDaysSchema } from './routes/calendar.js';
import type { Impact as ImpactSchema, Outcome as OutcomeSchema } from './routes/impact.js';
import type { DayPlan as DayPlanSchema, DayPlanLeg as DayPlanLegSchema, DayPlanStop as DayPlanStopSchema } from './routes/plans.js';
import type { NewUserBody as NewUserBodySchema, User as UserSchema } from './routes/auth.js';
import type { UserPatchBody as UserPatchBodySchema, UserSummary } from './routes/users.js';
import type { DuplicateWarning as DuplicateWarningSchema, VerifyBody as VerifyBodySchema, Written } from './routes/pointEdits.js';
import type { AuditEntry as AuditEntrySchema } from './routes/audit.js';
import type { NewReportBody as NewReportBodySchema, Report } from './routes/reports.js';
import type { ImportReportSchema } from './routes/importExport.js';
import type { RecheckItem as RecheckItemSchema } from './routes/recheck.js';
import type { RegistrationInfo as RegistrationInfoSchema } from './routes/info.js';
import type { Region } from './routes/regions.js';
import type { Pack } from './routes/packs.js';
import type { EventWindow as EventWindowSchema, InterestBody as InterestBodySchema, InterestRecord as InterestRecordSchema, QuizScore as QuizScoreSchema } from './routes/events.js';
import type { QuizQuestion as QuizQuestionSchema } from './routes/quiz.js';

/** [lng, lat] in degrees. */
export type LngLat = [number, number];

/** Every error body: a stable code to translate, its params, and an English message. */
export type ErrorBody = z.infer<typeof ErrorBody>;
/** A warning beside a successful write: code + params + English message. */
export type CodedWarning = z.infer<typeof CodedWarning>;

// Points and villages (public)
export type PointProps = z.infer<typeof PointProperties>;
export type PointFeature = z.infer<typeof PointFeatureSchema>;
export type PointCollection = z.infer<typeof PointCollectionSchema>;
export type VillageFeature = z.infer<typeof VillageFeatureSchema>;
export type VillageProps = VillageFeature['properties'];
export type VillageCollection = z.infer<typeof VillageCollectionSchema>;
export type ClientConfig = z.infer<typeof ClientConfigSchema>;
/** One served kabupaten/kota (GET /api/regions); bbox is [minLng, minLat, maxLng, maxLat]. */
export type RegionSummary = z.infer<typeof Region>;
/** One offline pack of GET /api/packs: a kabupaten's points, villages and visits in one cacheable file. */
export type OfflinePack = z.infer<typeof Pack>;
/** GET /api/points/:id/market-days. */
export type MarketDays = z.infer<typeof MarketDaysSchema>;
/** GET /api/options (the options themselves are typed by server/domain/registration/rank.ts). */
export type OptionsFrom = z.infer<typeof OptionsResponse>['from'];
/** GET /api/info/registration: contribution rules and the bilingual registration guide. */
export type RegistrationInfo = z.infer<typeof RegistrationInfoSchema>;
export type GuideItem = RegistrationInfo['guide']['channels'][number];

// Visits
/** One occurrence from GET /api/visits. */
export type Visit = z.infer<typeof VisitSchema>;
export type Activity = Visit['activities'][number];
export type VisitStatus = Visit['status'];
/** GET /api/visits/:id: a visit, series or occurrence. */
export type VisitRecord = z.infer<typeof VisitRecordSchema>;
/** A visit conflict or day-route warning. */
export type VisitWarning = z.infer<typeof Warning>;
/** What POST/PATCH/DELETE /api/visits answer: the saved record plus (at most 50) warnings and their total. */
export type SavedVisit = z.infer<typeof VisitResult>;
/** POST /api/visits body. */
export type VisitBody = z.input<typeof CreateBody>;
/** PATCH /api/visits/:id body. */
export type VisitPatchBody = z.input<typeof PatchBody>;

// Planning, coverage and impact (planner)
export type DayPlan = z.infer<typeof DayPlanSchema>;
export type DayPlanStop = z.infer<typeof DayPlanStopSchema>;
export type DayPlanLeg = z.infer<typeof DayPlanLegSchema>;
export type Coverage = z.infer<typeof CoverageSchema>;
export type CoverageVillage = Coverage['villages'][number];
export type Suggestion = z.infer<typeof SuggestionSchema>;
export type SuggestedSite = Suggestion['sites'][number];
export type Impact = z.infer<typeof ImpactSchema>;
export type ImpactTotals = Pick<Impact, 'visits' | 'attendees' | 'registrations' | 'cards_issued' | 'pretest_pct' | 'posttest_pct'>;
/** Follow-up of sign-ups: interested → contacted → registered. */
export type Funnel = Pick<Impact['funnel'], 'interested' | 'contacted' | 'registered'>;
/** A visit's outcome, as GET/POST /api/visits/:id/outcome answer it: combined numbers, `typed` for the form, `sources`. */
export type Outcome = z.infer<typeof OutcomeSchema>;
/** What a planner typed (prefills the outcome form). */
export type TypedOutcome = NonNullable<Outcome['typed']>;
/** A typed quiz phase: respondents and the share right (0–100). */
export type Quiz = NonNullable<TypedOutcome['pretest']>;
/** How much of a combined number came from phones, a facilitator's tablet and typing. */
export type SourceCounts = Outcome['sources']['attendees'];
/** What POST /api/visits/:id/outcome accepts (counts only, never names or NIKs); the domain checks each field. */
export type OutcomeInput = Partial<Pick<TypedOutcome, 'attendees' | 'registrations' | 'cards_issued' | 'feedback' | 'notes'>> & {
  pretest?: Partial<Quiz>;
  posttest?: Partial<Quiz>;
};

// Event companion (issue 11)
/** GET /api/visits/:id/event: whether the event page takes answers now. */
export type EventWindow = z.infer<typeof EventWindowSchema>;
/** One question of GET /api/quiz (answer, explanation, source and active only for planners). */
export type QuizQuestion = z.infer<typeof QuizQuestionSchema>;
/** What POST /api/visits/:id/quiz answers. */
export type QuizScore = z.infer<typeof QuizScoreSchema>;
export type ReviewItem = NonNullable<QuizScore['review']>[number];
/** POST /api/visits/:id/interest body. */
export type InterestBody = z.input<typeof InterestBodySchema>;
/** One sign-up as GET /api/visits/:id/interest lists it (planners only; personal data). */
export type InterestRecord = z.infer<typeof InterestRecordSchema>;
export type InterestStatus = InterestRecord['status'];

// Staff
/** The signed-in user (POST /api/auth/login, GET /api/auth/me). */
export type User = z.infer<typeof UserSchema>;
export type Role = User['role'];
/** One user of GET /api/users (admin). */
export type UserListItem = z.infer<typeof UserSummary>;
/** POST /api/users body (admin). */
export type NewUserBody = z.input<typeof NewUserBodySchema>;
/** PATCH /api/users/:id body (admin). */
export type UserPatchBody = z.input<typeof UserPatchBodySchema>;
/** What POST/PATCH/DELETE /api/points and POST …/verify answer: the Feature with duplicate warnings beside it. */
export type WrittenPoint = z.infer<typeof Written>;
export type DuplicateWarning = z.infer<typeof DuplicateWarningSchema>;
export type VerifyBody = z.input<typeof VerifyBodySchema>;
/**
 * What the point form sends (POST /api/points, PATCH /api/points/:id). The route takes `unknown` fields so the
 * domain validator names them; these are the stored properties it accepts, plus the position as lat/lng.
 */
export type PointBody = Pick<
  PointProps,
  'name' | 'type' | 'services' | 'address' | 'phone' | 'whatsapp' | 'opening_hours' | 'market_days' | 'opens' | 'closes' | 'accuracy' | 'notes'
> & { lat: number; lng: number; status: Exclude<PointProps['status'], 'retired'> };
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export type ProblemReport = z.infer<typeof Report>;
/** POST /api/points/:id/reports body ("Info salah?"; public, no personal data). */
export type NewReportBody = z.input<typeof NewReportBodySchema>;
export type ImportReport = z.infer<typeof ImportReportSchema>;
export type RecheckItem = z.infer<typeof RecheckItemSchema>;
export type RecheckReason = RecheckItem['recheck']['reasons'][number];
