// Attaching and downloading evidence (bid notices, patents, customer letters).
// Each file is stored with its SHA-256, size and type, stays tied to the
// indicator it supports (or to the appeal it backs), and is checked against
// its hash on every download.
import type { BlobStore } from '../db/blob-store.ts';
import { getVerified, sha256Hex } from '../db/blob-store.ts';
import type { Action, Actor } from './permissions.ts';
import { assertAllowed } from './permissions.ts';
import type { OrgIndex } from './scope.ts';

export interface EvidenceMeta {
  id: string;
  cycleId: string;
  employeeId: string;
  indicatorId: string | null;
  submissionId: number | null;
  /** Set when the file backs an appeal rather than a submission. */
  appealId: number | null;
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
    readonly code: 'EVIDENCE_TOO_LARGE' | 'EVIDENCE_NOT_FOUND' | 'EVIDENCE_EMPTY' | 'EVIDENCE_TYPE',
    message: string,
    /** The refused upload's name, for the card that tells its sender why. */
    readonly fileName = '',
  ) {
    super(message);
  }
}

/** 20 MB: Slack and Lark both cap bot downloads in that range; a scan of a contract fits. */
export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/**
 * What evidence may be, by file extension: documents, scans and photos, plain
 * text and mail. Nothing a browser or an OS would run or render as a page. The
 * stored type comes from this table, not from what the uploader's client claimed,
 * so a download is always served as one of these.
 */
export const EVIDENCE_TYPES: Readonly<Record<string, string>> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  webp: 'image/webp',
  heic: 'image/heic',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  txt: 'text/plain',
  csv: 'text/csv',
  eml: 'message/rfc822',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  odt: 'application/vnd.oasis.opendocument.text',
  ods: 'application/vnd.oasis.opendocument.spreadsheet',
};

/** The stored content type of an allowed file name, e.g. `合同.PDF` -> `application/pdf`; null when not allowed. */
export function evidenceType(fileName: string): string | null {
  const dot = fileName.lastIndexOf('.');
  return dot < 0 ? null : (EVIDENCE_TYPES[fileName.slice(dot + 1).toLowerCase()] ?? null);
}

export interface EvidenceInput {
  cycleId: string;
  employeeId: string;
  indicatorId: string | null;
  submissionId?: number | null;
  appealId?: number | null;
  /** Its extension decides the stored type (EVIDENCE_TYPES); what the client claimed is not trusted. */
  fileName: string;
  data: Uint8Array;
}

/** Attaches one file: stores its bytes, then its metadata with an audit entry. */
export async function attachEvidence(port: EvidencePort, actor: Actor, input: EvidenceInput): Promise<EvidenceMeta> {
  const meta = await storeEvidenceBytes(port, actor, input);
  await port.saveEvidence(meta, { actor: actor.employeeId });
  return meta;
}

/**
 * Checks permission, size and type, hashes the file and puts its bytes in
 * storage. The bytes are content-addressed, so a transition that fails
 * afterwards leaves at most an unreferenced copy, never a wrong one.
 */
export async function storeEvidenceBytes(port: EvidencePort, actor: Actor, input: EvidenceInput, action: Extract<Action, 'attach_evidence' | 'attach_appeal_evidence'> = 'attach_evidence'): Promise<EvidenceMeta> {
  assertAllowed(await port.org(), actor, action, { kind: 'employee', employeeId: input.employeeId });
  const name = input.fileName;
  if (input.data.byteLength === 0) throw new EvidenceError('EVIDENCE_EMPTY', `${name} is empty`, name);
  if (input.data.byteLength > MAX_EVIDENCE_BYTES) {
    throw new EvidenceError('EVIDENCE_TOO_LARGE', `${name} is ${input.data.byteLength} bytes; the limit is ${MAX_EVIDENCE_BYTES}`, name);
  }
  const contentType = evidenceType(name);
  if (contentType === null) throw new EvidenceError('EVIDENCE_TYPE', `${name} is not an allowed evidence type (${Object.keys(EVIDENCE_TYPES).join(', ')})`, name);
  const sha256 = await sha256Hex(input.data);
  const id = crypto.randomUUID();
  // Content-addressed key: the same file attached twice is stored once.
  const storageKey = `evidence/${sha256}`;
  await port.blobs.put(storageKey, input.data, contentType);
  const meta: EvidenceMeta = {
    id,
    cycleId: input.cycleId,
    employeeId: input.employeeId,
    indicatorId: input.indicatorId,
    submissionId: input.submissionId ?? null,
    appealId: input.appealId ?? null,
    fileName: input.fileName,
    contentType,
    size: input.data.byteLength,
    sha256,
    storageKey,
    uploadedBy: actor.employeeId,
  };
  return meta;
}

/**
 * storeEvidenceBytes for each file one person uploads for `owner` (their own row:
 * the permission check refuses anyone else), acting with their role in the org.
 */
export async function storeUploads(
  port: EvidencePort,
  actorId: string,
  owner: { cycleId: string; employeeId: string },
  files: readonly { fileName: string; data: Uint8Array; indicatorId?: string | null }[],
  action: Extract<Action, 'attach_evidence' | 'attach_appeal_evidence'>,
): Promise<EvidenceMeta[]> {
  const role = (await port.org()).employee(actorId)?.role ?? 'employee';
  const stored: EvidenceMeta[] = [];
  for (const f of files) {
    stored.push(await storeEvidenceBytes(port, { employeeId: actorId, role }, { ...owner, indicatorId: f.indicatorId ?? null, fileName: f.fileName, data: f.data }, action));
  }
  return stored;
}

/** The file, if the actor may see the submission or appeal it belongs to and its bytes still match their hash. */
export async function downloadEvidence(port: EvidencePort, actor: Actor, id: string): Promise<{ meta: EvidenceMeta; data: Uint8Array }> {
  const meta = await port.findEvidence(id);
  if (!meta) throw new EvidenceError('EVIDENCE_NOT_FOUND', `no evidence ${id}`);
  const action = meta.appealId === null ? 'view_evidence' : 'view_appeal_evidence';
  assertAllowed(await port.org(), actor, action, { kind: 'employee', employeeId: meta.employeeId });
  return { meta, data: await getVerified(port.blobs, meta.storageKey, meta.sha256) };
}
