import assert from 'node:assert/strict';
import { test } from 'node:test';
import { CedictAssetError } from '../../src/core/lexicon/cedictAsset';
import { installFailure, InstallFailures } from '../../src/vscode/services/installFailures';

const ROOT = '/ext';

/** The error Node's require gives for a vendor file that is not there. */
function missingModuleError(): unknown {
  try {
    require('./vendor/no-such-vendor-file.js');
  } catch (e) {
    return e;
  }
  assert.fail('require of a missing file succeeded');
}

test('a missing vendor file names the file under dist/ and the repair', () => {
  const failure = installFailure(missingModuleError(), ROOT);
  assert.deepEqual(failure, {
    kind: '/ext/dist/vendor/no-such-vendor-file.js',
    message:
      '/ext/dist/vendor/no-such-vendor-file.js: missing from the installation; ' +
      'reinstall the Hanzi Gloss extension (or, in a development checkout, run npm run build)',
  });
});

test('a damaged CC-CEDICT record names dist/cedict.bin', () => {
  const failure = installFailure(new CedictAssetError('corrupted CC-CEDICT asset (record 7 is malformed)'), ROOT);
  assert.equal(
    failure?.message,
    '/ext/dist/cedict.bin: corrupted CC-CEDICT asset (record 7 is malformed); ' +
      'reinstall the Hanzi Gloss extension (or, in a development checkout, run npm run build)',
  );
});

test('other errors are not installation failures', () => {
  assert.equal(installFailure(new RangeError('bad'), ROOT), undefined);
  assert.equal(installFailure('text', ROOT), undefined);
  assert.equal(installFailure(undefined, ROOT), undefined);
});

test('each broken file is logged and shown once; other errors are left to the caller', () => {
  const logged: string[] = [];
  const shown: string[] = [];
  const log = { error: (m: string | Error) => logged.push(String(m)) };
  const failures = new InstallFailures(ROOT, log, (m) => shown.push(m));
  assert.equal(failures.report(new CedictAssetError('corrupted CC-CEDICT asset (record 1 is malformed)')), true);
  assert.equal(failures.report(new CedictAssetError('corrupted CC-CEDICT asset (record 2 is malformed)')), true);
  assert.equal(failures.report(missingModuleError()), true);
  assert.equal(failures.report(missingModuleError()), true);
  assert.equal(failures.report(new Error('something else')), false);
  assert.equal(shown.length, 2);
  assert.match(shown[0], /^\/ext\/dist\/cedict\.bin: corrupted CC-CEDICT asset \(record 1 is malformed\); reinstall/);
  assert.match(shown[1], /^\/ext\/dist\/vendor\/no-such-vendor-file\.js: missing from the installation; reinstall/);
  assert.deepEqual(logged, shown);
  assert.deepEqual(failures.shown, shown);
});
