/**
 * Entry of the extension-host suite: run inside a real VS Code (code-server here, or desktop VS Code
 * through @vscode/test-electron). Suites are functions so they register after mocha's pre-require.
 */
import Mocha from 'mocha';
import { defineAnnotationSuite, defineSidecarSuite } from './suites/annotations';
import { defineCommandSuite } from './suites/commands';
import { defineFileWriteSuite } from './suites/fileWrites';
import { defineHoverSuite } from './suites/hover';
import { defineSenseOrderSuite } from './suites/senses';
import { defineInstallFailureSuite } from './suites/installFailures';
import { defineLargeFileSuite } from './suites/largeFile';
import { defineTermKeysSuite } from './suites/termKeys';
import { defineModelDraftSuite } from './suites/modelDrafts';
import { defineMalformedGlossarySuite } from './suites/malformedGlossaries';
import { defineUserGlossarySuite } from './suites/userGlossaries';
import { defineUserDataSafetySuite } from './suites/userDataSafety';
import { defineSearchSuite } from './suites/search';
import { defineViewsSuite } from './suites/views';
import { defineWalkthroughSuite } from './suites/walkthrough';

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'tdd',
    color: false,
    timeout: 30_000,
    reporter: 'spec',
    grep: process.env.HANZI_GLOSS_GREP,
  });
  mocha.suite.emit('pre-require', globalThis, 'extension-host', mocha);
  defineHoverSuite();
  defineSenseOrderSuite();
  defineCommandSuite();
  defineUserGlossarySuite();
  defineAnnotationSuite();
  defineSidecarSuite();
  defineMalformedGlossarySuite();
  defineFileWriteSuite();
  defineTermKeysSuite();
  defineLargeFileSuite();
  defineUserDataSafetySuite();
  defineInstallFailureSuite();
  defineSearchSuite();
  defineViewsSuite();
  defineWalkthroughSuite();
  defineModelDraftSuite();
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      const { passes = 0, failures: failed = 0, pending = 0 } = runner.stats ?? {};
      console.log(`exthost: ${passes} passed, ${failed} failed${pending ? `, ${pending} skipped` : ''}`);
      if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
      else resolve();
    });
  });
}
