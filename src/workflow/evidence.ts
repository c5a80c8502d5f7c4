// Attaching and downloading evidence (bid notices, patents, customer letters).
// Each file is stored with its SHA-256, size and type, stays tied to the
// indicator it supports, and is checked against its hash on every download.
import type { BlobStore } from '../db/blob-store.ts';
import { getVerified, sha256Hex } from '../db/blob-store.ts';
import type { Actor } from './permissions.ts';
import { assertAllowed } from './permissions.ts';
import type { OrgIndex } from './scope.ts';

export interface EvidenceMeta {
  id: string;
  cycleId: string;
  employeeId: string;
  indicatorId: string | null;
  submissionId: number | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
}

/** What the evidence use cases need of the store. */
export interface EvidencePort {
  org(): Promise<OrgIndex>;
  blobs: BlobStore;
  saveEvidence(meta: EvidenceMeta, audit: { actor: string }): Promise<void>;
  findEvidence(id: string): Promise<EvidenceMeta | undefined>;
}

export class EvidenceError extends Error {
  constructor(
    readonly code: 'EVIDENCE_TOO_LARGE' | 'EVIDENCE_NOT_FOUND' | 'EVIDENCE_EMPTY',
    message: string,
  ) {
    super(message);
  }
}

/** 20 MB: Slack and Lark both cap bot downloads in that range; a scan of a contract fits. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

export interface EvidenceInput {
  cycleId: string;
  employeeId: string;
  indicatorId: string | null;
  submissionId?: number | null;
  fileName: string;
  contentType: string;
  data: Uint8Array;
}

/** Attaches one file: stores its bytes, then its metadata with an audit entry. */
export async function attachEvidence(port: EvidencePort, actor: Actor, input: EvidenceInput): Promise<EvidenceMeta> {
  const meta = await storeEvidenceBytes(port, actor, input);
  await port.saveEvidence(meta, { actor: actor.employeeId });
  return meta;
}

/**
 * Checks permission and size, hashes the file and puts its bytes in storage.
 * The bytes are content-addressed, so a transition that fails afterwards
 * leaves at most an unreferenced copy, never a wrong one.
 */
export async function storeEvidenceBytes(port: EvidencePort, actor: Actor, input: EvidenceInput): Promise<EvidenceMeta> {
  assertAllowed(await port.org(), actor, 'attach_evidence', { kind: 'employee', employeeId: input.employeeId });
  if (input.data.byteLength === 0) throw new EvidenceError('EVIDENCE_EMPTY', `${input.fileName} is empty`);
  if (input.data.byteLength > MAX_EVIDENCE_BYTES) {
    throw new EvidenceError('EVIDENCE_TOO_LARGE', `${input.fileName} is ${input.data.byteLength} bytes; the limit is ${MAX_EVIDENCE_BYTES}`);
  }
  const sha256 = await sha256Hex(input.data);
  const id = crypto.randomUUID();
  // Content-addressed key: the same file attached twice is stored once.
  const storageKey = `evidence/${sha256}`;
  await port.blobs.put(storageKey, input.data, input.contentType);
  const meta: EvidenceMeta = {
    id,
    cycleId: input.cycleId,
    employeeId: input.employeeId,
    indicatorId: input.indicatorId,
    submissionId: input.submissionId ?? null,
    fileName: input.fileName,
    contentType: input.contentType,
    size: input.data.byteLength,
    sha256,
    storageKey,
    uploadedBy: actor.employeeId,
  };
  return meta;
}

/** The file, if the actor may see the submission it belongs to and its bytes still match their hash. */
export async function downloadEvidence(port: EvidencePort, actor: Actor, id: string): Promise<{ meta: EvidenceMeta; data: Uint8Array }> {
  const meta = await port.findEvidence(id);
  if (!meta) throw new EvidenceError('EVIDENCE_NOT_FOUND', `no evidence ${id}`);
  assertAllowed(await port.org(), actor, 'view_evidence', { kind: 'employee', employeeId: meta.employeeId });
  return { meta, data: await getVerified(port.blobs, meta.storageKey, meta.sha256) };
}
