// The independent side of the schema agreement test: ajv (draft-07) and the yaml package (YAML 1.2, as editors read
// runbooks) check each file named on the command line against alu's schema for its kind, and print one JSON line per
// file: {"file": ..., "valid": true|false, "errors": ["<path> <message>", ...]}. alu is not involved.
"use strict";
const fs = require("fs");
const path = require("path");
const Ajv = require("ajv");
const YAML = require("yaml");

const schemas = path.resolve(__dirname, "..", "..", "schemas");
const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
const validators = {
  runbook: ajv.compile(JSON.parse(fs.readFileSync(path.join(schemas, "runbook.v1.json"), "utf8"))),
  cluster: ajv.compile(JSON.parse(fs.readFileSync(path.join(schemas, "cluster.v1.json"), "utf8"))),
};

for (const file of process.argv.slice(2)) {
  let document;
  try {
    document = YAML.parse(fs.readFileSync(file, "utf8"));
  } catch (error) {
    console.log(JSON.stringify({ file, valid: false, errors: ["YAML: " + error.message] }));
    continue;
  }

  const validate = document && document.kind === "Cluster" ? validators.cluster : validators.runbook;
  const valid = validate(document);
  const errors = valid ? [] : validate.errors.map((e) => `${e.instancePath || "/"} ${e.message}`);
  console.log(JSON.stringify({ file, valid, errors }));
}
