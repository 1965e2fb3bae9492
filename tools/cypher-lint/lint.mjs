#!/usr/bin/env node
// Lint Cypher statements with Neo4j's own front end (@neo4j-cypher/language-support).
//
// stdin:  {"schema": {"labels": [...], "relationshipTypes": [...],
//                     "propertyKeys": [...]?, "parameters": {name: value}?},
//          "statements": [{"id": "file-or-name", "text": "cypher..."}]}
// stdout: [{"id": ..., "diagnostics": [{"severity": "error"|"warning",
//                                       "message": ..., "line": 1-based, "column": 1-based}]}]
// Exit 0 when it ran (diagnostics or not); exit 2 with a message on stderr for bad input.
//
// What the linter checks depends on what the schema carries:
//   - unknown labels / relationship types (warnings): only when BOTH lists are given;
//   - unknown property keys (warnings): only when "propertyKeys" is given;
//   - unknown functions (errors): only when a function list is given -- we always pass
//     Neo4j 5's built-in functions (from the package's bundled registry, APOC/GDS left out);
//   - unknown procedures (errors): we pass only the db.* procedures orgraph calls (PROCEDURES);
//   - undefined parameters (errors): only when "parameters" is given; without it,
//     parameter errors are dropped (isNotParamError).
import fs from 'node:fs';
import { lintCypherQuery, isNotParamError, testData } from '@neo4j-cypher/language-support';

function fail(message) {
  process.stderr.write(`cypher-lint: ${message}\n`);
  process.exit(2);
}

// Neo4j's built-in functions (shortestPath and allShortestPaths are grammar, not functions).
function builtinFunctions() {
  const out = {};
  for (const [version, registry] of Object.entries(testData.mockSchema.functions ?? {})) {
    out[version] = Object.fromEntries(Object.entries(registry).filter(([, f]) => f.isBuiltIn));
  }
  if (!Object.values(out).some((r) => 'coalesce' in r)) fail('no built-in function list found in the package');
  return out;
}

// Neo4j's own db.* procedures that orgraph calls (the registry's community built-ins; plugins left out).
const PROCEDURES = ['db.awaitIndexes'];
function builtinProcedures() {
  const out = {};
  for (const [version, registry] of Object.entries(testData.mockSchema.procedures ?? {})) {
    out[version] = Object.fromEntries(PROCEDURES.filter((name) => name in registry).map((name) => [name, registry[name]]));
  }
  if (!Object.values(out).some((r) => PROCEDURES.every((name) => name in r))) fail('no db.* procedure list found in the package');
  return out;
}

function readInput() {
  let raw;
  try {
    raw = JSON.parse(fs.readFileSync(0, 'utf8'));
  } catch (e) {
    fail(`stdin is not JSON: ${e.message}`);
  }
  const { schema, statements } = raw ?? {};
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) fail('"schema" must be an object');
  for (const key of ['labels', 'relationshipTypes', 'propertyKeys']) {
    if (key in schema && !(Array.isArray(schema[key]) && schema[key].every((s) => typeof s === 'string'))) {
      fail(`"schema.${key}" must be a list of strings`);
    }
  }
  if ('parameters' in schema && (typeof schema.parameters !== 'object' || schema.parameters === null || Array.isArray(schema.parameters))) {
    fail('"schema.parameters" must be an object');
  }
  if (!Array.isArray(statements)) fail('"statements" must be a list');
  for (const s of statements) {
    if (typeof s?.id !== 'string' || typeof s?.text !== 'string') fail('each statement needs string "id" and "text"');
  }
  return { schema, statements };
}

const { schema, statements } = readInput();
const dbSchema = {
  labels: schema.labels ?? [],
  relationshipTypes: schema.relationshipTypes ?? [],
  functions: builtinFunctions(),
  procedures: builtinProcedures(),
};
if ('propertyKeys' in schema) dbSchema.propertyKeys = schema.propertyKeys;
if ('parameters' in schema) dbSchema.parameters = schema.parameters;

const results = statements.map(({ id, text }) => {
  let { diagnostics } = lintCypherQuery(text, dbSchema);
  if (!('parameters' in schema)) diagnostics = diagnostics.filter(isNotParamError);
  return {
    id,
    diagnostics: diagnostics.map((d) => ({
      severity: d.severity === 1 ? 'error' : 'warning', // LSP: 1 error, 2 warning, 3 info, 4 hint
      message: d.message,
      line: d.range.start.line + 1,
      column: d.range.start.character + 1,
    })),
  };
});
process.stdout.write(JSON.stringify(results) + '\n');
