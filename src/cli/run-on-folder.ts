// `pandian diagnose|simulate|apply DIR`, once the arguments are checked.
import { readFile } from 'node:fs/promises';
import { applyResults } from '../engine/apply-results.ts';
import { diagnose } from '../engine/diagnose.ts';
import { packEmployees } from '../engine/packed-results.ts';
import { simulate } from '../engine/simulate.ts';
import type { EmployeeResult, Lang } from '../engine/types.ts';
import { DataError } from '../io/data-error.ts';
import { loadFolder } from '../io/read-folder.ts';
import { fastPolicyParser } from '../io/policy-fast.ts';
import type { Helper } from './helper.ts';
import type { Io } from './main.ts';
import { renderApplication, renderSimulation } from './render-text.ts';
import { renderDiagnosisMarkdown } from './report-md.ts';
import { UsageError } from './usage.ts';
import { jsonHead, writeJson, writeJsonTail } from './write-json.ts';
import { writeDiagnosisReport } from './write-report.ts';

export interface FolderOptions {
  cycle?: string;
  json: boolean;
  out?: string;
  proposal?: string;
}

/**
 * Runs the command on the data folder `dir`. `helper`, when given, writes to
 * the process's stdout (file descriptor 1), so only for the process's own io.
 */
export async function runOnFolder(command: string, dir: string, opts: FolderOptions, lang: Lang, io: Io, helper: Helper | null): Promise<number> {
  // zod (policy-schema.ts) is loaded only for a policy the fast reader leaves to it.
  const data = await loadFolder(dir, { scanValues: helper?.scanValues, policyParser: fastPolicyParser });
  if (command === 'diagnose') {
    // The employees are most of the JSON: the helper writes them while this
    // thread computes the rest of the diagnosis.
    let employeesWritten: Promise<void> | undefined;
    const onEmployees =
      opts.json && helper !== null
        ? (cycle: string, employees: EmployeeResult[]): void => {
            const packed = packEmployees(employees);
            if (packed !== null) employeesWritten = helper.writeEmployees(1, jsonHead({ cycle, employees }, 'employees'), packed);
          }
        : undefined;
    const result = diagnose(data, { cycle: opts.cycle, lang, onEmployees });
    if (employeesWritten !== undefined) {
      await employeesWritten;
      writeJsonTail(result, 'employees', io.stdout, io.stdoutBytes);
    } else if (opts.json) writeJson(result, io.stdout, io.stdoutBytes);
    else io.stdout(renderDiagnosisMarkdown(result, data, lang));
    if (opts.out !== undefined) await writeDiagnosisReport(opts.out, result, data, lang);
    return 0;
  }
  if (command === 'simulate') {
    if (opts.proposal === undefined) throw new UsageError('simulate needs --proposal proposal.json');
    const proposalText = await readFile(opts.proposal, 'utf8').catch(() => {
      throw new DataError({ file: opts.proposal!, line: null, column: null, expected: 'a readable policy JSON file', got: 'no such file' });
    });
    const { parsePolicyText } = await import('../io/policy-schema.ts');
    const proposal = parsePolicyText(proposalText, opts.proposal);
    const result = simulate(data, proposal, opts.cycle);
    io.stdout(opts.json ? JSON.stringify(result) + '\n' : renderSimulation(result, lang));
    return 0;
  }
  const result = applyResults(data, opts.cycle);
  io.stdout(opts.json ? JSON.stringify(result) + '\n' : renderApplication(result, data, lang));
  return 0;
}
