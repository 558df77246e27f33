/**
 * The one normal form the matcher compares in (lib/menu/normalize.ts).
 */
import { describe, expect, it } from 'vitest';
import { normalize } from '../../lib/menu/normalize.js';

describe('normalize', () => {
  it.each([
    ['Menü', 'menu'],
    ['Ёлка', 'елка'],
    ['Straße', 'strasse'],
    ['1️⃣ please!', '1 please'],
    ['Wi-Fi', 'wifi'],
    ['e-mail', 'email'],
    ['Wi-Fi-Passwort', 'wifi passwort'],
    ['check-in', 'check in'],
    ['SIM-Karte', 'sim karte'],
    ['по-английски', 'по англииски'],
  ])('%s → %s', (text, normal) => {
    expect(normalize(text)).toBe(normal);
  });
});
