import type { SeededRandom } from './random.js';
import type { SimPerson } from './types.js';

const GIVEN_NAMES = [
  'Sofía',
  'Martina',
  'Valentina',
  'Camila',
  'Lucía',
  'Julieta',
  'Florencia',
  'Agustina',
  'Micaela',
  'Rocío',
  'Carla',
  'Paula',
  'Romina',
  'Natalia',
  'Silvia',
  'Graciela',
  'Mariana',
  'Laura',
  'Noelia',
  'Brenda',
  'Santiago',
  'Mateo',
  'Joaquín',
  'Tomás',
  'Facundo',
  'Nicolás',
  'Matías',
  'Lucas',
  'Gonzalo',
  'Federico',
  'Diego',
  'Pablo',
  'Martín',
  'Sebastián',
  'Ezequiel',
  'Leandro',
  'Hernán',
  'Marcelo',
  'Ramiro',
  'Walter',
];

const FAMILY_NAMES = [
  'González',
  'Rodríguez',
  'Gómez',
  'Fernández',
  'López',
  'Díaz',
  'Martínez',
  'Pérez',
  'García',
  'Sánchez',
  'Romero',
  'Sosa',
  'Álvarez',
  'Torres',
  'Ruiz',
  'Ramírez',
  'Flores',
  'Acosta',
  'Benítez',
  'Medina',
  'Suárez',
  'Herrera',
  'Aguirre',
  'Pereyra',
  'Gutiérrez',
  'Giménez',
  'Molina',
  'Silva',
  'Castro',
  'Rojas',
  'Ortiz',
  'Núñez',
  'Luna',
  'Juárez',
  'Cabrera',
  'Ríos',
  'Morales',
  'Godoy',
  'Moreno',
  'Ferreyra',
];

const ORG_INDEX_CODES = ['1', '2', '3', '4'];

export interface PersonOptions {
  /** Share of persons with no card (face only). */
  readonly faceOnlyRate: number;
  /** Share of persons that also carry the "Legajo" custom field. */
  readonly customFieldRate: number;
}

/** Fake, generated persons: personId and personCode ranges never overlap, so mixing them up shows. */
export function generatePersons(count: number, random: SeededRandom, options: PersonOptions): SimPerson[] {
  const persons: SimPerson[] = [];
  let employeeNumber = 20_000;
  for (let i = 0; i < count; i++) {
    employeeNumber += random.int(1, 9);
    const personCode = String(employeeNumber);
    const given = random.pick(GIVEN_NAMES);
    const family = random.pick(FAMILY_NAMES);
    const faceOnly = random.chance(options.faceOnlyRate);
    const withLegajo = random.chance(options.customFieldRate);
    persons.push({
      personId: String(101 + i),
      personCode,
      personGivenName: given,
      personFamilyName: family,
      orgIndexCode: random.pick(ORG_INDEX_CODES),
      phoneNo: `+54 9 11 5550-${personCode.slice(-4)}`,
      email: `${asciiLower(given)}.${asciiLower(family)}.${personCode}@example.com`,
      cardNos: faceOnly ? [] : [String(3_000_000_000 + employeeNumber * 17 + random.int(0, 16))],
      customFields: withLegajo ? { Legajo: personCode } : {},
    });
  }
  return persons;
}

export function personName(person: Pick<SimPerson, 'personGivenName' | 'personFamilyName'>): string {
  return `${person.personGivenName} ${person.personFamilyName}`.trim();
}

function asciiLower(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}
