// The default BlobStore: evidence bytes in the database itself, so every
// deployment (one process or many) has them without extra infrastructure.
import { asc, eq, sql } from 'drizzle-orm';
import type { BlobStore, StoredBlob } from './blob-store.ts';
import type { Db } from './connect.ts';
import { blobs } from './schema.ts';

export class DbBlobStore implements BlobStore {
  constructor(private readonly db: Db) {}

  async put(key: string, data: Uint8Array, contentType: string): Promise<void> {
    // Putting again refreshes stored_at: a file attached anew is not swept as an old orphan.
    await this.db
      .insert(blobs)
      .values({ key, data, contentType })
      .onConflictDoUpdate({ target: blobs.key, set: { data, contentType, storedAt: sql`now()` } });
  }

  async get(key: string): Promise<Uint8Array | null> {
    const [row] = await this.db.select({ data: blobs.data }).from(blobs).where(eq(blobs.key, key));
    return row ? new Uint8Array(row.data) : null;
  }

  async delete(key: string): Promise<void> {
    await this.db.delete(blobs).where(eq(blobs.key, key));
  }

  async list(prefix: string): Promise<StoredBlob[]> {
    // starts_with, not LIKE: a prefix holding % or _ means just those characters.
    return this.db.select({ key: blobs.key, storedAt: blobs.storedAt }).from(blobs).where(sql`starts_with(${blobs.key}, ${prefix})`).orderBy(asc(blobs.key));
  }
}
