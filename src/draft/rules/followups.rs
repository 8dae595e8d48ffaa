//! Rules of the groups `conclusion` and `follow-up`: the words that grade an answer to an audit
//! question, the words of a tilsyn's conclusion, and the words a follow-up uses for the status of
//! each earlier recommendation or decision point, in bokmål and nynorsk.
//!
//! Phrases are matched on the lowercased, normalised sentence at word boundaries; within a list
//! the first phrase that occurs wins, so a negated phrase ("ikke fulgt opp") stands before the
//! phrase it contains ("fulgt opp").

use crate::taxonomy::{FollowUpStatus, Verdict};

/// Rule `conclusion.verdict`: the report's grading words and the verdict each gives, in priority
/// order. Negated and limiting phrases first ("ikke i tilstrekkelig grad" before "tilstrekkelig
/// grad"), then the degrees ("delvis", "i all hovedsak"), then the plain grades. Riksrevisjonen's
/// criticism levels (GENRES.md) and "ikke i samsvar med" say a requirement is not met. A sentence
/// with none of them is answered `descriptive`, never guessed.
pub const VERDICT_WORDS: &[(&str, Verdict)] = &[
    ("ikke oppfylt", Verdict::NotFulfilled),
    ("ikkje oppfylt", Verdict::NotFulfilled),
    ("ikke i tilstrekkelig grad", Verdict::NotFulfilled),
    ("ikkje i tilstrekkeleg grad", Verdict::NotFulfilled),
    ("ikke tilstrekkelig", Verdict::NotFulfilled),
    ("ikkje tilstrekkeleg", Verdict::NotFulfilled),
    ("ikke tilfredsstillende", Verdict::NotFulfilled),
    ("ikkje tilfredsstillande", Verdict::NotFulfilled),
    ("ikke i samsvar med", Verdict::NotFulfilled),
    ("ikkje i samsvar med", Verdict::NotFulfilled),
    ("ikke i tråd med", Verdict::NotFulfilled),
    ("ikkje i tråd med", Verdict::NotFulfilled),
    ("i liten grad", Verdict::NotFulfilled),
    ("i lita grad", Verdict::NotFulfilled),
    ("i svært liten grad", Verdict::NotFulfilled),
    ("uakseptabelt", Verdict::NotFulfilled),
    ("sterkt kritikkverdig", Verdict::NotFulfilled),
    ("kritikkverdig", Verdict::NotFulfilled),
    ("delvis", Verdict::Partly),
    ("til dels", Verdict::Partly),
    ("i noen grad", Verdict::Partly),
    ("i noe grad", Verdict::Partly),
    ("i nokon grad", Verdict::Partly),
    ("i varierende grad", Verdict::Partly),
    ("i varierande grad", Verdict::Partly),
    ("i begrenset grad", Verdict::Partly),
    ("i avgrensa grad", Verdict::Partly),
    ("i all hovedsak", Verdict::LargelyFulfilled),
    ("i hovedsak", Verdict::LargelyFulfilled),
    ("i hovudsak", Verdict::LargelyFulfilled),
    ("i stor grad", Verdict::LargelyFulfilled),
    ("i overveiende grad", Verdict::LargelyFulfilled),
    ("i overveiande grad", Verdict::LargelyFulfilled),
    ("i det alt vesentlige", Verdict::LargelyFulfilled),
    ("langt på vei", Verdict::LargelyFulfilled),
    ("stort sett", Verdict::LargelyFulfilled),
    ("fullt ut", Verdict::Fulfilled),
    ("oppfyller", Verdict::Fulfilled),
    ("i tilstrekkelig grad", Verdict::Fulfilled),
    ("i tilstrekkeleg grad", Verdict::Fulfilled),
    ("tilfredsstillende", Verdict::Fulfilled),
    ("tilfredsstillande", Verdict::Fulfilled),
    ("i samsvar med", Verdict::Fulfilled),
    ("i tråd med", Verdict::Fulfilled),
    // Last: "tilstrekkelig" alone grades only where a clause negates it ("har ikke etablert
    // tilstrekkelig system"), or as the plain positive grade.
    ("tilstrekkelig", Verdict::Fulfilled),
    ("tilstrekkeleg", Verdict::Fulfilled),
];

/// Rule `conclusion.but`: a positive first clause qualified after "men": words of the second
/// clause that say a requirement is not met (the answer is `partly`) ...
pub const BUT_SHORTCOMINGS: &[&str] = &[
    "ikke",
    "ikkje",
    "mangler",
    "manglar",
    "manglende",
    "manglande",
    "svakhet",
    "svakheit",
    "utfordring",
    "uklar",
    "avvik",
    "lovbrudd",
    "lovbrot",
];

/// Rule `conclusion.but`: words among the first of the sentence after a positive answer that
/// qualify it ("Samtidig viser undersøkelsen at ... ikke ...", "Likevel ...").
pub const BUT_NEXT: &[&str] = &["samtidig", "men", "likevel", "imidlertid", "derimot"];

/// ... and words that only name room for improvement (a fulfilled or largely fulfilled answer
/// stays `largely_fulfilled`: a forbedringspunkt is by definition no breach, see FORMAT.md's term
/// table).
pub const BUT_IMPROVEMENTS: &[&str] = &[
    "forbedringspunkt",
    "forbedringsområde",
    "forbetringspunkt",
    "forbetringsområde",
    "forbedringspotensial",
    "forbetringspotensial",
];

/// Rule `conclusion.chapter`: words of the auditor's own answer, which an assessment section
/// leads with ("Revisjonen vurderer at ...", "Vår vurdering er at ...", nynorsk "meiner at").
pub const AUDITOR_VOICE: &[&str] = &[
    "vurderer at",
    "vurderer det slik",
    "vurdering er at",
    "vurderinga er at",
    "vurderingen er at",
    "mener at",
    "meiner at",
    "konkluderer",
    "konklusjonen er",
    "konklusjonen på",
    "finner at",
    "finn at",
];

/// Rule `conclusion.numbered`: the words by which a conclusion names the question it answers
/// ("Problemstilling 2 ...", "Konklusjonen på spørsmål 1a ..."), followed by its number.
pub const QUESTION_NAMES: &[&str] = &["problemstilling", "problemstillinga", "spørsmål"];

/// Rule `conclusion.echo`: words left out when a conclusion's words are compared with a
/// question's (an answer restates its question): function words, question words, and the
/// words every sentence of a municipal report shares.
pub const ECHO_STOPWORDS: &[&str] = &[
    "og",
    "i",
    "for",
    "av",
    "til",
    "med",
    "som",
    "at",
    "på",
    "om",
    "det",
    "den",
    "de",
    "dei",
    "er",
    "har",
    "en",
    "et",
    "ein",
    "eit",
    "ei",
    "å",
    "eller",
    "seg",
    "sin",
    "sitt",
    "sine",
    "hvilken",
    "hvilke",
    "kva",
    "kor",
    "korleis",
    "hvordan",
    "grad",
    "blir",
    "ble",
    "vert",
    "vart",
    "kommune",
    "kommunen",
    "kommunens",
    "kommunane",
    "kommunene",
    "ev",
    "eventuelt",
    "deres",
    "der",
    "ved",
    "fra",
    "frå",
    "etter",
    "innen",
    "innan",
    "ikke",
    "ikkje",
    "skal",
    "kan",
    "vil",
    "bli",
    "være",
    "vere",
    "hvor",
    "ha",
    "eks",
    "dette",
    "denne",
    "disse",
    "desse",
];

/// Rule `conclusion.tilsyn`: the verbs with which a tilsyn states what it found ("har funnet",
/// "avdekket", "påviste", "ble gitt", nynorsk "fann", "avdekte"); followed by a number word and
/// [`TILSYN_FINDINGS`], or negated ("ble ikke funnet lovbrudd", "fann ikkje lovbrot", "ingen
/// avvik ble påpekt").
pub const TILSYN_FOUND: &[&str] = &[
    "funnet",
    "funne",
    "fant",
    "fann",
    "avdekket",
    "avdekka",
    "avdekt",
    "avdekte",
    "påvist",
    "påviste",
    "konstatert",
    "konstaterte",
    "påpekt",
    "påpeika",
    "registrert",
    // "Det ble gitt to avvik og én merknad" (older Fylkesmann reports).
    "gitt",
    "gjeve",
];

/// Rule `conclusion.tilsyn`: the words for what a tilsyn finds: a breach of law.
pub const TILSYN_FINDINGS: &[&str] = &["lovbrudd", "lovbrot", "avvik", "brudd på", "brot på"];

/// Number words up to ten, bokmål and nynorsk ("to lovbrudd", "eitt avvik").
pub const NUMBER_WORDS: &[(&str, u32)] = &[
    ("ingen", 0),
    ("ikke noen", 0),
    ("ikkje nokon", 0),
    ("ett", 1),
    ("en", 1),
    ("ei", 1),
    ("eitt", 1),
    ("ein", 1),
    ("to", 2),
    ("tre", 3),
    ("fire", 4),
    ("fem", 5),
    ("seks", 6),
    ("sju", 7),
    ("syv", 7),
    ("åtte", 8),
    ("ni", 9),
    ("ti", 10),
];

/// Rule `follow-up.status`: the words a follow-up uses for the status now of an earlier
/// recommendation, decision point or breach, in priority order (the negated and partial forms
/// before the plain ones they contain). A tilsyn's breach that is "rettet"/"lukket" is
/// implemented.
pub const STATUS_WORDS: &[(&str, FollowUpStatus)] = &[
    // The order of a subordinate clause ("at anbefalingen ikke er fulgt opp").
    ("ikke er fulgt opp", FollowUpStatus::NotImplemented),
    ("ikkje er følgt opp", FollowUpStatus::NotImplemented),
    ("ikkje er fulgt opp", FollowUpStatus::NotImplemented),
    ("ikke er gjennomført", FollowUpStatus::NotImplemented),
    ("ikkje er gjennomført", FollowUpStatus::NotImplemented),
    ("ikke er rettet", FollowUpStatus::NotImplemented),
    ("ikkje er retta", FollowUpStatus::NotImplemented),
    ("ikke fulgt opp", FollowUpStatus::NotImplemented),
    ("ikkje fulgt opp", FollowUpStatus::NotImplemented),
    ("ikkje følgt opp", FollowUpStatus::NotImplemented),
    ("ikke gjennomført", FollowUpStatus::NotImplemented),
    ("ikkje gjennomført", FollowUpStatus::NotImplemented),
    ("ikke iverksatt", FollowUpStatus::NotImplemented),
    ("ikkje iverksett", FollowUpStatus::NotImplemented),
    ("ikke satt i verk", FollowUpStatus::NotImplemented),
    ("ikkje sett i verk", FollowUpStatus::NotImplemented),
    ("ikke rettet", FollowUpStatus::NotImplemented),
    ("ikkje retta", FollowUpStatus::NotImplemented),
    ("ikke lukket", FollowUpStatus::NotImplemented),
    ("ikkje lukka", FollowUpStatus::NotImplemented),
    ("ikke vurdert", FollowUpStatus::NotStated),
    ("ikkje vurdert", FollowUpStatus::NotStated),
    ("ikke mulig å vurdere", FollowUpStatus::Unclear),
    ("ikkje mogleg å vurdere", FollowUpStatus::Unclear),
    ("kan ikke vurdere", FollowUpStatus::Unclear),
    ("kan ikkje vurdere", FollowUpStatus::Unclear),
    ("for tidlig å vurdere", FollowUpStatus::Unclear),
    ("for tidleg å vurdere", FollowUpStatus::Unclear),
    ("uklart", FollowUpStatus::Unclear),
    // "I stor grad fulgt opp" is more than partly and less than implemented; the vocabulary
    // has no word between, so the drafter encodes less and names the words in its note.
    ("i stor grad fulgt opp", FollowUpStatus::Partly),
    ("i stor grad er fulgt opp", FollowUpStatus::Partly),
    ("i all hovedsak fulgt opp", FollowUpStatus::Partly),
    ("i all hovedsak er fulgt opp", FollowUpStatus::Partly),
    ("i hovedsak fulgt opp", FollowUpStatus::Partly),
    ("i hovudsak følgt opp", FollowUpStatus::Partly),
    ("i stor grad følgt opp", FollowUpStatus::Partly),
    ("delvis", FollowUpStatus::Partly),
    ("til dels", FollowUpStatus::Partly),
    ("i noen grad", FollowUpStatus::Partly),
    ("i nokon grad", FollowUpStatus::Partly),
    ("under arbeid", FollowUpStatus::InProgress),
    ("under oppfølging", FollowUpStatus::InProgress),
    ("under utarbeidelse", FollowUpStatus::InProgress),
    ("under utarbeiding", FollowUpStatus::InProgress),
    ("arbeidet pågår", FollowUpStatus::InProgress),
    ("arbeidet er i gang", FollowUpStatus::InProgress),
    ("ikke ferdigstilt", FollowUpStatus::InProgress),
    ("ikkje ferdigstilt", FollowUpStatus::InProgress),
    ("pågår", FollowUpStatus::InProgress),
    ("fulgt opp", FollowUpStatus::Implemented),
    ("følgt opp", FollowUpStatus::Implemented),
    ("rettet", FollowUpStatus::Implemented),
    ("retta", FollowUpStatus::Implemented),
    ("lukket", FollowUpStatus::Implemented),
    ("lukka", FollowUpStatus::Implemented),
];

/// Rule `follow-up.status`: verbs that say a measure was carried out ("gjennomført",
/// "iverksatt"). They give the status `implemented` only where the text names the earlier item
/// (a row of a status table, "Anbefaling 2 er gjennomført"), never in a free summary, where
/// "det er gjennomført en omorganisering" reports a measure, not a point's status.
pub const ACTIVITY_WORDS: &[(&str, FollowUpStatus)] = &[
    ("gjennomført", FollowUpStatus::Implemented),
    ("iverksatt", FollowUpStatus::Implemented),
    ("iverksett", FollowUpStatus::Implemented),
    ("satt i verk", FollowUpStatus::Implemented),
    ("sett i verk", FollowUpStatus::Implemented),
];

/// Rule `follow-up.status`: words that, a few words before a status word, make it no status:
/// an indirect question ("hvordan vedtaket er fulgt opp"), a duty or plan ("skal gjennomføres",
/// "bør følges opp").
pub const STATUS_BLOCKERS: &[&str] = &[
    "hvordan", "hvorvidt", "korleis", "hva", "kva", "skal", "skulle", "bør", "må", "vil", "ble",
    "blei", "vart", "planlagt", "dersom", "når", "blir", "bli", "sikre", "sikra", "sørge",
];

/// Rule `follow-up.item`: the words that name an earlier item with its number ("anbefaling 2",
/// "tilråding 3", "vedtakspunkt 1", "lovbrudd 2"), with the id prefix the drafter gives that
/// kind of item (the ids a draft of the earlier report would have: `rec-2`, `vedtak-1`).
/// `true` marks a word that names an earlier item only in a follow-up ("punkt 2").
pub const ITEM_WORDS: &[(&str, &str, bool)] = &[
    ("anbefaling", "rec", false),
    ("anbefalingen", "rec", false),
    ("anbefalinga", "rec", false),
    ("tilråding", "rec", false),
    ("tilrådinga", "rec", false),
    ("tilrådning", "rec", false),
    ("vedtakspunkt", "vedtak", false),
    ("punkt", "vedtak", true),
    ("avvik", "avvik", false),
    ("lovbrudd", "lovbrudd", false),
    ("lovbrot", "lovbrudd", false),
    ("merknad", "merknad", false),
];

/// Rule `follow-up.list`: words of a lead-in, heading or table head that say the numbered items
/// after it are the earlier report's recommendations or decision points, with the id prefix.
pub const ITEM_LEADS: &[(&str, &str)] = &[
    ("anbefaling", "rec"),
    ("tilråding", "rec"),
    ("tilrådning", "rec"),
    ("vedtak", "vedtak"),
    ("punkt", "vedtak"),
];

/// Rule `meta.follows-up`: words of a sentence that names the earlier report a follow-up follows
/// up; the first year (19xx, 20xx) in it is the earlier report's.
pub const EARLIER_REPORT: &[&str] = &["rapport", "revisjon", "tilsyn", "undersøk"];

/// Rule `meta.follows-up`: words that mark a sentence as being about the follow-up of an
/// earlier report.
pub const FOLLOW_UP_WORDS: &[&str] = &[
    "oppfølging",
    "følge opp",
    "følgje opp",
    "fulgt opp",
    "følgt opp",
];

/// Rule `conclusion.tilsyn`: who may stand between the verb and the count when the sentence
/// opens with something else ("Ved tilsynet avdekket Statsforvalteren to lovbrudd").
pub const TILSYN_SUBJECTS: &[&str] = &[
    "det",
    "vi",
    "statsforvalteren",
    "statsforvaltaren",
    "fylkesmannen",
    "tilsynet",
    "tilsynslaget",
];
