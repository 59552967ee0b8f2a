/** Shapes of the staff API (from server/http/contract.ts), plus the staff pages' own filter names. */
export type {
  AuditEntry, DuplicateWarning, ImportReport, NewUserBody, PointBody, ProblemReport, RecheckItem, RecheckReason, Role, User, UserListItem, UserPatchBody, VerifyBody, WrittenPoint,
} from '../../../server/http/contract';
import type { ProblemReport } from '../../../server/http/contract';

/** The list filters of GET /api/staff/points. */
export type PointFilter = 'all' | 'approximate' | 'stale' | 'retired';

export type ReportReason = ProblemReport['reason'];
