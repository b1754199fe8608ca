CREATE TABLE "map_versions" (
	"id" text PRIMARY KEY,
	"file_count" integer NOT NULL,
	"dimension_count" integer NOT NULL,
	"countries" jsonb NOT NULL,
	"files" jsonb NOT NULL,
	"first_loaded_at" timestamp with time zone DEFAULT now() NOT NULL
);
