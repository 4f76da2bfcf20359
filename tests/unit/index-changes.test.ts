import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changesBetween } from '../../electron/services/index-changes';

/** An array's items as objects that a change keeps (same object) or replaces (a new one). */
const items = (count: number) => Array.from({ length: count }, (_, n) => ({ n }));

/** The same objects (not equal copies), in any order. */
function expectSameObjects(found: readonly object[], expected: readonly object[]): void {
  expect(found).toHaveLength(expected.length);
  expect(expected.every((item) => found.includes(item))).toBe(true);
}

describe('changesBetween', () => {
  it('finds exactly the items removed and added by identity, however the array changed', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        // Each step: keep, replace by a new object, drop, or insert a new one before.
        fc.array(fc.constantFrom('keep', 'replace', 'drop', 'insert'), { maxLength: 30 }),
        fc.boolean(),
        (count, steps, shuffle) => {
          const previous = items(count);
          let next = previous.flatMap((item, at) => {
            const step = steps[at] ?? 'keep';
            if (step === 'replace') return [{ ...item }];
            if (step === 'drop') return [];
            if (step === 'insert') return [{ n: -1 }, item];
            return [item];
          });
          next.push(...items(steps.length > count ? steps.length - count : 0));
          if (shuffle) next = [...next].reverse();
          const { removed, added } = changesBetween(previous, next);
          expectSameObjects(removed, previous.filter((item) => !next.includes(item)));
          expectSameObjects(added, next.filter((item) => !previous.includes(item)));
        },
      ),
    );
  });

  it('finds one replaced item among 500 and an item added at the end', () => {
    const previous = items(500);
    const checkedIn = { ...previous[250]! };
    const next = previous.map((item, at) => (at === 250 ? checkedIn : item));
    const checkIn = changesBetween(previous, next);
    expectSameObjects(checkIn.removed, [previous[250]!]);
    expectSameObjects(checkIn.added, [checkedIn]);
    const walkIn = { n: 500 };
    const arrival = changesBetween(next, [...next, walkIn]);
    expectSameObjects(arrival.removed, []);
    expectSameObjects(arrival.added, [walkIn]);
  });
});
