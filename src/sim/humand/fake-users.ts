import type { SimUserInput, SimUserStatus } from './types.js';

const FIRST_NAMES = [
  'Ana',
  'Bruno',
  'Carla',
  'Diego',
  'Elena',
  'Facundo',
  'Gabriela',
  'Hernán',
  'Inés',
  'Joaquín',
  'Lucía',
  'Martín',
  'Natalia',
  'Omar',
  'Paula',
  'Ramiro',
  'Sofía',
  'Tomás',
  'Valeria',
  'Zoe',
];
const LAST_NAMES = [
  'Acosta',
  'Benítez',
  'Castro',
  'Domínguez',
  'Espósito',
  'Fernández',
  'Giménez',
  'Herrera',
  'Ibarra',
  'Juárez',
  'López',
  'Molina',
  'Núñez',
  'Ortiz',
  'Pereyra',
  'Quiroga',
  'Romero',
  'Sosa',
  'Torres',
  'Vega',
];

/**
 * Made-up employees for demos and tests (no real person): employeeInternalId is an
 * 8-digit number in the style of a national ID, with a payroll-number custom field.
 */
export function generateSimUsers(
  count: number,
  options: { readonly firstId?: number; readonly status?: (index: number) => SimUserStatus } = {},
): SimUserInput[] {
  const firstId = options.firstId ?? 30_000_001;
  return Array.from({ length: count }, (_unused, index) => {
    const firstName = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Ana';
    const lastName = LAST_NAMES[Math.floor(index / FIRST_NAMES.length) % LAST_NAMES.length] ?? 'Acosta';
    return {
      employeeInternalId: String(firstId + index),
      firstName,
      lastName,
      email: `employee${index + 1}@example.test`,
      status: options.status?.(index) ?? 'ACTIVE',
      fields: { Legajo: String(1000 + index + 1) },
    };
  });
}
