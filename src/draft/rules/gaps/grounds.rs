//! Rules `gap.grounds`, `gap.legal`, `gap.boilerplate` and `gap.conformity`: the words by
//! which a report says what a finding rests on ("Lovbruddet bygger på følgende:"), its legal
//! ground ("Avvik fra følgende myndighetskrav:", "Dette er ikke i samsvar med ..."), and the
//! template's sentences that name or count the findings without stating one.

/// Rule `gap.boilerplate`: the tilsyn template's sentences about the report and the count of
/// its findings ("Denne rapporten beskriver de lovbrudd som ble påpekt ...", nynorsk "Denne
/// rapporten skildrar lovbrot som vart påpeika ...", "Det ble avdekket to lovbrudd.", "Det vart
/// avdekt eitt lovbrot under tilsynet.") name the findings without stating one. A sentence is
/// boilerplate when "rapport..." is followed by one of `REPORT_VERBS` and a `FINDING_NOUNS`
/// word; or one of `FOUND_VERBS` is followed by a `COUNT_WORDS` word and a `FINDING_NOUNS`
/// word that ends the sentence (or only `COUNT_TAIL_WORDS` and one word follow); or "ikke" /
/// "ikkje" and one of `FOUND_VERBS` is followed by a `FINDING_NOUNS` word ("det ble ikke
/// avdekket lovbrudd").
pub const REPORT_VERBS: &[&str] = &[
    "beskriver",
    "beskriv",
    "skildrar",
    "skildrer",
    "omtaler",
    "omtalar",
    "omhandler",
    "omhandlar",
    "presenterer",
    "gjør rede for",
    "gjer greie for",
];

/// Rule `gap.boilerplate`: the verbs by which a tilsyn asks for its findings to be corrected
/// ("Vi ber kommunen sende en plan for hvordan lovbruddet skal rettes", "før avvika kan
/// lukkast"): a `FINDING_NOUNS` word, a modal or "blir", and one of these is the follow-up's
/// procedure, not a finding.
pub const CORRECTION_VERBS: &[&str] = &[
    "rettes", "rettast", "rettet", "retta", "lukkes", "lukkast", "lukket", "lukka",
];

/// Rule `gap.boilerplate`: the verbs of finding ("avdekket", "påpeika") that count findings.
pub const FOUND_VERBS: &[&str] = &[
    "avdekket",
    "avdekt",
    "avdekka",
    "avdekte",
    "avdekkes",
    "påpekt",
    "påpeika",
    "påpeikt",
    "påpekte",
    "påpeikte",
    "funnet",
    "funne",
    "fant",
    "fann",
    "gitt",
    "gjeve",
    "gitt",
    "konstatert",
    "konstaterte",
];

/// Rule `gap.boilerplate`: after a count ("det ble avdekket to lovbrudd"), the words that may
/// end the sentence ("under tilsynet", "i tilsynet"). A count with more after it ("fant et
/// avvik i rutinen for ...") states what was found.
pub const COUNT_TAIL_WORDS: &[&str] = &["under", "ved", "i", "innen", "innenfor", "innanfor"];

/// Rule `gap.boilerplate`: count words between a `FOUND_VERBS` word and the finding noun.
pub const COUNT_WORDS: &[&str] = &[
    "ett",
    "eitt",
    "et",
    "ei",
    "en",
    "ein",
    "to",
    "tre",
    "fire",
    "fem",
    "seks",
    "sju",
    "syv",
    "åtte",
    "ni",
    "ti",
    "ingen",
    "noen",
    "nokre",
    "nokon",
    "de",
    "dei",
    "følgende",
    "følgjande",
];

/// Rule `gap.boilerplate`: the tilsyn's words for its findings, as counted.
pub const FINDING_NOUNS: &[&str] = &[
    "lovbrudd",
    "lovbrot",
    "avvik",
    "merknader",
    "merknadar",
    "merknad",
];

/// Rule `gap.grounds`: the verbs by which a tilsyn says what its finding rests on
/// ("Lovbruddet bygger på følgende:", "Lovbrotet byggjer på følgjande:", "Avviket bygger på at
/// ..."), after the finding's word (`FINDING_NOUNS`, any ending: "lovbruddet", "avviket").
/// The observations that follow (the list after the colon, or the rest of the sentence) are
/// the grounds of the finding stated before: evidence of its gap, not gaps of their own.
pub const GROUNDS_VERBS: &[&str] = &[
    "bygger på",
    "byggjer på",
    "bygde på",
    "bygget på",
    "er basert på",
    "baserer seg på",
    "grunner seg på",
    "grunnar seg på",
];

/// Rule `gap.legal`: the lead by which a tilsyn gives the legal ground of its finding
/// ("Lovbruddet er brudd på følgende myndighetskrav:", "Lovbrotet er brot på følgjande krav:",
/// "Avvik fra følgende myndighetskrav:"): the finding's word (optional), one of these, then
/// "følgende"/"følgjande" and words up to a colon. The references after the colon are parsed
/// into the gap's `legal` (an enumeration "§§ 17 og 4" is one reference per section); one that
/// does not parse is named in the gap's note.
pub const LEGAL_LEAD_VERBS: &[&str] = &[
    "er brudd på",
    "er brot på",
    "er avvik fra",
    "er avvik frå",
    "er i strid med",
    "brudd på",
    "brot på",
    "avvik fra",
    "avvik frå",
];

/// Rule `legal.sections`: the words that join the sections of an enumeration after "§§"
/// ("sosialtjenesteloven §§ 17 og 4", "§§ 4-1, 4-2 og 4-3 i helse- og omsorgstjenesteloven"),
/// which is read as one reference per section of the same law: a `LegalRef` names one section.
pub const SECTION_JOINERS: &[&str] = &[",", "og", "samt", "eller"];

/// Rule `gap.conformity`: the words that, opening a sentence whose finding word is "ikke i
/// samsvar med" / "i strid med" / "brudd på" ("Dette er ikke i samsvar med pasient- og
/// brukerrettighetsloven § 2-5."), refer back to the sentence before: it states the breach
/// and this sentence its legal ground. Not "det", which points forward ("Det er ikke i samsvar
/// med loven at ...").
pub const CONFORMITY_ANAPHORS: &[&str] = &[
    "dette",
    "dette forholdet",
    "disse forholdene",
    "desse forholda",
    "denne praksisen",
    "slik praksis",
];
