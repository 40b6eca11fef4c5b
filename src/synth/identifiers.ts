// Identifiers that look real and pass their check digits but cannot belong to anyone: NHS numbers
// from the 999 range the NHS keeps for testing, UPNs under the fictional 9xx council code, and
// postcodes in the HZ area, which Royal Mail does not use.

/** The NHS number check digit (modulus 11, weights 10 down to 2); undefined when it would be 10. */
export function nhsCheckDigit(nine: string): number | undefined {
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nine[i]) * (10 - i);
  const check = 11 - (sum % 11);
  if (check === 11) return 0;
  if (check === 10) return undefined;
  return check;
}

export function isValidNhsNumber(value: string): boolean {
  if (!/^\d{10}$/.test(value)) return false;
  return nhsCheckDigit(value.slice(0, 9)) === Number(value[9]);
}

/**
 * Hands out distinct valid NHS numbers 999xxxxxxc in a scrambled but repeatable order
 * (i -> i * 7_919 + offset mod 10^6 is a bijection because 7,919 is coprime with 10).
 */
export class NhsNumbers {
  private i = 0;
  constructor(private readonly offset: number) {}
  next(): string {
    for (;;) {
      if (this.i >= 1_000_000) throw new Error('ran out of synthetic NHS numbers');
      const n = (this.i * 7_919 + this.offset) % 1_000_000;
      this.i++;
      const nine = `999${String(n).padStart(6, '0')}`;
      const check = nhsCheckDigit(nine);
      if (check !== undefined) return nine + check;
    }
  }
}

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** DfE UPN check letter: characters 2-13 weighted 2 to 13, sum mod 23, looked up in A-Z less I, O, S. */
export function upnCheckLetter(twelve: string): string {
  let sum = 0;
  for (let i = 0; i < 12; i++) sum += Number(twelve[i]) * (i + 2);
  return UPN_LETTERS[sum % 23]!;
}

export function isValidUpn(value: string): boolean {
  if (!/^[A-Z]\d{12}$/.test(value)) return false;
  return upnCheckLetter(value.slice(1)) === value[0];
}

/** A UPN: check letter, council code, school (DfE establishment number), year of issue, serial. */
export function makeUpn(laCode: string, establishment: number, year: number, serial: number): string {
  const twelve = `${laCode}${String(establishment).padStart(4, '0')}${String(year % 100).padStart(2, '0')}${String(serial % 1000).padStart(3, '0')}`;
  return upnCheckLetter(twelve) + twelve;
}

const INWARD_LETTERS = 'ABDEFGHJLNPQRSTUWXYZ';

/** A postcode in the fictional HZ area, e.g. HZ7 3QT. */
export function postcode(district: number, sector: number, unit: number): string {
  const a = INWARD_LETTERS[unit % INWARD_LETTERS.length]!;
  const b = INWARD_LETTERS[Math.floor(unit / INWARD_LETTERS.length) % INWARD_LETTERS.length]!;
  return `HZ${district} ${sector % 10}${a}${b}`;
}

/** Social Work England registration number: SW followed by six digits. */
export function sweNumber(n: number): string {
  return `SW${String(100_000 + (n * 7_393) % 900_000).padStart(6, '0')}`;
}
