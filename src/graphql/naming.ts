/**
 * The GraphQL enum value of a catalogue value: camelCase to SCREAMING_SNAKE_CASE.
 *
 * @example
 *   enumValueName('gayLesbian') // 'GAY_LESBIAN'
 *   enumValueName('usNewYork')  // 'US_NEW_YORK'
 *   enumValueName('isced8')     // 'ISCED8'
 */
export function enumValueName(value: string): string {
  return value.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

/**
 * A GraphQL type name from a dimension id.
 *
 * @example
 *   typeName('maritalStatus') // 'MaritalStatus'
 */
export function typeName(id: string): string {
  return id[0].toUpperCase() + id.slice(1);
}
