/**
 * Anchor towns for assigning Irish places to the eight NUTS-3 regions (2016), which are groups of counties.
 *
 * GeoNames admin1 for Ireland is only the four provinces, so a place goes to the NUTS-3 region of its nearest
 * anchor. Anchors are the county towns and the other main towns of each county, listed under the NUTS-3 region of
 * their county. Names are the English display names (GeoNames writes some towns in Irish, see `displayNames.ts`) and are looked
 * up among the places of IE; a missing name fails the build.
 *
 * @example
 *   IRELAND_ANCHORS.ieMidEast.includes('Drogheda') // true (Louth is in the Mid-East)
 */
export const IRELAND_ANCHORS: Readonly<Record<string, readonly string[]>> = {
  // Cavan, Donegal, Leitrim, Monaghan, Sligo
  ieBorder: [
    'Cavan', 'Bailieborough', 'Belturbet', 'Cootehill', 'Letterkenny', 'Donegal', 'Buncrana', 'Ballyshannon',
    'Bundoran', 'Carrick-on-Shannon', 'Manorhamilton', 'Monaghan', 'Carrickmacross', 'Castleblayney', 'Clones',
    'Sligo', 'Tobercurry', 'Ballymote',
  ],
  // Galway, Mayo, Roscommon
  ieWest: [
    'Galway', 'Tuam', 'Ballinasloe', 'Loughrea', 'Clifden', 'Gort', 'Athenry', 'Castlebar', 'Ballina', 'Westport',
    'Claremorris', 'Ballinrobe', 'Roscommon', 'Boyle', 'Castlerea', 'Ballaghaderreen',
  ],
  // Clare, Limerick, Tipperary
  ieMidWest: [
    'Ennis', 'Shannon', 'Kilrush', 'Limerick', 'Newcastle West', 'Abbeyfeale', 'Kilmallock', 'Clonmel', 'Nenagh',
    'Thurles', 'Tipperary', 'Cashel', 'Carrick-on-Suir', 'Roscrea', 'Cahir',
  ],
  // Carlow, Kilkenny, Waterford, Wexford
  ieSouthEast: [
    'Carlow', 'Tullow', 'Kilkenny', 'Castlecomer', 'Thomastown', 'Callan', 'Waterford', 'Dungarvan', 'Tramore',
    'Wexford', 'Enniscorthy', 'New Ross', 'Gorey',
  ],
  // Cork, Kerry
  ieSouthWest: [
    'Cork', 'Mallow', 'Bandon', 'Youghal', 'Fermoy', 'Skibbereen', 'Bantry', 'Clonakilty', 'Macroom', 'Mitchelstown',
    'Cobh', 'Tralee', 'Killarney', 'Listowel', 'Kenmare',
  ],
  ieDublin: ['Dublin', 'Swords', 'Tallaght', 'Dún Laoghaire', 'Balbriggan', 'Skerries', 'Lucan'],
  // Kildare, Meath, Wicklow, Louth
  ieMidEast: [
    'Naas', 'Newbridge', 'Athy', 'Maynooth', 'Kildare', 'Celbridge', 'Leixlip', 'Navan', 'Trim', 'Kells', 'Ashbourne',
    'Dunboyne', 'Wicklow', 'Bray', 'Arklow', 'Greystones', 'Blessington', 'Dundalk', 'Drogheda', 'Ardee',
  ],
  // Laois, Longford, Offaly, Westmeath
  ieMidland: [
    'Portlaoise', 'Portarlington', 'Mountmellick', 'Longford', 'Granard', 'Tullamore', 'Birr', 'Edenderry',
    'Mullingar', 'Athlone', 'Moate',
  ],
};
