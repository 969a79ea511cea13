import assert from 'node:assert/strict';
import test from 'node:test';
import { isCalendarDate } from '../../src/text/calendar.js';

test('calendar dates: real days pass, impossible ones and other shapes do not', () => {
  for (const good of ['2025-05-09', '2024-02-29', '2000-02-29', '1949-10-01', '0001-01-01'])
    assert.ok(isCalendarDate(good), good);
  for (const bad of [
    '2025-02-29', // not a leap year
    '1900-02-29', // century, not a leap year
    '2025-02-30',
    '2025-04-31',
    '2025-13-01',
    '2025-00-10',
    '2025-01-00',
    '2025-1-1',
    '20250509',
    '2025-05-09T00:00',
    '',
  ])
    assert.ok(!isCalendarDate(bad), bad);
});
