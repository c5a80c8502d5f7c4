ALTER TABLE "evidence" ADD COLUMN "appeal_id" integer;--> statement-breakpoint
CREATE INDEX "evidence_appeal_idx" ON "evidence" USING btree ("appeal_id");