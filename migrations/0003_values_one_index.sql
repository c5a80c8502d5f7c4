-- One index instead of two on indicator_values: the primary key (cycle_id, employee_id, seq) serves lookups of a person's values in input order; seq stays unique by its sequence.
ALTER TABLE "indicator_values" DROP CONSTRAINT "indicator_values_pkey";--> statement-breakpoint
DROP INDEX "values_cycle_idx";--> statement-breakpoint
ALTER TABLE "indicator_values" ADD CONSTRAINT "indicator_values_pkey" PRIMARY KEY("cycle_id","employee_id","seq");
