import type { Lang } from '../engine/types.ts';
import type { EvidencePort } from './evidence.ts';
import type { Clock, UnitOfWork } from './ports.ts';
import type { ChartUrls } from './summary.ts';

/** Everything a use case needs; built once at the entry. */
export interface WorkflowDeps {
  uow: UnitOfWork;
  evidence: EvidencePort;
  clock: Clock;
  lang: Lang;
  /** Where evidence downloads are served (the console or the API), for links on cards. */
  evidenceUrl(id: string): string;
  /** The charts of a cycle's diagnosis, where the platform can show them. */
  charts: ChartUrls;
}
