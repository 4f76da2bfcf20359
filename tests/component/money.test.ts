import { describe, expect, it } from 'vitest';
import { centsToInput, parseMoney } from '../../renderer/forms/money';

describe('typed money', () => {
  it('reads German amounts into cents without float errors (parseEuro of shared/orders.ts)', () => {
    expect(parseMoney('24,90')).toBe(2490);
    expect(parseMoney('0,29')).toBe(29);
    expect(parseMoney('1.249,00')).toBe(124900);
    expect(parseMoney('1.249')).toBe(124900);
    expect(parseMoney('12.345.678,5')).toBe(1234567850);
    expect(parseMoney(' 24 € ')).toBe(2400);
    expect(parseMoney('24.9')).toBeNull(); // the shared rule (parseEuro) refuses a dot before one digit rather than guess
    expect(parseMoney('24.9')).toBeNull(); // the shared rule (parseEuro) refuses a dot before one digit rather than guess
    expect(parseMoney('24.90')).toBe(2490);
    expect(parseMoney('0')).toBe(0);
  });

  it('refuses what is no amount', () => {
    for (const typed of ['', 'abc', '-5', '24,999', '1.24,00', '24,90,1', ',5', '1,2.3', '24.9']) expect(parseMoney(typed), typed).toBeNull();
  });

  it('writes cents back so they read the same', () => {
    expect(centsToInput(124900)).toBe('1249,00');
    expect(centsToInput(5)).toBe('0,05');
    for (const cents of [0, 7, 2490, 124900]) expect(parseMoney(centsToInput(cents))).toBe(cents);
  });
});
