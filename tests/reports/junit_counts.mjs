// Reads a JUnit XML file with junit2json (an independent parser) and prints what it sees:
// the outcomes recounted from the testcase children, as most CI systems count them, and the
// counters the file declares.
// Usage: node junit_counts.mjs NODE_PREFIX FILE.xml
import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const [prefix, file] = process.argv.slice(2);
const require = createRequire(join(prefix, 'node_modules', 'resolver.js'));
const { parse } = await import(pathToFileURL(require.resolve('junit2json')).href);

const report = await parse(readFileSync(file, 'utf8'));
const suites = report.testsuite ?? [];
const counted = { suites: suites.length, tests: 0, failures: 0, errors: 0, skipped: 0 };
const declared = { tests: 0, failures: 0, errors: 0, skipped: 0 };
for (const suite of suites) {
  for (const testcase of suite.testcase ?? []) {
    counted.tests += 1;
    if (testcase.failure) counted.failures += 1;
    if (testcase.error) counted.errors += 1;
    if (testcase.skipped) counted.skipped += 1;
  }
  declared.tests += suite.tests ?? 0;
  declared.failures += suite.failures ?? 0;
  declared.errors += suite.errors ?? 0;
  declared.skipped += suite.skipped ?? 0;
}
console.log(JSON.stringify({ counted, declared, root: { tests: report.tests ?? null,
  failures: report.failures ?? null, errors: report.errors ?? null } }));
