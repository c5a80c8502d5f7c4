import type { Dataset } from './types.ts';

/** Display names for ids, falling back to the id itself. */
export interface Names {
  employee(id: string): string;
  department(id: string): string;
  indicator(id: string): string;
}

export function namesOf(data: Dataset): Names {
  const employees = new Map(data.employees.map((e) => [e.id, e.name]));
  const departments = new Map(data.departments.map((d) => [d.id, d.name]));
  const indicators = new Map<string, string>();
  for (const p of [data.policy, ...Object.values(data.cyclePolicies)]) {
    for (const i of p.indicators) if (!indicators.has(i.id)) indicators.set(i.id, i.name);
  }
  return {
    employee: (id) => employees.get(id) ?? id,
    department: (id) => departments.get(id) ?? id,
    indicator: (id) => indicators.get(id) ?? id,
  };
}
