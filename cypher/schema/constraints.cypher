// Uniqueness constraints for Neo4j 5 (Community): one per label, on id.
// Generated from orgraph/vocabulary.py by orgraph.backends.cypher_load.schema_text(); do not edit.
// `orgraph load` applies them; Neo4j needs them before data is written, in their own transaction.
CREATE CONSTRAINT orgraph_region_id IF NOT EXISTS FOR (n:Region) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_administration_id IF NOT EXISTS FOR (n:Administration) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_leadership_group_id IF NOT EXISTS FOR (n:LeadershipGroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_council_id IF NOT EXISTS FOR (n:Council) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_prioritisation_council_id IF NOT EXISTS FOR (n:PrioritisationCouncil) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_clinical_leadership_id IF NOT EXISTS FOR (n:ClinicalLeadership) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_group_wide_group_id IF NOT EXISTS FOR (n:GroupWideGroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_region_wide_group_id IF NOT EXISTS FOR (n:RegionWideGroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_subgroup_id IF NOT EXISTS FOR (n:Subgroup) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_process_team_id IF NOT EXISTS FOR (n:ProcessTeam) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_national_programme_area_id IF NOT EXISTS FOR (n:NationalProgrammeArea) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_regional_programme_area_id IF NOT EXISTS FOR (n:RegionalProgrammeArea) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_function_id IF NOT EXISTS FOR (n:Function) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_post_id IF NOT EXISTS FOR (n:Post) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_document_id IF NOT EXISTS FOR (n:Document) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT orgraph_topic_id IF NOT EXISTS FOR (n:Topic) REQUIRE n.id IS UNIQUE;
