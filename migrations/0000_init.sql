CREATE TABLE "anomalies" (
	"id" serial PRIMARY KEY NOT NULL,
	"cycle_id" text NOT NULL,
	"employee_id" text NOT NULL,
	"indicator_id" text NOT NULL,
	"kind" text NOT NULL,
	"value" double precision,
	"expected" double precision,
	"robust_z" double precision,
	"source_ref" text,
	"status" text DEFAULT 'open' NOT NULL,
	"resolved_by" text,
	"resolved_at" timestamp with time zone,
	"corrected_value" double precision,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "appeals" (
	"id" serial PRIMARY KEY NOT NULL,
	"cycle_id" text NOT NULL,
	"employee_id" text NOT NULL,
	"reason" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"due_at" timestamp with time zone NOT NULL,
	"auto_check" jsonb,
	"resolved_by" text,
	"resolution" text,
	"score_before" double precision,
	"score_after" double precision,
	"grade_before" text,
	"grade_after" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"resolved_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "assignments" (
	"policy_id" integer NOT NULL,
	"position" integer NOT NULL,
	"department_id" text,
	"role" text,
	"slot" integer NOT NULL,
	"indicator_id" text NOT NULL,
	"weight" double precision NOT NULL,
	CONSTRAINT "assignments_policy_id_position_slot_pk" PRIMARY KEY("policy_id","position","slot")
);
--> statement-breakpoint
CREATE TABLE "attributes" (
	"cycle_id" text NOT NULL,
	"employee_id" text NOT NULL,
	"attribute" text NOT NULL,
	"value" double precision NOT NULL,
	CONSTRAINT "attributes_cycle_id_employee_id_attribute_pk" PRIMARY KEY("cycle_id","employee_id","attribute")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"seq" integer PRIMARY KEY NOT NULL,
	"at" text NOT NULL,
	"actor" text NOT NULL,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" text,
	"after" text,
	"prev_hash" text NOT NULL,
	"hash" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "blobs" (
	"key" text PRIMARY KEY NOT NULL,
	"content_type" text NOT NULL,
	"data" "bytea" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycle_policies" (
	"cycle_id" text PRIMARY KEY NOT NULL,
	"policy_id" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "cycles" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"policy_id" integer NOT NULL,
	"stage" text DEFAULT 'draft' NOT NULL,
	"deadlines" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"review_levels" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "departments" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"parent_id" text,
	"head_id" text
);
--> statement-breakpoint
CREATE TABLE "employees" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"department_id" text NOT NULL,
	"manager_id" text,
	"role" text NOT NULL,
	"salary_sealed" text,
	"slack_user_id" text,
	"lark_open_id" text
);
--> statement-breakpoint
CREATE TABLE "evidence" (
	"id" text PRIMARY KEY NOT NULL,
	"cycle_id" text NOT NULL,
	"employee_id" text NOT NULL,
	"indicator_id" text,
	"submission_id" integer,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "goals" (
	"policy_id" integer NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "goals_policy_id_id_pk" PRIMARY KEY("policy_id","id")
);
--> statement-breakpoint
CREATE TABLE "indicators" (
	"policy_id" integer NOT NULL,
	"id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"direction" text,
	"unit" text,
	"goal_id" text,
	"cap" double precision,
	"position" integer NOT NULL,
	CONSTRAINT "indicators_policy_id_id_pk" PRIMARY KEY("policy_id","id")
);
--> statement-breakpoint
CREATE TABLE "outgoing_messages" (
	"id" serial PRIMARY KEY NOT NULL,
	"platform" text NOT NULL,
	"recipient" text NOT NULL,
	"card" jsonb NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "policies" (
	"id" serial PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"version" integer NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"settings" jsonb NOT NULL,
	"digest" text NOT NULL,
	"frozen_at" timestamp with time zone,
	"created_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy_feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"policy_id" integer NOT NULL,
	"employee_id" text NOT NULL,
	"answer" text NOT NULL,
	"comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "processed_events" (
	"platform" text NOT NULL,
	"event_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "processed_events_platform_event_id_pk" PRIMARY KEY("platform","event_id")
);
--> statement-breakpoint
CREATE TABLE "results" (
	"cycle_id" text NOT NULL,
	"employee_id" text NOT NULL,
	"score" double precision NOT NULL,
	"grade" text NOT NULL,
	"rank" integer NOT NULL,
	"percentile" double precision NOT NULL,
	"raise_rate" double precision NOT NULL,
	"raise_amount_sealed" text,
	"promotion" boolean DEFAULT false NOT NULL,
	"development_indicator" text,
	"development_training" text,
	"status" text DEFAULT 'published' NOT NULL,
	"published_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "results_cycle_id_employee_id_pk" PRIMARY KEY("cycle_id","employee_id")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"id" serial PRIMARY KEY NOT NULL,
	"submission_id" integer NOT NULL,
	"reviewer_id" text NOT NULL,
	"level" integer NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"override_score" double precision,
	"override_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "submissions" (
	"id" serial PRIMARY KEY NOT NULL,
	"cycle_id" text NOT NULL,
	"employee_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"summary" text,
	"submitted_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "suggestions" (
	"id" serial PRIMARY KEY NOT NULL,
	"cycle_id" text,
	"employee_id" text,
	"text" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "training" (
	"indicator_id" text PRIMARY KEY NOT NULL,
	"training" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_values" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"cycle_id" text NOT NULL,
	"employee_id" text NOT NULL,
	"indicator_id" text NOT NULL,
	"source" text NOT NULL,
	"target" double precision,
	"actual" double precision,
	"rating" integer,
	"source_ref" text DEFAULT '' NOT NULL,
	"origin" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "anomalies_cycle_employee_idx" ON "anomalies" USING btree ("cycle_id","employee_id");--> statement-breakpoint
CREATE INDEX "employees_department_idx" ON "employees" USING btree ("department_id");--> statement-breakpoint
CREATE UNIQUE INDEX "employees_slack_idx" ON "employees" USING btree ("slack_user_id");--> statement-breakpoint
CREATE UNIQUE INDEX "employees_lark_idx" ON "employees" USING btree ("lark_open_id");--> statement-breakpoint
CREATE INDEX "evidence_owner_idx" ON "evidence" USING btree ("cycle_id","employee_id");--> statement-breakpoint
CREATE INDEX "outgoing_status_idx" ON "outgoing_messages" USING btree ("status");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_cycle_employee" ON "submissions" USING btree ("cycle_id","employee_id");--> statement-breakpoint
CREATE INDEX "values_cycle_idx" ON "indicator_values" USING btree ("cycle_id","employee_id");--> statement-breakpoint
CREATE UNIQUE INDEX "values_api_key" ON "indicator_values" USING btree ("cycle_id","employee_id","indicator_id","source","source_ref") WHERE origin = 'api';