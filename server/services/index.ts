import type { AppDeps } from '../deps.js';
import { PointStore } from '../storage/points.js';
import { readDataJson } from '../storage/dataFiles.js';
import { VillageService } from './villages.js';
import { servedKabupaten } from './regions/ensureRegions.js';
import { PackService } from './packs.js';
import { FinderService } from './finder.js';
import { AuthService } from './auth.js';
import { CoverageService } from './coverage.js';
import { OutcomeService, outcomeAuditWriter } from './outcomes.js';
import { OutcomeStore } from '../storage/outcomes.js';
import { AuditService } from './audit.js';
import { PointEditService } from './points.js';
import { ImportService } from './import/index.js';
import { PointExportService } from './pointExport.js';
import { ReportService } from './reports.js';
import { visitLookupFrom } from './visitLookup.js';
import { VisitStore } from '../storage/visits.js';
import { VisitService } from './visits.js';
import { PlanService } from './plans.js';
import { CalendarService } from './calendar.js';
import { QuizBankService } from './events/quizBank.js';
import { ParticipationService } from './events/participation.js';
import { InterestService } from './events/interest.js';
import { EventFigures } from './events/figures.js';
import { EventStore } from '../storage/events.js';
import { InterestStore } from '../storage/interest.js';
import { VersionStore } from '../storage/versions.js';
import { VersionService } from './versions.js';
import { IdempotencyStore } from '../storage/idempotency.js';
import { IdempotencyService } from './idempotency.js';
import { OptionsService } from './options.js';
import type { GuideChannel } from '../domain/registration/select.js';
import { PosterService, posterFacts } from './posters/index.js';
import { PointViewStore } from '../storage/pointViews.js';
import { PointViewCounter } from './pointViews.js';
import { RecheckService } from './recheck.js';

/**
 * Builds every service from the dependencies. The only place services are wired together;
 * createApp hands each router the services it needs.
 */
export function createServices(deps: AppDeps) {
  const pointStore = new PointStore(deps.db);
  const villages = new VillageService(deps.db, servedKabupaten(deps.db, deps.config.dataDir, deps.config.regions));
  const finder = new FinderService(pointStore, villages, deps.now);
  const audit = new AuditService(deps.db, deps.now);
  const auth = new AuthService(deps.db, deps.now, audit);
  const versions = new VersionService(new VersionStore(deps.db));
  const idempotency = new IdempotencyService(deps.db, new IdempotencyStore(deps.db), deps.now);
  const pointEdits = new PointEditService(deps.db, pointStore, villages, finder, audit, deps.config.serviceRegion, deps.now, versions, deps.config.tileUrl !== null);
  const importer = new ImportService(deps.db, pointStore, pointEdits, audit);
  const pointExport = new PointExportService(pointStore, finder, deps.now);
  const reports = new ReportService(deps.db, pointStore, audit, deps.now);
  const info = {
    rules: readDataJson<Record<string, unknown>>(deps.config.dataDir, 'bpjstk_bpu_contribution_rules.json'),
    guide: readDataJson<Record<string, unknown>>(deps.config.dataDir, 'registration_guide.json'),
  };
  // Coverage and outcomes read visits lazily, so the visits service may be built after them.
  const visitStore = new VisitStore(deps.db);
  const visits = new VisitService(visitStore, pointStore, villages, deps.config.closedDates, deps.now, versions);
  const plans = new PlanService(visits);
  const calendar = new CalendarService(pointStore, deps.config.closedDates, deps.now);
  const visitLookup = visitLookupFrom(visits);
  const coverage = new CoverageService(pointStore, villages, () => visitLookup, deps.now, () => visitStore.changeStamp());
  const packs = new PackService(deps.db, villages, pointStore, finder, () => visits, deps.now);
  const outcomeAudit = outcomeAuditWriter(audit);
  const quizBank = new QuizBankService(deps.db, audit, deps.now);
  const eventStore = new EventStore(deps.db);
  const interestStore = new InterestStore(deps.db);
  const participation = new ParticipationService(deps.db, eventStore, quizBank, pointStore, villages, () => visitLookup, deps.now);
  const interest = new InterestService(deps.db, interestStore, participation, villages, audit, deps.now);
  const eventFigures = new EventFigures(eventStore, interestStore, () => interest.purgeExpired());
  const outcomes = new OutcomeService(
    new OutcomeStore(deps.db), pointStore, villages, () => visitLookup, () => outcomeAudit, deps.now,
    () => eventFigures, (id) => quizBank.store.get(id)?.text ?? null,
  );
  const options = new OptionsService(finder, visits, villages, info.guide as { channels?: GuideChannel[] }, deps.now);
  const posters = new PosterService(visits, pointStore, villages, posterFacts(info.rules, info.guide), deps.now);
  const pointViewStore = new PointViewStore(deps.db);
  const pointViews = new PointViewCounter(pointViewStore, deps.now);
  const recheck = new RecheckService(pointViewStore, pointViews, pointStore, finder, deps.now);
  return {
    versions, idempotency, posters, pointViews, recheck, pointStore, villages, packs, finder, options, auth, info, coverage, outcomes, visits, plans, calendar, audit, pointEdits, reports, importer, pointExport,
    quizBank, participation, interest,
  };
}

export type Services = ReturnType<typeof createServices>;
