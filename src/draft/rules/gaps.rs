//! Rules of the gaps: the genres' finding words and the shortcoming phrases (rules `gap.*`); the
//! codebook's category keywords are in `gaps/categories.rs`, and the words of what a finding
//! rests on, its legal ground and the template sentences around it in `gaps/grounds.rs`, both
//! re-exported here.

use crate::taxonomy::{FindingTerm, Severity};

mod categories;
mod grounds;

pub use categories::*;
pub use grounds::*;

/// A word the report uses for its findings, with the severity it stands for. These are the
/// report's own terms; `term` names the word as the model's `FindingTerm` would.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindingWord {
    /// The phrase, lowercase.
    pub phrase: &'static str,
    /// The report's term it stands for (`avvik`, `lovbrudd`, `kritikk` ...), when it is one;
    /// its [`FindingTerm::severity`] then fixes the severity.
    pub term: Option<FindingTerm>,
    /// The severity the word states.
    pub severity: Severity,
    /// True when the word may stand anywhere but the introduction (a tilsyn's avvik is the
    /// supervisor's verdict wherever it stands); false when it counts only in the auditor's
    /// assessment, conclusion and summary ("bør", "må").
    pub anywhere: bool,
}

const fn fw(
    phrase: &'static str,
    term: Option<FindingTerm>,
    severity: Severity,
    anywhere: bool,
) -> FindingWord {
    FindingWord {
        phrase,
        term,
        severity,
        anywhere,
    }
}

/// Rule `gap.term`: the genres' words for a breach or a criticism, strongest first. Matched as
/// phrases; the first that occurs in a sentence gives its severity and term.
///
/// - tilsyn: `avvik` (until about 2016), `lovbrudd` / nynorsk `lovbrot` (since), `merknad`;
/// - Riksrevisjonen: `uakseptabelt`, `sterkt kritikkverdig` / `alvorlig`, `kritikkverdig`;
/// - forvaltningsrevisjon: `ikke i samsvar med`, `i strid med`, `svakhet`, `forbedringspunkt`.
pub const TERM_WORDS: &[FindingWord] = &[
    fw(
        "lovbrudd",
        Some(FindingTerm::Lovbrudd),
        Severity::Breach,
        true,
    ),
    fw(
        "lovbrot",
        Some(FindingTerm::Lovbrudd),
        Severity::Breach,
        true,
    ),
    fw(
        "uakseptabel",
        Some(FindingTerm::Uakseptabelt),
        Severity::Breach,
        true,
    ),
    fw(
        "sterkt kritikkverdig",
        Some(FindingTerm::SterkKritikk),
        Severity::Breach,
        true,
    ),
    fw(
        "sterk kritikk",
        Some(FindingTerm::SterkKritikk),
        Severity::Breach,
        true,
    ),
    fw(
        "kritikkverdig",
        Some(FindingTerm::Kritikk),
        Severity::Breach,
        true,
    ),
    fw(
        "ikke i samsvar med",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    fw(
        "ikkje i samsvar med",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    fw(
        "ikke er i samsvar med",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    fw(
        "ikkje er i samsvar med",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    fw(
        "i strid med",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    fw(
        "strir mot",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    // "Dette er brudd på helse- og omsorgstjenesteloven § 7-1": the requirement not met.
    fw(
        "er brudd på",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    fw(
        "er et brudd på",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    fw(
        "er brot på",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    fw(
        "er eit brot på",
        Some(FindingTerm::IkkeISamsvar),
        Severity::Breach,
        true,
    ),
    fw(
        "forbedringspunkt",
        Some(FindingTerm::Forbedringspunkt),
        Severity::Improvement,
        true,
    ),
    fw(
        "forbetringspunkt",
        Some(FindingTerm::Forbedringspunkt),
        Severity::Improvement,
        true,
    ),
    fw(
        "forbedringsområde",
        Some(FindingTerm::Forbedringspunkt),
        Severity::Improvement,
        true,
    ),
    fw(
        "svakhet",
        Some(FindingTerm::Svakhet),
        Severity::Improvement,
        true,
    ),
    fw(
        "svakheit",
        Some(FindingTerm::Svakhet),
        Severity::Improvement,
        true,
    ),
];

/// Rule `gap.term`, in a Riksrevisjonen report's assessment only: its grades in words that
/// elsewhere are plain language ("alvorlige psykiske lidelser", an auditor's "ikke
/// tilfredsstillende"). GENRES.md: *alvorlig* is sterk kritikk, *ikke tilfredsstillende*
/// kritikk.
pub const RIKSREVISJON_TERM_WORDS: &[FindingWord] = &[
    fw(
        "alvorlig at",
        Some(FindingTerm::SterkKritikk),
        Severity::Breach,
        true,
    ),
    fw(
        "alvorleg at",
        Some(FindingTerm::SterkKritikk),
        Severity::Breach,
        true,
    ),
    fw(
        "ikke tilfredsstillende",
        Some(FindingTerm::Kritikk),
        Severity::Breach,
        true,
    ),
    fw(
        "ikkje tilfredsstillande",
        Some(FindingTerm::Kritikk),
        Severity::Breach,
        true,
    ),
];

/// Rule `gap.avvik`: stemmed words that, opening a sentence or heading ("Avvik 1:", "Lovbrudd:",
/// "Merknad 2"), state a tilsyn finding; the sentences under such a heading are its statement.
pub const TILSYN_WORDS: &[FindingWord] = &[
    fw("avvik", Some(FindingTerm::Avvik), Severity::Breach, true),
    fw(
        "lovbrudd",
        Some(FindingTerm::Lovbrudd),
        Severity::Breach,
        true,
    ),
    fw(
        "lovbrot",
        Some(FindingTerm::Lovbrudd),
        Severity::Breach,
        true,
    ),
    fw(
        "merknad",
        Some(FindingTerm::Merknad),
        Severity::Improvement,
        true,
    ),
];

/// Rule `gap.shortcoming`: phrases that state a shortcoming without one of the report's terms.
/// The first group counts in the findings too; the second ("bør", "må", ...) only in the
/// auditor's assessment, conclusion and summary, where it states what the auditor finds
/// lacking. Severity: `risk` for the auditor's doubts, `improvement` otherwise (a breach is
/// claimed only where the report's own word says so).
pub const SHORTCOMING_WORDS: &[FindingWord] = &[
    fw("ikke tilfredsstillende", None, Severity::Improvement, true),
    fw("ikkje tilfredsstillande", None, Severity::Improvement, true),
    fw("ikke tilstrekkelig", None, Severity::Improvement, true),
    fw("ikkje tilstrekkeleg", None, Severity::Improvement, true),
    fw("ikke er tilstrekkelig", None, Severity::Improvement, true),
    fw("ikkje er tilstrekkeleg", None, Severity::Improvement, true),
    fw("utilstrekkelig", None, Severity::Improvement, true),
    fw("utilstrekkeleg", None, Severity::Improvement, true),
    fw("ikke godt nok", None, Severity::Improvement, true),
    fw("ikkje godt nok", None, Severity::Improvement, true),
    fw(
        "ikke i tilstrekkelig grad",
        None,
        Severity::Improvement,
        true,
    ),
    fw(
        "ikkje i tilstrekkeleg grad",
        None,
        Severity::Improvement,
        true,
    ),
    fw("mangelfull", None, Severity::Improvement, true),
    fw("manglende", None, Severity::Improvement, true),
    fw("manglande", None, Severity::Improvement, true),
    fw("mangler", None, Severity::Improvement, true),
    fw("manglar", None, Severity::Improvement, true),
    fw("mangel på", None, Severity::Improvement, true),
    fw("svikt", None, Severity::Improvement, true),
    fw("ikke oppfylt", None, Severity::Improvement, true),
    fw("ikkje oppfylt", None, Severity::Improvement, true),
    fw("ikke fulgt opp", None, Severity::Improvement, true),
    fw("ikkje følgt opp", None, Severity::Improvement, true),
    fw("ikke etablert", None, Severity::Improvement, true),
    fw("ikkje etablert", None, Severity::Improvement, true),
    fw("ikke sikrer", None, Severity::Improvement, true),
    fw("ikke sikret", None, Severity::Improvement, true),
    fw("ikkje sikra", None, Severity::Improvement, true),
    fw("ikkje sikrar", None, Severity::Improvement, true),
    fw("ikke gjennomført", None, Severity::Improvement, true),
    fw("ikkje gjennomført", None, Severity::Improvement, true),
    fw("sikrer ikke", None, Severity::Improvement, true),
    fw("sikrar ikkje", None, Severity::Improvement, true),
    fw("sørger ikke for", None, Severity::Improvement, true),
    fw("syter ikkje for", None, Severity::Improvement, true),
    fw("oppfyller ikke", None, Severity::Improvement, true),
    fw("oppfyller ikkje", None, Severity::Improvement, true),
    fw("ivaretar ikke", None, Severity::Improvement, true),
    fw("ivaretek ikkje", None, Severity::Improvement, true),
    fw("ikke har", None, Severity::Improvement, false),
    fw("har ikke", None, Severity::Improvement, false),
    fw("har ikkje", None, Severity::Improvement, false),
    fw("ikkje har", None, Severity::Improvement, false),
    fw("ikke alltid", None, Severity::Improvement, true),
    fw("ikkje alltid", None, Severity::Improvement, true),
    fw("mangel", None, Severity::Improvement, true),
    fw("uklarhet", None, Severity::Improvement, true),
    fw("uklarheit", None, Severity::Improvement, true),
    fw("uklart", None, Severity::Improvement, true),
    fw("uklar", None, Severity::Improvement, true),
    fw("uenighet", None, Severity::Improvement, true),
    fw("usemje", None, Severity::Improvement, true),
    fw("forbedringspotensial", None, Severity::Improvement, true),
    fw("forbetringspotensial", None, Severity::Improvement, true),
    fw("en utfordring", None, Severity::Improvement, true),
    fw("utfordringer i ", None, Severity::Improvement, true),
    fw("utfordringer med", None, Severity::Improvement, true),
    fw(
        "utfordringer når det gjelder",
        None,
        Severity::Improvement,
        true,
    ),
    fw(
        "utfordringer knyttet til samarbeid",
        None,
        Severity::Improvement,
        true,
    ),
    fw(
        "utfordringer knyttet til samhandling",
        None,
        Severity::Improvement,
        true,
    ),
    fw("utfordringar i ", None, Severity::Improvement, true),
    fw("utfordringar med", None, Severity::Improvement, true),
    fw(
        "utfordringar når det gjeld",
        None,
        Severity::Improvement,
        true,
    ),
    fw(
        "utfordringar knytt til samarbeid",
        None,
        Severity::Improvement,
        true,
    ),
    fw(
        "utfordringar knytt til samhandling",
        None,
        Severity::Improvement,
        true,
    ),
    fw("utfordrende", None, Severity::Improvement, true),
    fw("utfordrande", None, Severity::Improvement, true),
    fw("i liten grad", None, Severity::Improvement, true),
    fw("liten kjennskap", None, Severity::Improvement, true),
    fw("lite tilgjengelig", None, Severity::Improvement, true),
    fw("lite tilgjengeleg", None, Severity::Improvement, true),
    fw("etterlys", None, Severity::Improvement, true),
    fw("savner", None, Severity::Improvement, true),
    fw("saknar", None, Severity::Improvement, true),
    fw("usikkerhet", None, Severity::Risk, true),
    fw("usikkerheit", None, Severity::Risk, true),
    // Not "bekymringsmelding": a formal notice of concern is a routine, not a doubt.
    fw("bekymring for", None, Severity::Risk, true),
    fw("bekymring om", None, Severity::Risk, true),
    fw("bekymringer", None, Severity::Risk, true),
    fw("bekymringar", None, Severity::Risk, true),
    fw("bekymret", None, Severity::Risk, true),
    fw("bekymra", None, Severity::Risk, true),
    fw("uro for", None, Severity::Risk, true),
    fw("kan mangle", None, Severity::Risk, true),
    fw("kan mangla", None, Severity::Risk, true),
    fw("risiko for", None, Severity::Risk, true),
    fw("sårbar", None, Severity::Risk, true),
    fw("personavhengig", None, Severity::Risk, true),
    fw("stiller spørsmål ved", None, Severity::Risk, false),
    // Capacity stated as a shortcoming: too few staff or means, heavy pressure, turnover.
    fw("underbemann", None, Severity::Improvement, true),
    fw("lite ressurser", None, Severity::Improvement, true),
    fw("for få ansatte", None, Severity::Improvement, true),
    fw("for lite ressurser", None, Severity::Improvement, true),
    fw("lite ressursar", None, Severity::Improvement, true),
    fw("for få tilsette", None, Severity::Improvement, true),
    fw("arbeidspress", None, Severity::Improvement, true),
    fw("utskiftning", None, Severity::Improvement, true),
    fw("utskifting", None, Severity::Improvement, true),
    fw("gjennomtrekk", None, Severity::Improvement, true),
    // Waiting stated as a shortcoming: not "over lang tid" (for a long time).
    fw("tar lang tid", None, Severity::Improvement, true),
    fw("går lang tid", None, Severity::Improvement, true),
    fw("tek lang tid", None, Severity::Improvement, true),
    fw("lang ventetid", None, Severity::Improvement, true),
    fw("lange ventetider", None, Severity::Improvement, true),
    fw("få eller ingen", None, Severity::Improvement, true),
    fw("bør", None, Severity::Improvement, false),
    fw("burde", None, Severity::Improvement, false),
    fw("må sikre", None, Severity::Improvement, false),
    fw("må sørge", None, Severity::Improvement, false),
    fw("må syte", None, Severity::Improvement, false),
    fw("må etablere", None, Severity::Improvement, false),
    fw("må styrke", None, Severity::Improvement, false),
    fw("må bli", None, Severity::Improvement, false),
    fw("behov for", None, Severity::Improvement, false),
    // A need stated as unmet ("det er behov for ...", "behov for bedre ..."), in the findings
    // too; not a need as a case ("ved behov for", [`NEED_AS_CASE`]).
    fw("er behov for", None, Severity::Improvement, true),
    fw("behov for bedre", None, Severity::Improvement, true),
    fw("behov for betre", None, Severity::Improvement, true),
    fw("behov for mer ", None, Severity::Improvement, true),
    fw("behov for meir", None, Severity::Improvement, true),
    fw("behov for flere", None, Severity::Improvement, true),
    fw("behov for fleire", None, Severity::Improvement, true),
    fw("behov for økt", None, Severity::Improvement, true),
    fw("behov for auka", None, Severity::Improvement, true),
    fw("behov for tydeligere", None, Severity::Improvement, true),
    fw("behov for tydelegare", None, Severity::Improvement, true),
    fw("behov for avklaring", None, Severity::Improvement, true),
    fw(
        "behov for forventningsavklaring",
        None,
        Severity::Improvement,
        true,
    ),
    fw("behov for å forbedre", None, Severity::Improvement, true),
    fw("behov for å styrke", None, Severity::Improvement, true),
];

/// Rule `gap.not-a-gap`: phrases that make a sentence positive or merely procedural, so it is
/// not drafted as a gap even if a finding word occurs (a sentence that says the practice *is*
/// in line with the requirement, or describes the method).
pub const NOT_GAP_WORDS: &[&str] = &[
    "er i samsvar med",
    "er i tråd med",
    "fungerer godt",
    "ingen avvik",
    "ingen lovbrudd",
    "ingen lovbrot",
    "ikke avdekket",
    "ikkje avdekt",
    "har ikke funnet",
    "har ikkje funne",
    // The auditor says what it did not assess: a note on method.
    "ikke foretatt noen vurdering",
    "ikkje gjort nokon vurdering",
    "ikke noen vurdering av",
    "ikkje nokon vurdering av",
];

/// Rule `gap.not-a-gap`: words right before a [`NOT_GAP_WORDS`] phrase that negate it ("ikke
/// er i samsvar med", "ikke fungerer godt nok"): the sentence then states a shortcoming.
pub const NOT_GAP_NEGATORS: &[&str] = &[
    "ikke",
    "ikkje",
    "ikke alltid",
    "ikkje alltid",
    "ikke helt",
    "ikkje heilt",
];

/// Rule `gap.not-received`: the auditor's note that it was not given, or has not seen, what
/// would show a duty met ("Revisjonen har ikke mottatt rutiner for ..."): docs/FORMAT.md makes
/// it a `risk`, never a breach, since no shortcoming is established.
pub const NOT_RECEIVED_WORDS: &[&str] = &[
    "ikke mottatt",
    "ikkje motteke",
    "ikkje fått tilsendt",
    "ikke fått tilsendt",
    "ikke fått informasjon om",
    "ikkje fått informasjon om",
    "ikke blitt kjent med",
    "ikkje blitt kjend med",
    "ikke sett noen",
    "ikkje sett nokon",
];

/// Rule `gap.severity`: what may happen rather than what is ("kan føre til", "kan være
/// utfordrende"): docs/FORMAT.md makes it a `risk` unless the auditor demands a remedy.
pub const RISK_WORDS: &[&str] = &[
    "kan føre til",
    "kan medføre",
    "kan gå ut over",
    "kan gå på bekostning",
    "kan være utfordrende",
    "kan vere utfordrande",
    "kan være krevende",
    "kan vere krevjande",
    "kan oppstå",
    "kan bli",
    "kan oppleves",
    "kan opplevast",
    "risiko for",
    "fare for",
];

/// Rule `gap.condition`: words right before "behov" that make a need a case, not a
/// shortcoming: "ved behov for" and "når det er behov for" (as needed), "om det er behov for"
/// (whether there is a need).
pub const NEED_AS_CASE: &[&str] = &[
    "ved ",
    "etter ",
    "når det er ",
    "der det er ",
    "om det er ",
    "når det er eit ",
    "når det er et ",
];

/// Rule `gap.condition`: words that, opening the clause of a finding word, make it a condition,
/// not a statement ("Dersom brukeren ikke er enig, ...", nynorsk "Dersom ... ikkje"). Not
/// "viss" (bokmål "en viss grad") nor "om ikke" ("spørsmål ved om ikke ...").
pub const CONDITION_WORDS: &[&str] = &["dersom", "hvis", "i tilfelle", "i tilfelle av"];

/// Rule `gap.negation`: problem words that, negated, make a sentence good news ("det er ikke
/// venteliste", "det har ikke vært en reduksjon i antall årsverk").
pub const NEGATED_PROBLEM_WORDS: &[&str] = &[
    "ventetid",
    "venteliste",
    "reduksjon",
    "nedgang",
    "problem",
    "avvik",
    "mangel",
    "klage",
    "utfordring",
    "kø",
];

/// Rule `gap.negation`: after "ikke", "ikkje" or "ingen" (within four words), a participle
/// (a word ending in -ert, -et, -tt, -lt, -nt: "ikke etablert", "ikke er dokumentert"), one of
/// these participles with another ending, or one of [`EXPECTED_WORDS`] states a shortcoming.
pub const NEGATED_WORDS: &[&str] = &["lagt", "gjort", "vært", "fått", "kjent"];

/// Rule `gap.negation`: what a service is expected to have or be, whose negation states a
/// shortcoming ("ikke tilstrekkelig", "ikkje oversikt over", "ikke tilbud om") even alone in the
/// findings, where a bare negated participle ("ikke ansvar for", "ikke lenger ønsket") is mostly
/// description.
pub const EXPECTED_WORDS: &[&str] = &[
    "tilstrekkelig",
    "tilstrekkeleg",
    "tilgjengelig",
    "tilgjengeleg",
    "systematisk",
    "skriftlig",
    "skriftleg",
    "kapasitet",
    "oversikt",
    "tilbud",
    "tilbod",
    "rutiner",
    "rutinar",
];

/// Rule `gap.negation`: prepositions and determiners after which a word in "-et" is a definite
/// noun ("fra prinsippet", "i samarbeidet", "noe tjenesteapparatet"), not a participle.
pub const NOUN_MARKERS: &[&str] = &[
    "i", "på", "til", "fra", "frå", "om", "med", "for", "av", "ved", "mot", "hos", "etter",
    "under", "over", "det", "dette", "noe", "noko", "sitt", "vårt", "deres", "hele", "heile",
];

/// Rule `gap.earlier`: words of a lead-in, in the introduction, whose list restates an earlier
/// report's findings (a follow-up's background): "Rapporten avdekket følgende hovedfunn:",
/// "I rapporten konkluderte revisjonen med følgende:", nynorsk "Rapporten synte ...".
pub const EARLIER_FINDING_LEADS: &[&str] = &[
    "hovedfunn",
    "hovudfunn",
    "funn",
    "avdekket",
    "avdekte",
    "konkluderte",
    "konkluderte med",
    "påpekte",
    "påpeikte",
    "peikte på",
    "fant følgende",
    "fann følgjande",
];

/// Rule `gap.avvik` for lists: lead-ins whose list gives the observations a finding rests on,
/// not the finding itself.
pub const OBSERVATION_LEADS: &[&str] = &[
    "bygger på",
    "byggjer på",
    "grunnlag",
    "observasjon",
    "følgende funn",
];
