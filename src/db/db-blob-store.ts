// The default BlobStore: evidence bytes in the database itself, so every
// deployment (one process or many) has them without extra infrastructure.
import { eq } from 'drizzle-orm';
import type { BlobStore } from './blob-store.ts';
import type { Db } from './connect.ts';
import { blobs } from './schema.ts';

export class DbBlobStore implements BlobStore {
  constructor(private readonly db: Db) {}

  async put(key: string, data: Uint8Array, contentType: string): Promise<void> {
    await this.db.insert(blobs).values({ key, data, contentType }).onConflictDoUpdate({ target: blobs.key, set: { data, contentType } });
  }

  async get(key: string): Promise<Uint8Array | null> {
    const [row] = await this.db.select({ data: blobs.data }).from(blobs).where(eq(blobs.key, key));
    return row ? new Uint8Array(row.data) : null;
  }

  async delete(key: string): Promise<void> {
    await this.db.delete(blobs).where(eq(blobs.key, key));
  }
}
