#!/usr/bin/env node
// Electronegativity (Doyensec's scanner for Electron misconfigurations) over Cutline's
// sources as they ship: src/ with the built renderer page (whose CSP meta tag is added at
// build time). Fails on any finding not reviewed below, printing each one. Part of `npm test`.
import { cpSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
const scannerDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));

// The scanner parses TypeScript with typescript-estree 4, which needs TypeScript's compiler
// API; the project's TypeScript 7 has none. Point that one import at the TypeScript 4 the
// scanner ships with.
const ownTypescript = createRequire(join(scannerDir, 'package.json')).resolve('typescript');
const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function resolveForScanner(request, parent, ...rest) {
  if (request === 'typescript' && parent?.filename?.includes('typescript-estree')) {
    return ownTypescript;
  }
  return resolveFilename.call(this, request, parent, ...rest);
};

/** Findings read and judged by a person; each stays allowed only where it was reviewed. */
const REVIEWED = [
  {
    id: 'PRELOAD_JS_CHECK',
    file: 'main/shell/index.ts',
    why: 'The preload exposes only the typed contract and pathForFile (tests/security/built-bundles.test.ts checks the built preload).',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/shell/harden-web-contents.ts',
    why: 'Every URL passes isOpenableExternally (http(s), allow-listed hosts; tests/unit/security).',
  },
  {
    id: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main/shell/app-menu.ts',
    why: 'Opens constant https URLs of the Help menu, never a URL from the page.',
  },
];

/**
 * CSP findings of Google's evaluator (the one the scanner uses) read and accepted. Any other
 * finding, say 'unsafe-eval' or a remote host, still fails the scan.
 */
const REVIEWED_CSP = [
  {
    directive: 'script-src',
    value: "'self'",
    why: "'self' serves only the app's built bundle: no JSONP, no uploads, and the page cannot write files.",
  },
  {
    directive: 'style-src-attr',
    why: 'A CSP Level 3 directive Chromium enforces; the old evaluator does not know it.',
  },
];

/** True when a CSP finding's policy has nothing wrong but the reviewed points above. */
function cspReviewed(policy) {
  const csp = createRequire(join(scannerDir, 'package.json'))('@doyensec/csp-evaluator');
  const parsed = new csp.CspParser(policy).csp;
  const findings = new csp.CspEvaluator(parsed, csp.Version.CSP3).evaluate();
  return findings.every((finding) =>
    REVIEWED_CSP.some(
      (r) => r.directive === finding.directive && (!r.value || r.value === finding.value),
    ),
  );
}

const builtPage = join(root, 'out', 'renderer', 'index.html');
if (!existsSync(builtPage)) {
  console.error('security scan: the renderer is not built; run "npm run build" first.');
  process.exit(1);
}
const staged = mkdtempSync(join(tmpdir(), 'cutline-scan-'));
try {
  cpSync(join(root, 'src'), join(staged, 'src'), { recursive: true });
  cpSync(builtPage, join(staged, 'src', 'renderer', 'index.html'));
  const run = require('@doyensec/electronegativity');
  const electronVersion = require('electron/package.json').version;
  const { issues, errors } = await run(
    {
      input: join(staged, 'src'),
      electronVersionOverride: electronVersion,
      isRelative: true,
      customScan: [],
      // Looks up Electron's release list online; the version is pinned by package-lock.json.
      excludeFromScan: ['availablesecurityfixesglobalcheck'],
      parserPlugins: [],
    },
    false,
  );
  const unreviewed = issues.filter(
    (issue) =>
      !REVIEWED.some((r) => r.id === issue.id && issue.file.endsWith(r.file)) &&
      !(issue.id === 'CSP_GLOBAL_CHECK' && issue.sample && cspReviewed(issue.sample)),
  );
  for (const issue of unreviewed) {
    console.error(
      `${issue.id} ${issue.severity.name}/${issue.confidence.name} src/${issue.file}:${issue.location.line}: ${issue.description}\n    ${issue.sample ?? ''}`,
    );
  }
  for (const error of errors ?? []) console.error(`could not scan ${error.file}: ${error.message}`);
  const summary = `${issues.length} findings, ${issues.length - unreviewed.length} reviewed, ${unreviewed.length} to fix; ${errors?.length ?? 0} files unreadable`;
  if (unreviewed.length > 0 || errors?.length) {
    console.error(`Electronegativity: ${summary}.`);
    process.exitCode = 1;
  } else {
    console.log(`Electronegativity: ${summary}.`);
  }
} finally {
  rmSync(staged, { recursive: true, force: true });
}
