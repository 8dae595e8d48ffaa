//! Rules of the relations: the collaboration cues with the kind each states, the status words,
//! and the words around a municipality's name that make it no party (rules `relation.*`).

use crate::taxonomy::RelationKind;

/// Rule `relation.cue`: words of collaboration and the relation kind each states (`collaboration`,
/// form not stated, becomes `case_collaboration` in a sentence about users or patients). Matched as
/// substrings of the lowercased sentence; a sentence naming two services and one of these is a
/// relation candidate. Kinds listed first win when several occur.
pub const RELATION_WORDS: &[(&str, RelationKind)] = &[
    ("samarbeidsavtale", RelationKind::Agreement),
    ("avtale", RelationKind::Agreement),
    ("rutine", RelationKind::Routine),
    ("rutinar", RelationKind::Routine),
    ("prosedyre", RelationKind::Routine),
    ("ansvarsgruppe", RelationKind::TeamMembership),
    ("deltar", RelationKind::TeamMembership),
    ("deltek", RelationKind::TeamMembership),
    ("deltager", RelationKind::TeamMembership),
    ("deltaker", RelationKind::TeamMembership),
    ("deltakar", RelationKind::TeamMembership),
    ("representant", RelationKind::TeamMembership),
    ("representasjon", RelationKind::TeamMembership),
    ("består av", RelationKind::TeamMembership),
    ("er med i", RelationKind::TeamMembership),
    ("felles vedtak", RelationKind::JointDecision),
    ("drives av", RelationKind::JointService),
    ("driftes av", RelationKind::JointService),
    ("drift av", RelationKind::JointService),
    ("henvis", RelationKind::Referral),
    ("tilvis", RelationKind::Referral),
    ("utskriv", RelationKind::Discharge),
    ("samlokali", RelationKind::CoLocation),
    ("veiledning", RelationKind::Guidance),
    ("rettleiing", RelationKind::Guidance),
    ("informasjon", RelationKind::InformationSharing),
    ("rapporter", RelationKind::Reporting),
    ("møte", RelationKind::Meeting),
    ("samarbeid", RelationKind::Collaboration),
    ("samhandl", RelationKind::Collaboration),
    ("samordn", RelationKind::Collaboration),
    ("sammen med", RelationKind::Collaboration),
    ("saman med", RelationKind::Collaboration),
    ("kontakt med", RelationKind::Collaboration),
    ("i kontakt", RelationKind::Collaboration),
];

/// Rule `relation.status`: words that say a collaboration is lacking (negation), strained,
/// working, planned or gone. Checked in that order of strength: gone, planned, lacking,
/// strained, working; with none, the status is `described`.
pub const NEGATION_WORDS: &[&str] = &[
    "ikke",
    "ikkje",
    "ingen",
    "inga",
    "uten",
    "utan",
    "mangler",
    "manglar",
    "manglende",
    "manglande",
    "verken",
    "aldri",
];
/// See [`NEGATION_WORDS`].
pub const STRAIN_WORDS: &[&str] = &[
    "varierende",
    "varierande",
    "utfordr",
    "dårlig",
    "dårleg",
    "tilfeldig",
    "personavhengig",
    "sårbar",
    "krevende",
    "krevjande",
    "mangelfull",
    "begrenset",
    "avgrensa",
    "i liten grad",
    "ikke godt nok",
    "ikkje godt nok",
];
/// See [`NEGATION_WORDS`].
pub const WORKING_WORDS: &[&str] = &[
    "fungerer godt",
    "fungerer bra",
    "fungerer fint",
    "godt samarbeid",
    "god samhandling",
    "godt fungerende",
    "velfungerende",
    "fornøyd med",
    "positiv erfaring",
];
/// See [`NEGATION_WORDS`].
pub const PLANNED_WORDS: &[&str] = &["planlegg", "planlagt", "skal etablere", "vil etablere"];
/// See [`NEGATION_WORDS`].
pub const GONE_WORDS: &[&str] = &[
    "avviklet",
    "avvikla",
    "lagt ned",
    "opphørt",
    "ikke lenger",
    "ikkje lenger",
];

/// Rule `relation.party`: words before a municipality's or district's name that make it a place
/// ("i kommunen", "ute i bydelen"), not a party to a relation.
pub const PLACE_WORDS: &[&str] = &[
    "i", "innen", "innan", "utenfor", "utanfor", "rundt i", "ut i",
];

/// Rule `relation.party`: words after a municipality's or district's name that make it the
/// speaker of the sentence ("Kommunen viser til at ...", "Bydelen opplyser"), not a party.
pub const SPEAKER_WORDS: &[&str] = &[
    "viser til",
    "opplyser",
    "peker på",
    "påpeker",
    "mener",
    "meiner",
    "skriver",
    "svarer",
    "svarar",
    "uttaler",
    "uttalar",
    "har svart",
    "informerer",
    "opplever",
    "oppgir",
    "oppgjev",
    "bekrefter",
    "stadfestar",
    "erkjenner",
];

/// Rule `relation.party`: words after a municipality's or district's name that make it the one
/// answerable for what its services do ("Fjordvik kommune sikrar ikkje at tenestene frå A, B og
/// C blir samordna", "Bydelen sørger for at ..."): the owner, not a party to their collaboration.
pub const ANSWERABLE_WORDS: &[&str] = &[
    "sikrer",
    "sikrar",
    "sørger for",
    "sørgjer for",
    "skal sikre",
    "skal sørge",
    "skal syte",
];

/// Rule `relation.party`: words after a municipality's or district's name that name the unit it
/// acts through ("Bydel Nordøst ved Nav-kontoret sikrer ikke ...", "Oslo kommune ved Bydel
/// Alna"): the municipality is the owner of that unit, not its partner.
pub const ACTING_THROUGH_WORDS: &[&str] = &["ved"];

/// Rule `relation.wish`: words of a sentence that asks for a collaboration rather than stating
/// one ("Kommunen bør etablere faste møter med DPS", "Revisjonen tilrår at ..."): no relation is
/// drafted from it, as docs/FORMAT.md asks (a wish is no relation).
pub const WISH_WORDS: &[&str] = &["bør", "burde", "anbefaler", "anbefales", "tilrår", "tilrås"];

/// Rule `relation.between`: the words after which an enumeration of services is the pair (or
/// set) that collaborates ("samarbeid mellom Nav Sørvik og Psykisk helse- og rustjenesten"),
/// whoever the sentence's subject is ("Bydel Alna har faste møter mellom NAV Alna og ...").
pub const BETWEEN_WORDS: &[&str] = &["mellom "];

/// Rule `relation.clause`: the joins of two main clauses in one sentence ("Kommunen har avtale
/// med Helse Førde om samarbeid, og tenesta for psykisk helse og rus møter Nordfjord DPS kvar
/// månad"), matched on the lowercased sentence. Services named in different clauses are not
/// paired, and each clause's pairs take the cues of their own clause (a clause with none takes
/// the sentence's, within the window of rule `relation.window`). A join counts only when
/// the clause after it has a subject and a verb of its own ([`FINITE_VERBS`], or a present tense
/// right after a naming): ", og" before a last item of an enumeration joins no clauses, and ", og
/// er i møter med ..." continues the subject before it.
pub const CLAUSE_JOINS: &[&str] = &[", og ", ", men ", ", mens ", ", medan ", "; "];

/// Rule `relation.clause`: finite verbs that give a clause a verb of its own, bokmål and
/// nynorsk: the auxiliaries and the verbs the reports state collaboration with.
pub const FINITE_VERBS: &[&str] = &[
    "er",
    "var",
    "har",
    "hadde",
    "skal",
    "skulle",
    "kan",
    "kunne",
    "må",
    "måtte",
    "vil",
    "ville",
    "blir",
    "ble",
    "vert",
    "vart",
    "får",
    "fikk",
    "fekk",
    "gir",
    "gav",
    "ga",
    "gjev",
    "gjør",
    "gjer",
    "gjorde",
    "tar",
    "tek",
    "går",
    "møter",
    "møtte",
    "deltar",
    "deltek",
    "samarbeider",
    "samarbeidar",
    "henviser",
    "tilviser",
    "melder",
    "opplever",
    "mangler",
    "manglar",
    "finnes",
    "finst",
    "fins",
    "ligger",
    "ligg",
    "sier",
    "seier",
    "mener",
    "meiner",
];
