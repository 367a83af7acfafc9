import { describe, expect, it } from 'vitest';
import { absoluteText, deltaText, epochText, loadTimeText, precisionOf, relativeText, timeText } from '../../src/lib/format/time.ts';

describe('time column formats', () => {
  it('relative time is exact to the nanosecond on large epochs', () => {
    // a float64 of epoch seconds cannot carry these nanoseconds; the integer parts can
    expect(relativeText(1705312800, 123456789, 1705312800, 1000, 9)).toBe('0.123455789');
    expect(relativeText(1705312801, 1000, 1705312800, 2000, 9)).toBe('0.999999000');
    expect(relativeText(1705312900, 0, 1705312800, 500_000_000, 6)).toBe('99.500000');
  });

  it('relative time of an earlier packet is negative', () => {
    expect(relativeText(1705312799, 900_000_000, 1705312800, 0, 6)).toBe('-0.100000');
    expect(relativeText(1705312700, 0, 1705312800, 250_000_000, 9)).toBe('-100.250000000');
  });

  it('truncates to 6 digits, never rounds up', () => {
    expect(relativeText(10, 999_999_999, 0, 0, 6)).toBe('10.999999');
    expect(deltaText(0.9999999, 6)).toBe('0.999999');
  });

  it('delta text survives float noise', () => {
    expect(deltaText(0.3 - 0.1, 6)).toBe('0.200000');
    expect(deltaText(0.045135, 6)).toBe('0.045135');
    expect(deltaText(1.5, 9)).toBe('1.500000000');
    expect(deltaText(-0.25, 6)).toBe('-0.250000');
    expect(deltaText(Number.NaN, 6)).toBe('');
  });

  it('absolute time is UTC, date and time, 6 or 9 digits', () => {
    expect(absoluteText(1705312800, 1_000_000, 6)).toBe('2024-01-15 10:00:00.001000');
    expect(absoluteText(1368908504, 837063000, 9)).toBe('2013-05-18 20:21:44.837063000');
    expect(absoluteText(0, 0, 6)).toBe('1970-01-01 00:00:00.000000');
    expect(absoluteText(Number.NaN, 0, 6)).toBe('');
  });

  it('epoch time', () => {
    expect(epochText(1705312800, 1_000_000, 6)).toBe('1705312800.001000');
    expect(epochText(1705312800, 1, 9)).toBe('1705312800.000000001');
    // -1 s + 0.25 s
    expect(epochText(-1, 250_000_000, 6)).toBe('-0.750000');
  });

  it('the first displayed packet has a delta of zero', () => {
    const ctx = { format: 'delta' as const, digits: 6 as const, firstSec: 0, firstNsec: 0 };
    expect(timeText(ctx, 5, 0, 3.25, 0)).toBe('0.000000');
    expect(timeText(ctx, 5, 0, 3.25, 1)).toBe('3.250000');
  });

  it('precision follows the files', () => {
    expect(precisionOf(['pcap LE µs'])).toBe(6);
    expect(precisionOf(['pcap LE µs', 'pcap BE ns'])).toBe(9);
    expect(precisionOf(['pcapng LE'])).toBe(6);
    expect(precisionOf([])).toBe(6);
  });

  it('load time reads like Wireshark', () => {
    expect(loadTimeText(33.4)).toBe('0:00.033');
    expect(loadTimeText(41869)).toBe('0:41.869');
    expect(loadTimeText(61_005)).toBe('1:01.005');
  });
});
