/**
 * Household size from the household type: partners, children still at home (fewer as the person ages and children
 * leave), parents for adult children, extra relatives in extended households, flatmates in shared ones. The
 * children count is asked for only where it matters (laziness); `u` gives the type's own uniforms, in order.
 *
 * @example
 *   householdSize('coupleWithChildren', 38, () => 2, u) // 4
 */
export function householdSize(type: string, age: number, childrenCount: () => number, u: () => number): number {
  const kids = () => {
    const atHome = age < 45 ? 1 : age < 55 ? 0.6 : 0.35;
    return Math.max(1, Math.round(childrenCount() * atHome));
  };
  let size: number;
  switch (type) {
    case 'livesAlone': size = 1; break;
    case 'couple': size = 2; break;
    case 'coupleWithChildren': size = 2 + kids(); break;
    case 'singleParent': size = 1 + kids(); break;
    case 'adultChildWithParents': size = 1 + (u() < 0.7 ? 2 : 1) + (u() < 0.45 ? 1 : 0); break;
    case 'extendedMultigenerational': size = 3 + (childrenCount() > 0 ? kids() : 0) + Math.floor(-Math.log(1 - u()) * 2); break;
    default: size = 2 + Math.floor(u() * 3); // sharedNonFamily: 2-4 people
  }
  return Math.min(15, size);
}
