import { z } from 'zod';
import type { HikPerson } from '../domain/hik-person.js';
import { optionalText } from './door-event-record.js';

const customFieldSchema = z.looseObject({
  // The platform really spells it "customFiled…"; accept the correct spelling too.
  customFiledName: optionalText,
  customFieldName: optionalText,
  customFiledValue: optionalText,
  customFieldValue: optionalText,
});

export const personRecordSchema = z.looseObject({
  personId: z
    .union([z.string(), z.number()])
    .transform((value) => String(value).trim())
    .pipe(z.string().min(1)),
  personCode: optionalText,
  personName: optionalText,
  personFamilyName: optionalText,
  personGivenName: optionalText,
  cards: z
    .array(z.looseObject({ cardNo: optionalText }))
    .nullish()
    .transform((cards) => cards ?? []),
  customFieldList: z
    .array(customFieldSchema)
    .nullish()
    .transform((fields) => fields ?? []),
});

export type PersonRecord = z.output<typeof personRecordSchema>;

export function normalisePersonRecord(record: PersonRecord): HikPerson {
  const composedName = [record.personGivenName, record.personFamilyName].filter((part): part is string => part !== null).join(' ');
  const customFields: Record<string, string> = {};
  for (const field of record.customFieldList) {
    const name = field.customFiledName ?? field.customFieldName;
    if (name === null) continue;
    customFields[name] = field.customFiledValue ?? field.customFieldValue ?? '';
  }
  return {
    personId: record.personId,
    personCode: record.personCode,
    personName: record.personName ?? (composedName === '' ? null : composedName),
    cardNos: record.cards.map((card) => card.cardNo).filter((cardNo): cardNo is string => cardNo !== null),
    customFields,
  };
}
