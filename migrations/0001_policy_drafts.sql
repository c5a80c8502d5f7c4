ALTER TABLE "policies" ADD COLUMN "reason" text;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "based_on" integer;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "pilot_members" jsonb DEFAULT '[]'::jsonb NOT NULL;--> statement-breakpoint
ALTER TABLE "policies" ADD COLUMN "published_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "policy_feedback" ADD COLUMN "updated_at" timestamp with time zone;--> statement-breakpoint
CREATE UNIQUE INDEX "policy_feedback_policy_employee" ON "policy_feedback" USING btree ("policy_id","employee_id");