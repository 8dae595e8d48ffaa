//! Rules of the services: draft-side names, name patterns, unit endings, and the words that make
//! a phrase no unit (rules `service.*`). The rules that take a name from running text are in
//! `phrases.rs`, those of the relations in `relations.rs`.

use crate::taxonomy::ServiceKind;

/// Rule `service.lexicon` (draft side): local names the crate's alias lexicon
/// ([`ServiceKind::from_local_name`]) does not know yet: nynorsk forms, Oslo's bydel and
/// byråd names, supervisors and directorates, and generic unit names. Matched like the lexicon,
/// as whole words, inflected forms by stem.
pub const EXTRA_SERVICES: &[(&str, ServiceKind)] = &[
    ("heimetenesta", ServiceKind::Hjemmetjeneste),
    ("heimetenester", ServiceKind::Hjemmetjeneste),
    ("heimesjukepleia", ServiceKind::Hjemmetjeneste),
    ("heimesjukepleie", ServiceKind::Hjemmetjeneste),
    ("hjemmesykepleien", ServiceKind::Hjemmetjeneste),
    ("hjemmebaserte tjenester", ServiceKind::Hjemmetjeneste),
    ("sjukehuset", ServiceKind::Sykehus),
    ("spesialisthelsetenesta", ServiceKind::Sykehus),
    ("spesialisthelsetjenestene", ServiceKind::Sykehus),
    ("psykisk helsevern", ServiceKind::Sykehus),
    ("helse- og omsorgstenesta", ServiceKind::PsykiskHelseRus),
    ("psykisk helseteneste", ServiceKind::PsykiskHelseRus),
    ("psykisk helsetenesta", ServiceKind::PsykiskHelseRus),
    ("psykisk helsetjenesten", ServiceKind::PsykiskHelseRus),
    ("rustenesta", ServiceKind::PsykiskHelseRus),
    ("rusomsorga", ServiceKind::PsykiskHelseRus),
    ("rusomsorgen", ServiceKind::PsykiskHelseRus),
    ("rusteamet", ServiceKind::PsykiskHelseRus),
    ("ruskonsulent", ServiceKind::PsykiskHelseRus),
    ("psykiatritjenesten", ServiceKind::PsykiskHelseRus),
    ("fastlegane", ServiceKind::Fastlege),
    ("legevakta", ServiceKind::Legevakt),
    ("barnevernstenesta", ServiceKind::Barnevern),
    ("barneverntenesta", ServiceKind::Barnevern),
    ("barnevernet", ServiceKind::Barnevern),
    ("koordinerande eining", ServiceKind::KoordinerendeEnhet),
    ("tildelingskontor", ServiceKind::Tildelingskontor),
    ("tenestekontoret", ServiceKind::Tildelingskontor),
    ("forvaltningskontoret", ServiceKind::Tildelingskontor),
    ("bestillerkontoret", ServiceKind::Tildelingskontor),
    ("forvaltningsenheten", ServiceKind::Tildelingskontor),
    ("sosialtjenesten", ServiceKind::Nav),
    ("nav-kontor", ServiceKind::Nav),
    ("statsforvalteren", ServiceKind::Other),
    ("fylkesmannen", ServiceKind::Other),
    ("helsetilsynet", ServiceKind::Other),
    ("helsedirektoratet", ServiceKind::Other),
    ("husbanken", ServiceKind::Bolig),
    ("bystyret", ServiceKind::Kontrollutvalg),
    ("byrådet", ServiceKind::Ledelse),
    ("byrådsavdelingen", ServiceKind::Ledelse),
    ("bydelsdirektøren", ServiceKind::Ledelse),
    ("kommunalsjefen", ServiceKind::Ledelse),
    ("formannskapet", ServiceKind::Kontrollutvalg),
    ("friomsorgen", ServiceKind::Kriminalomsorg),
    ("sykehjem", ServiceKind::Institusjon),
    ("sykehjemmet", ServiceKind::Institusjon),
    ("sjukeheim", ServiceKind::Institusjon),
    ("sjukeheimen", ServiceKind::Institusjon),
    ("aktivitetssenter", ServiceKind::Dagtilbud),
    ("dagsenteret", ServiceKind::Dagtilbud),
    ("arbeidstiltak", ServiceKind::Arbeid),
    ("ansvarsgruppa", ServiceKind::Team),
    ("ansvarsgruppene", ServiceKind::Team),
    ("krisesenter", ServiceKind::Other),
    ("ppt", ServiceKind::Oppvekst),
    ("utekontakten", ServiceKind::Lavterskel),
    ("oppsøkende team", ServiceKind::Act),
    ("helsestasjonen", ServiceKind::Helsestasjon),
    ("bup", ServiceKind::Bup),
    ("kad", ServiceKind::Institusjon),
    ("ambulerende team", ServiceKind::PsykiskHelseRus),
    ("ambulant team", ServiceKind::PsykiskHelseRus),
    ("brukerorganisasjoner", ServiceKind::Brukerorganisasjon),
    ("frivillige organisasjoner", ServiceKind::Frivillig),
    ("frivilligsentral", ServiceKind::Frivillig),
    ("erfaringskonsulenter", ServiceKind::Brukerorganisasjon),
    ("kommunepsykologen", ServiceKind::PsykiskHelseRus),
    ("kommunepsykolog", ServiceKind::PsykiskHelseRus),
    ("botilbud", ServiceKind::Bolig),
    ("midlertidig botilbud", ServiceKind::Bolig),
    ("støttekontakt", ServiceKind::Other),
    ("erfaringskonsulent", ServiceKind::Brukerorganisasjon),
    ("ambulerende tjeneste", ServiceKind::PsykiskHelseRus),
    ("dagtilbud", ServiceKind::Dagtilbud),
    ("kulturskolen", ServiceKind::Oppvekst),
    ("kulturskulen", ServiceKind::Oppvekst),
    ("utekontakt", ServiceKind::Lavterskel),
    ("departementet", ServiceKind::Other),
];

/// Rule `service.state-body`: endings of a ministry's or a directorate's name
/// ("Helse- og omsorgsdepartementet", "Helsedirektoratet"). Such a body is a service of a
/// national report (Riksrevisjonen's, which audits it); in a municipal report it is named as
/// the author of guidance, so it is not drafted there.
pub const STATE_BODY_ENDINGS: &[&str] = &[
    "departementet",
    "departementa",
    "departement",
    "direktoratet",
    "direktorat",
];

/// Rule `service.lexicon`: names that are also common words or phrases ("mental helse",
/// "vitt"), drafted only when written with a capital letter. Names of four letters or fewer
/// (NAV, DPS, KE, ARA) are drafted only when capitalised too.
pub const CAPITALISED_ONLY: &[&str] = &[
    "mental helse",
    "anonyme narkomaner",
    "vitt",
    "sanderud",
    "røde kors",
    "helsefellesskap",
];

/// Rule `service.pattern`: heads that make `<head> <Name>` a named unit ("DPS Kongsvinger",
/// "NAV Asker", "Bydel Frogner", "Statsforvalteren i Vestland"), with the kind.
pub const HEAD_BEFORE_NAME: &[(&str, ServiceKind)] = &[
    ("DPS", ServiceKind::Dps),
    ("NAV", ServiceKind::Nav),
    ("Nav", ServiceKind::Nav),
    ("BUP", ServiceKind::Bup),
    ("ARA", ServiceKind::Ara),
    ("FACT", ServiceKind::Fact),
    ("ACT", ServiceKind::Act),
    ("Bydel", ServiceKind::Kommune),
    ("Sykehuset", ServiceKind::Sykehus),
    ("Sjukehuset", ServiceKind::Sykehus),
    ("Helse", ServiceKind::Sykehus),
    ("Statsforvalteren i", ServiceKind::Other),
    ("Fylkesmannen i", ServiceKind::Other),
    ("Kontrollutvalget i", ServiceKind::Kontrollutvalg),
];

/// Rule `service.pattern`: heads that make `<Name> <head>` a named unit ("Asker kommune",
/// "Moss DPS", "Flisabo omsorgsbolig", "Åsnes Frivilligsentral"), with the kind.
pub const HEAD_AFTER_NAME: &[(&str, ServiceKind)] = &[
    ("kommune", ServiceKind::Kommune),
    ("DPS", ServiceKind::Dps),
    ("HF", ServiceKind::Sykehus),
    ("sykehus", ServiceKind::Sykehus),
    ("legevakt", ServiceKind::Legevakt),
    ("omsorgsbolig", ServiceKind::Bolig),
    ("omsorgsboliger", ServiceKind::Bolig),
    ("gruppebolig", ServiceKind::Bolig),
    ("bofellesskap", ServiceKind::Bolig),
    ("boliger", ServiceKind::Bolig),
    ("sykehjem", ServiceKind::Institusjon),
    ("dagsenter", ServiceKind::Dagtilbud),
    ("Frivilligsentral", ServiceKind::Frivillig),
    ("frivilligsentral", ServiceKind::Frivillig),
    ("krisesenter", ServiceKind::Other),
    ("bolig", ServiceKind::Bolig),
    ("aldershjem", ServiceKind::Institusjon),
    ("sjukeheim", ServiceKind::Institusjon),
    ("omsorgssenter", ServiceKind::Institusjon),
    ("helsehus", ServiceKind::Institusjon),
    ("videregående skole", ServiceKind::Oppvekst),
    ("vidaregåande skule", ServiceKind::Oppvekst),
    ("skole", ServiceKind::Oppvekst),
    ("skule", ServiceKind::Oppvekst),
    ("AS", ServiceKind::Other),
    ("RHF", ServiceKind::Sykehus),
];

/// Rule `service.pattern`: endings of a capitalised word that make it an adjective, not a name
/// ("Kommunal omsorgsbolig", "Tilpassede boliger", "Midlertidig bolig"): such a word before a
/// head of [`HEAD_AFTER_NAME`] is no name.
pub const ADJECTIVE_ENDINGS: &[&str] = &[
    "nal", "ral", "kal", "nale", "rale", "kale", "ig", "ige", "isk", "iske", "ede", "ete", "ende",
    "ande", "elle",
];

/// Rule `service.head-noun`: endings of an adjective's neuter or plural form that make a word
/// before a unit's name part of it ("kommunalt samarbeidsutvalg", "aktivt oppsøkende team");
/// the other endings are those of [`ADJECTIVE_ENDINGS`].
pub const NEUTER_ADJECTIVE_ENDINGS: &[&str] = &["nalt", "ralt", "kalt", "iskt", "ivt", "ive", "iv"];

/// Rule `service.head-noun`: adjectives without a telling ending that are part of a unit's name
/// ("felles brukerråd", "interkommunalt team"), bokmål and nynorsk.
pub const NAME_ADJECTIVES: &[&str] = &[
    "felles",
    "tverrfaglig",
    "tverrfaglege",
    "tverrfaglige",
    "faglig",
    "fagleg",
    "ambulant",
    "ambulante",
    "psykososialt",
    "psykososiale",
    "oppsøkende",
    "oppsøkande",
];

/// Rule `service.pattern`: a lowercase type word with its article, then a capitalised name or a
/// quoted one ("dagsentertilbudet Oasen", "arbeidsmarkedsbedriften KanMer", "Stiftelsen Petter
/// Uteligger", "prosjektet «Samhandlingsmodeller»"). The kind comes from [`KIND_WORDS`] and
/// these words, else `other`.
pub const TYPE_BEFORE_NAME: &[(&str, ServiceKind)] = &[
    ("dagsenteret", ServiceKind::Dagtilbud),
    ("dagsentertilbudet", ServiceKind::Dagtilbud),
    ("dagtilbudet", ServiceKind::Dagtilbud),
    ("aktivitetstilbudet", ServiceKind::Dagtilbud),
    ("møteplassen", ServiceKind::Lavterskel),
    ("lavterskeltilbudet", ServiceKind::Lavterskel),
    ("arbeidsmarkedsbedriften", ServiceKind::Arbeid),
    ("arbeidsmarketbedriften", ServiceKind::Arbeid),
    ("bedriften", ServiceKind::Arbeid),
    ("tiltaket", ServiceKind::Other),
    ("tilbudet", ServiceKind::Other),
    ("tilbodet", ServiceKind::Other),
    ("prosjektet", ServiceKind::Other),
    ("stiftelsen", ServiceKind::Frivillig),
    ("Stiftelsen", ServiceKind::Frivillig),
    ("organisasjonen", ServiceKind::Frivillig),
    ("foreningen", ServiceKind::Frivillig),
    ("Landsforeningen", ServiceKind::Brukerorganisasjon),
    ("boligen", ServiceKind::Bolig),
    ("bofellesskapet", ServiceKind::Bolig),
    ("omsorgsboligen", ServiceKind::Bolig),
    ("gruppeboligen", ServiceKind::Bolig),
    ("teamet", ServiceKind::Team),
    ("gruppen", ServiceKind::Team),
    ("forumet", ServiceKind::Team),
];

/// Capitalised words that stand before a head ("Hver kommune", "Denne kommune") but are no
/// name.
pub const NOT_NAMES: &[&str] = &[
    "Den",
    "Det",
    "Denne",
    "Dette",
    "Hver",
    "Kvar",
    "En",
    "Ein",
    "Én",
    "Samme",
    "Same",
    "Vår",
    "Annen",
    "Anna",
    "Hvilken",
    "Kva",
    "Hvilke",
    "Alle",
    "Begge",
    "Som",
    "Og",
    "Eller",
    "I",
    "Om",
    "Til",
    "For",
    "Fra",
    "Frå",
    "Med",
    "Av",
    "På",
    "Ved",
    "Mot",
    "Når",
    "Der",
    "Hver",
    "Ingen",
    "Kommunen",
    "Nye",
    "Ny",
    "Vertskommune",
    "Hele",
    "Heile",
];

/// Rule `service.head-noun`: endings of a unit's name ("miljøarbeidertjenesten",
/// "booppfølgingsteamet", "lederforum", "fordelingsmøtet") with the kind each gives; a word with
/// one of them and at least four letters before it is drafted as a service. `Other` means the
/// kind is looked for in [`KIND_WORDS`], else left `other` for the reviewer.
pub const UNIT_ENDINGS: &[(&str, ServiceKind)] = &[
    ("tjenesten", ServiceKind::Other),
    ("tenesta", ServiceKind::Other),
    ("kontoret", ServiceKind::Other),
    ("senteret", ServiceKind::Other),
    ("sentralen", ServiceKind::Other),
    ("enheten", ServiceKind::Other),
    ("eininga", ServiceKind::Other),
    ("avdelingen", ServiceKind::Other),
    ("avdelinga", ServiceKind::Other),
    ("huset", ServiceKind::Other),
    ("nettverket", ServiceKind::Team),
    ("etaten", ServiceKind::Other),
    ("departementet", ServiceKind::Other),
    ("direktoratet", ServiceKind::Other),
    ("teamet", ServiceKind::Team),
    ("team", ServiceKind::Team),
    ("forum", ServiceKind::Team),
    ("forumet", ServiceKind::Team),
    ("utvalg", ServiceKind::Team),
    ("utvalget", ServiceKind::Team),
    ("gruppa", ServiceKind::Team),
    ("gruppen", ServiceKind::Team),
    ("møtet", ServiceKind::Team),
    ("møtene", ServiceKind::Team),
    ("koordinator", ServiceKind::Other),
    ("koordinatoren", ServiceKind::Other),
];

/// Rule `service.head-noun`: words inside a unit's name that give its kind.
pub const KIND_WORDS: &[(&str, ServiceKind)] = &[
    ("bolig", ServiceKind::Bolig),
    ("bustad", ServiceKind::Bolig),
    ("barnevern", ServiceKind::Barnevern),
    ("hjemme", ServiceKind::Hjemmetjeneste),
    ("heime", ServiceKind::Hjemmetjeneste),
    ("helsestasjon", ServiceKind::Helsestasjon),
    ("legevakt", ServiceKind::Legevakt),
    ("rus", ServiceKind::PsykiskHelseRus),
    ("psyk", ServiceKind::PsykiskHelseRus),
    ("tildeling", ServiceKind::Tildelingskontor),
    ("flyktning", ServiceKind::Flyktningetjeneste),
];

/// Rule `service.acronym`: words that make a phrase defined with a short form a unit (otherwise
/// it must begin with a capital): "underutvalg for rus og psykisk syke (UROP)", "regional seksjon
/// for spiseforstyrrelser (RASP)".
pub const ACRONYM_HEADS: &[&str] = &[
    "seksjon",
    "utvalg",
    "team",
    "enhet",
    "senter",
    "klinikk",
    "legevakt",
    "tjeneste",
    "avdeling",
    "kontor",
    "forum",
    "nettverk",
    "gruppe",
    "råd",
    "poliklinikk",
    "tilbud",
    "kompetansesenter",
    "prosjekt",
];

/// Rule `service.head-noun`: first parts of a "-gruppen"/"-gruppa" word that make it a group of
/// people ("brukergruppen", "pasientgruppa", "målgruppen"), not a working group or unit; such a
/// word is not drafted. Bokmål and nynorsk.
pub const POPULATION_WORDS: &[&str] = &[
    "bruker",
    "brukar",
    "pasient",
    "beboer",
    "bebuar",
    "ansatt",
    "tilsett",
    "personal",
    "risiko",
    "sykdoms",
    "sjukdoms",
    "diagnose",
    "mål",
    "alders",
    "aldurs",
    "bruker-",
    "pasient-",
    "elev",
    "innbygger",
    "innbyggjar",
    "befolknings",
    "ansatte",
    "yrkes",
    "pårørendes",
];

/// Rule `service.fold`: words of a group of people after "for" that make a unit the service for
/// that group ("Helsestasjon for ungdom", "Bolig for unge"), narrower than its head alone: the
/// bare head ("helsestasjonen") is not folded into it. Bokmål and nynorsk.
pub const TARGET_GROUPS: &[&str] = &[
    "ungdom",
    "unge",
    "barn",
    "voksne",
    "vaksne",
    "eldre",
    "familier",
    "familiar",
    "flyktninger",
    "flyktningar",
    "innvandrere",
    "innvandrarar",
    "kvinner",
    "menn",
    "studenter",
    "studentar",
];

/// Rule `service.head-noun`: words that name a whole sector or field of services, not a unit
/// that can collaborate ("helsetjenesten" in "den kommunale helsetjenesten",
/// "primærhelsetjenesten"); not drafted by the head-noun rule. A plural ("-tjenestene") is never
/// a unit either: the head-noun rule does not list that ending.
pub const SECTOR_WORDS: &[&str] = &[
    "helsetjenesten",
    "helsetenesta",
    "omsorgstjenesten",
    "omsorgstenesta",
    "kommunehelsetjenesten",
    "kommunehelsetenesta",
    "primærhelsetjenesten",
    "primærhelsetenesta",
    "spesialisttjenesten",
    "spesialisttenesta",
    "velferdstjenesten",
    "velferdstenesta",
    "bedriftshelsetjenesten",
    "hjelpetjenesten",
    "utførertjenesten",
    "utøvartenesta",
];

/// Rule `service.acronym`: last words of a phrase defined with a short form that make it a
/// document, a tool, a plan or a law rather than a service ("Individuell plan (IP)", "Beck
/// Depression Inventory (BDI)", "Deloitte Policy Manual (DPM)"); such phrases are not drafted.
pub const NOT_UNIT_HEADS: &[&str] = &[
    "plan",
    "planen",
    "manual",
    "test",
    "skala",
    "scale",
    "inventory",
    "veileder",
    "rettleiar",
    "lov",
    "loven",
    "lova",
    "forskrift",
    "forskrifta",
    "rapport",
    "standard",
    "undersøkelse",
    "undersøking",
    "prosedyre",
    "system",
    "journal",
    "metode",
    "modell",
    "skjema",
    "verktøy",
    "program",
    "programmet",
    "strategi",
    "vedtak",
    "index",
    "indeks",
    "score",
    "retningslinje",
    "retningslinjen",
    "retningslinja",
    "retningslinjer",
    "utvikling",
    "kompetanse",
];

/// Rule `service.anaphor`: a unit's bare head in the definite form, as the text refers back to
/// a unit it has named ("Avdelingen har etablert samarbeid med ..." after "Avdeling psykisk
/// helse og rus"). Such a word stands for the one unit whose name begins or ends with it; with
/// none or several it is not drafted.
pub const ANAPHORS: &[&str] = &[
    "avdelingen",
    "avdelinga",
    "enheten",
    "eininga",
    "tjenesten",
    "tenesta",
    "teamet",
    "kontoret",
    "senteret",
    "virksomheten",
    "verksemda",
    "seksjonen",
    "utvalget",
    "utvalet",
    "forumet",
    "bydelen",
    "etaten",
];

/// Rule `service.title`: the first words of a law's or a regulation's title ("Lov om sosiale
/// tjenester i arbeids- og velferdsforvaltningen (sosialtjenesteloven)", "forskrift om leiing og
/// kvalitetsforbetring § 6"), bokmål and nynorsk, each followed by "om". A title names its
/// subject, not a unit: nothing named inside it is drafted. The title runs to its short name in
/// brackets when one follows ([`LAW_SHORT_ENDINGS`]), else to a section sign, a bracket, a full
/// stop, a semicolon, a colon or a word of [`TITLE_STOPS`].
pub const TITLE_HEADS: &[&str] = &[
    "lov",
    "lova",
    "loven",
    "lovas",
    "forskrift",
    "forskrifta",
    "forskriften",
];

/// Rule `service.title`: endings of a law's or regulation's short name in brackets after its
/// title ("(sosialtjenesteloven)", "(helse- og omsorgstenestelova)", "(pasientjournalforskriften)").
pub const LAW_SHORT_ENDINGS: &[&str] = &[
    "loven",
    "lova",
    "lov",
    "lovi",
    "forskriften",
    "forskrifta",
    "forskrift",
];

/// Rule `service.title`: words that end a title without a short name in brackets: the finite
/// verbs and subordinators of the sentence it stands in ("Etter forskrift om ledelse og
/// kvalitetsforbedring skal kommunen ..."). A comma ends it too, unless an enumeration of the
/// title's subject follows ("forskrift om habilitering og rehabilitering, individuell plan og
/// koordinator").
pub const TITLE_STOPS: &[&str] = &[
    "skal",
    "er",
    "var",
    "har",
    "hadde",
    "kan",
    "må",
    "vil",
    "blir",
    "ble",
    "vart",
    "vert",
    "gir",
    "gjev",
    "stiller",
    "set",
    "setter",
    "krev",
    "krever",
    "pålegger",
    "pålegg",
    "slår",
    "som",
    "at",
    "der",
    "når",
    "jf",
    "jfr",
];

/// Rule `service.job-title`: a person's role as a participants list, a signature or a contact
/// line gives it after the person's name ("Siri Vik, kommunalsjef helse", "Ola Nordmann
/// revisjonsleder", "Kari Hansen, bydelsdirektør"), bokmål and nynorsk. A role after a name is the
/// person's title, not a unit of the report; elsewhere ("rådmannen har ansvaret") the leadership
/// it names stays a service. Matched on the first word of a naming, lowercased, or its definite
/// form. The roles here come in addition to the leaders' titles ([`LEADER_TITLES`](super::LEADER_TITLES)), which are
/// roles too.
pub const ROLE_TITLES: &[&str] = &[
    "kommunaldirektør",
    "rådmann",
    "kommunedirektør",
    "kommunalområdedirektør",
    "bydelsdirektør",
    "assisterende",
    "direktør",
    "revisor",
    "revisjonsleder",
    "revisjonsleiar",
    "forvaltningsrevisor",
    "oppdragsansvarlig",
    "rådgiver",
    "rådgjevar",
    "seniorrådgiver",
    "seniorrådgjevar",
    "spesialrådgiver",
    "konsulent",
    "saksbehandler",
    "sakshandsamar",
    "koordinator",
    "kommuneoverlege",
    "psykolog",
    "sykepleier",
    "sjukepleiar",
    "miljøterapeut",
];

/// Rule `service.listing`: words of a heading whose section lists laws, documents, sources or
/// people (a tilsyn report's "Regelverk", "Dokumentunderlag", "Deltakere ved tilsynet"; an
/// audit's "Kilder", "Referanser"). Its lines are titles and names of people: only a unit named
/// with a capital ("Nav Nordøst", "Enhet for psykisk helse og rus") is drafted from them.
pub const LISTING_SECTIONS: &[&str] = &[
    "regelverk",
    "lovgrunnlag",
    "rettsgrunnlag",
    "dokumentunderlag",
    "dokumentliste",
    "deltakere",
    "deltakarar",
    "deltagere",
    "referanser",
    "referansar",
    "kildeliste",
    "kjeldeliste",
    "kilder",
    "kjelder",
    "litteratur",
    "litteraturliste",
];

/// Rule `service.address`: the words of a form field whose value is an address ("Virksomhetens
/// adresse:", "Postadresse:", "Besøksadresse:"): what it names is a building or a street.
pub const ADDRESS_FIELDS: &[&str] = &["adresse"];
