import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPostgresUrl, redacted, shownTarget } from '../../src/archive/backend.js';

test('a --db value is a PostgreSQL URL or a file, and a password is never shown', () => {
  assert.ok(isPostgresUrl('postgres://u@h:5432/d'));
  assert.ok(isPostgresUrl('PostgreSQL://u@h/d'));
  assert.ok(!isPostgresUrl('archive.db'));
  assert.ok(!isPostgresUrl('./postgres://x'));
  assert.equal(redacted('postgres://u:secret@h:5432/d'), 'postgres://u:***@h:5432/d');
  assert.equal(shownTarget('postgres://u:secret@h/d'), 'postgres://u:***@h/d');
  assert.equal(shownTarget('archive.db'), 'archive.db');
  assert.doesNotMatch(redacted('postgres://u:pa ss@@h/d'), /pa ss/u);
});
