import type { MappingCoverage, OpsDataSource } from '../data-source.js';
import { localIso } from './punch-view.js';

export interface CoverageView extends MappingCoverage {
  readonly personsRefreshedLocal: string | null;
  readonly usersRefreshedLocal: string | null;
}

export async function buildCoverage(data: OpsDataSource): Promise<CoverageView> {
  const coverage = await data.mappingCoverage();
  const local = (ms: number | null) => (ms === null ? null : localIso(ms, data.timezone));
  return { ...coverage, personsRefreshedLocal: local(coverage.personsRefreshedMs), usersRefreshedLocal: local(coverage.usersRefreshedMs) };
}
