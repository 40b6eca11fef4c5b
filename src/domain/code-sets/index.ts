// DfE code sets for the CIN census and SSDA903 (copied from shared/reference/code-sets.json, with
// their sources inside). Every coded field Hearth stores is checked against these.
import data from './code-sets.json' with { type: 'json' };

export type CodeSetName = Exclude<keyof typeof data, 'ssda903DeprivationOfLiberty'> | 'ssda903DeprivationOfLiberty';

interface CodeSet { description: string; source: string; codes: Record<string, string> }
const sets = data as unknown as Record<CodeSetName, CodeSet>;

export function codes(set: CodeSetName): string[] {
  return Object.keys(sets[set].codes);
}

export function isCode(set: CodeSetName, code: string): boolean {
  return Object.hasOwn(sets[set].codes, code);
}

/** "N1 Abuse or neglect"-style label's text part; the code itself if unknown. */
export function codeLabel(set: CodeSetName, code: string | null | undefined): string {
  if (!code) return '';
  return sets[set].codes[code] ?? code;
}

export function codeSetNames(): CodeSetName[] {
  return Object.keys(sets) as CodeSetName[];
}
