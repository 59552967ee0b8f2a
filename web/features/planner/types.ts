/** API shapes only the planner uses (from server/http/contract.ts); shared visit shapes are in web/api/types.ts. */
export type { DayPlan, DayPlanLeg, DayPlanStop, VisitBody, VisitPatchBody } from '../../../server/http/contract';
