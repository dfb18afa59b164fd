/** A HikCentral person as the pipeline needs it for mapping. */
export interface HikPerson {
  readonly personId: string;
  readonly personCode: string | null;
  readonly personName: string | null;
  readonly cardNos: readonly string[];
  /** Custom fields, name → value (the platform spells the key `customFiledName`). */
  readonly customFields: Readonly<Record<string, string>>;
}
