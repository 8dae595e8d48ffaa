//! Rules `gap.category` and `gap.theme`: the codebook's keywords for each gap category, in the
//! order that decides between them, and the categories kept for supervision reports.

use crate::taxonomy::GapCategory;

/// Rule `gap.category`: codebook keywords and the category they give, in priority order. In a
/// tilsyn's or Riksrevisjonen's finding, and in a labelled one ("Avvik 2:"), the first category
/// with a keyword in the sentence wins (specific before general); in an audit's statement the
/// keyword nearest the finding word wins, and this order breaks ties, except that where the
/// section's heading names one of the sentence's categories this order decides (the heading's
/// topic runs through every statement of its section). Where docs/FORMAT.md draws
/// a boundary between two categories the order follows it: mapping before somatic health (a gap
/// about somatic health alone is `somatic_health`), documentation before routines (a gap about
/// journal-keeping is `documentation`). Keywords are
/// matched as substrings of the lowercased sentence, so compounds count ("omsorgsbolig"); a
/// keyword with a leading space must open a word (" vold" matches "voldsrisiko", not
/// "forvoldt"), with a trailing space too it is a whole word (" gjeld " is not "gjelder"), and
/// keywords of three letters or fewer ("ip", "dps") are whole words.
pub const CATEGORY_WORDS: &[(GapCategory, &[&str])] = &[
    (
        GapCategory::IndividualPlan,
        &[
            "individuell plan",
            "individuelle plan",
            "individuelle planer",
            "ip",
        ],
    ),
    (
        GapCategory::CoordinatingUnit,
        &[
            "koordinerende enhet",
            "koordinerande eining",
            "koordinerende enheter",
            "ke",
        ],
    ),
    (
        GapCategory::CrisisPlan,
        &[
            "kriseplan",
            "kriseplanar",
            "plan for kriser",
            "varselsymptom",
        ],
    ),
    (
        GapCategory::Consent,
        &["samtykk", "samtykt", "taushetsplikt", "teieplikt"],
    ),
    (GapCategory::Coordinator, &["koordinator"]),
    (
        GapCategory::IndividualCoordination,
        &[
            "koordinering av tjenest",
            "koordinering av tenest",
            "koordinerte tjenester",
            "koordinerte tenester",
            "samordning av tjenest",
            "samordning av tenest",
            "helhetlige og koordinerte",
            "heilskaplege og koordinerte",
            "samordna",
            "følger opp hver for seg",
        ],
    ),
    (
        GapCategory::ResponsibilityUnclear,
        &[
            "ansvarsfordeling",
            "ansvarsdeling",
            "uklart ansvar",
            "roller og ansvar",
            "ansvar og roller",
            "oppgave- og ansvar",
            "hvem som har ansvar",
            "kven som har ansvar",
            "fordelt ansvar",
            "uklart hvem",
            "uklare roller",
            "uklar rolle",
            "ansvars- og oppgave",
            "roller- og ansvar",
            "avklare roller",
            "avklare ansvar",
            "avklart ansvar",
            "ansvarsavklaring",
            "forventningsavklaring",
            "oppgavefordeling",
            "oppgåvefordeling",
            "ikke tydelig fordelt",
            "ikkje tydeleg fordelt",
        ],
    ),
    (
        GapCategory::UserInvolvement,
        &[
            "brukermedvirkning",
            "medvirkning",
            "brukarmedverknad",
            "medverknad",
            "brukerundersøk",
            "brukerråd",
            "brukarundersøk",
            "innspill fra brukere",
            "erfaringer fra brukere",
            "brukerog pårørende",
            "brukarog pårørande",
            "brukere og pårørende",
            "bruker og pårørende",
            "brukarar og pårørande",
            "brukar og pårørande",
            "medvirke",
            "medverke",
        ],
    ),
    (GapCategory::NextOfKin, &["pårørende", "pårørande"]),
    (
        GapCategory::Housing,
        &[
            "bolig",
            "bustad",
            "botilbud",
            "butilbod",
            "utkastelse",
            "husvære",
            "bomiljø",
            "bumiljø",
            "booppfølging",
            "bo- og oppfølging",
            "buoppfølging",
        ],
    ),
    (
        GapCategory::InformationSharing,
        &[
            "informasjonsdeling",
            "informasjonsutveksling",
            "dele informasjon",
            "deling av informasjon",
            "utveksling av informasjon",
            "taushetsplikt",
            "teieplikt",
            "epikrise",
            "informasjonsflyt",
            "overføring av informasjon",
            "deling av opplysning",
            "utveksling av opplysning",
        ],
    ),
    (
        GapCategory::PublicInformation,
        &[
            "hjemmeside",
            "heimeside",
            "nettside",
            "informasjon til innbygg",
            "informasjon ut til",
            "informasjonsmateriell",
            "informasjon om tjeneste",
            "informasjon om tilbud",
            "informasjon om tenest",
            "tilgjengelig informasjon",
            "tilgjengeleg informasjon",
        ],
    ),
    (
        GapCategory::InternalControl,
        &[
            "internkontroll",
            "avvikssystem",
            "avviksmelding",
            "avvikshandtering",
            "avvikshåndtering",
            "risikovurdering",
            "ros-analyse",
            "styringssystem",
            "kvalitetssystem",
            "kvalitetsforbedring",
            " revidert",
            " revidere",
        ],
    ),
    (
        GapCategory::ServiceEvaluation,
        &[
            "evaluering av tjenest",
            "evaluering av tenest",
            "evaluere tjenest",
            "evaluert sine tjenester",
            "oppfølging og evaluering",
            "evaluering av tiltak",
            "evaluere tiltak",
            " evaluert",
            " evaluere",
            " evaluering",
            "justert etter behov",
            "justere tiltak",
        ],
    ),
    (
        GapCategory::MappingAssessment,
        &[
            "kartlegg",
            "kartlagt",
            "kartlagd",
            "utredning",
            "utgreiing",
            "utreding",
        ],
    ),
    (
        GapCategory::SomaticHealth,
        &["somatisk", "fysisk helse", "tannhelse", "somatikk"],
    ),
    (
        GapCategory::FinancialHelp,
        &[
            "økonomisk rådgiv",
            "økonomisk råd",
            " gjeld ",
            "gjeldsrådgiv",
            "økonomisk stønad",
            "økonomisk sosialhjelp",
            "personlig økonomi",
            " økonomi ",
            "råd og veiledning",
            "råd og rettleiing",
        ],
    ),
    (
        GapCategory::DailyLiving,
        &[
            "praktisk bistand",
            "dagliglivet",
            "praktiske gjøremål",
            "praktiske gjeremål",
            "daglegliv",
            "hjemmehjelp",
            "heimehjelp",
        ],
    ),
    (
        GapCategory::ActivityWork,
        &[
            "aktivitetstilbud",
            "arbeid og aktivitet",
            "sysselsetting",
            "dagtilbud",
            "dagtilbod",
            "dagaktivitet",
            "aktivitetstilbod",
            "arbeidstilbod",
            "meiningsfull aktivitet",
            "meningsfull aktivitet",
            "arbeidstiltak",
            "arbeidstilbud",
            "arbeidsrett",
            "aktivitetstiltak",
        ],
    ),
    (
        GapCategory::Outreach,
        &[
            "oppsøkende",
            "oppsøkande",
            "ambulant",
            "ettervern",
            "act",
            " fact",
        ],
    ),
    (
        GapCategory::LowThreshold,
        &["lavterskel", "lågterskel", "uten vedtak", "utan vedtak"],
    ),
    (
        GapCategory::SpecialistInterface,
        &[
            "spesialisthelsetjenest",
            "spesialisthelsetenest",
            "dps",
            "sykehus",
            "sjukehus",
            "utskriv",
            "helseforetak",
            "innleggelse",
            "innlegging",
            "inntakskrav",
            "henvisning",
            "tilvising",
        ],
    ),
    (
        GapCategory::Safety,
        &[
            " sikkerhet",
            " tryggleik",
            " vold",
            "selvmord",
            "sjølvmord",
            " trussel",
            " trusler",
            "alenearbeid",
            "risikovurdering",
        ],
    ),
    (
        GapCategory::Competence,
        &["kompetanse", "opplæring", "fagkunnskap", "kunnskap"],
    ),
    (
        GapCategory::Capacity,
        &[
            "kapasitet",
            "ventetid",
            "venteliste",
            "bemanning",
            "årsverk",
            "dimensjoner",
            "ressurs",
            "underbemann",
            "arbeidspress",
            "utskiftning",
            "utskifting",
            "gjennomtrekk",
            "få ansatte",
            "få tilsette",
            "press på tjenest",
            "press på tenest",
            "rekrutter",
            "nok ansatte",
            "tilstrekkelig ansatte",
            "nok tilsette",
            "tilstrekkeleg tilsette",
            "vakante stillinger",
            "ubesatte stillinger",
        ],
    ),
    (
        GapCategory::DecisionPractice,
        &[
            "enkeltvedtak",
            " vedtak om",
            " vedtak på",
            "tidsbestemte vedtak",
            "tidsavgrensa vedtak",
            "nytt vedtak",
            "revurder",
            "saksbehandl",
            "sakshandsam",
            "tildeling",
            "søknad",
            " vedtak",
        ],
    ),
    (
        GapCategory::ReportingFollowup,
        &[
            "rapporter",
            "tilbakemelding",
            "kontrollutval",
            "oppfølging av vedtak",
        ],
    ),
    (
        GapCategory::PlanningGovernance,
        &[
            " plan",
            "temaplan",
            "handlingsplan",
            "planverk",
            " mål ",
            " mål,",
            " målene",
            "målsetting",
            " styring",
            "politisk vedtak",
            "politiske vedtak",
            " leiing",
            " ledelse",
            "overordnet",
        ],
    ),
    (
        GapCategory::CultureSilo,
        &[
            "silo",
            "kultur",
            "sektorinndeling",
            "hver for seg",
            "kvar for seg",
            "hver sin tue",
            "kvar si tue",
        ],
    ),
    (
        GapCategory::TreatmentAdequacy,
        &[
            "forsvarlig",
            "forsvarleg",
            "tilstrekkelig tilbud",
            "tilstrekkeleg tilbod",
            "tilstrekkelig tjenestetilbud",
            "færre samtaler",
        ],
    ),
    (
        GapCategory::NoFormalAgreement,
        &["samarbeidsavtale", "avtale"],
    ),
    (
        GapCategory::Documentation,
        &[
            "dokumentasjon",
            "journalføring",
            "journal",
            "dokumentert",
            "dokumentere",
        ],
    ),
    (
        GapCategory::NoRoutines,
        &[
            "rutine",
            "rutinar",
            "rutina",
            "prosedyre",
            "retningslinje",
            "retningsline",
        ],
    ),
    (
        GapCategory::SystemCollaboration,
        &["samhandling", "samarbeid", "samordning", "koordiner"],
    ),
];

/// Rule `gap.category`: categories the format keeps for tilsyn and national reports
/// (docs/FORMAT.md, `category`); in other genres their keywords are passed over and the next
/// category with a keyword in the sentence is taken.
pub const SUPERVISION_CATEGORIES: &[GapCategory] = &[
    GapCategory::Documentation,
    GapCategory::CrisisPlan,
    GapCategory::Consent,
    GapCategory::IndividualCoordination,
    GapCategory::TreatmentAdequacy,
    GapCategory::SomaticHealth,
    GapCategory::DailyLiving,
    GapCategory::FinancialHelp,
    GapCategory::ServiceEvaluation,
];

/// Rules `gap.theme` and `gap.category`: categories too general to decide between a sentence's
/// keywords, when a heading names them or when nearest the finding word: collaboration is the
/// topic of nearly every section and sentence of these reports ("Samhandling mellom ...",
/// "utfordringer i samarbeidet"), so a sentence's more specific keyword wins.
pub const GENERIC_CATEGORIES: &[GapCategory] = &[GapCategory::SystemCollaboration];

/// Rule `gap.category`: names of a unit or of a person's role that are made of a category's
/// keyword ("tildelingskontoret", "søknads- og samhandlingsenheten", "fagkoordinator"). A
/// keyword inside one of them names who, not what is lacking, so it gives no category: the
/// routines of the allocation office are not a gap in allocation practice.
pub const NAME_WORDS: &[&str] = &[
    "tildelingskontor",
    "tildelingsenhet",
    "tildelingseining",
    "tildelingsteam",
    "tildelingsavdeling",
    "søknadskontor",
    "søknads- og samhandlingsenhet",
    "enhet for søknad",
    "fagkoordinator",
    "forløpskoordinator",
];
