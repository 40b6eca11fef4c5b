// Checks on the identifiers a child's record carries. Pure functions.

const UPN_LETTERS = 'ABCDEFGHJKLMNPQRTUVWXYZ';

/** CIN census rule 1510: sum of digit(p) x p for positions 2..13, mod 23, indexed into A-Z without I, O, S. */
export function upnCheckLetter(upn: string): string | undefined {
  if (!/^.\d{12}$/.test(upn)) return undefined;
  let sum = 0;
  for (let p = 2; p <= 13; p++) sum += Number(upn[p - 1]) * p;
  return UPN_LETTERS[sum % 23];
}

/** Why a UPN is not acceptable, or undefined if it is (CIN census rules 1510, 1540, 1550). */
export function upnProblem(upn: string): string | undefined {
  if (!/^[A-Z]\d{11}[0-9A-HJ-NP-RT-Z]$/.test(upn)) {
    return 'UPN must be 13 characters: a letter, 11 digits, then a digit or a letter other than I, O or S';
  }
  const expected = upnCheckLetter(upn);
  if (expected && upn[0] !== expected) return `UPN check letter is wrong: for these digits it should start with ${expected}`;
  return undefined;
}

/** NHS number: 10 digits whose last is the modulus 11 check digit of the first nine (weights 10..2). */
export function nhsNumberProblem(nhs: string): string | undefined {
  if (!/^\d{10}$/.test(nhs)) return 'NHS number must be 10 digits';
  let sum = 0;
  for (let i = 0; i < 9; i++) sum += Number(nhs[i]) * (10 - i);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  if (check === 10 || expected !== Number(nhs[9])) return 'NHS number is not valid: its check digit does not match';
  return undefined;
}
