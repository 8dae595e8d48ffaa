//! The drafting rules: every word list and pattern the drafter uses, in one place a researcher
//! can read and extend.
//!
//! Each list says what it is for and which rule name (printed in each drafted item's `note`)
//! uses it. Phrases are matched on the lowercased text with white space and line-end
//! hyphenation normalised (as [`crate::evidence`] does), so `"ikke i samsvar med"` also matches a
//! phrase broken over two lines. Single words marked *stemmed* are compared after Norwegian
//! Snowball stemming (rust-stemmers), so `avvik` also matches `avviket` and `avvika` but not
//! `avvikssystem`.
//!
//! The lists follow the conventions of the genres (see `GENRES.md`): how a tilsyn report states
//! an avvik or lovbrudd, how a forvaltningsrevisjon states its assessment and numbers its
//! recommendations, how Riksrevisjonen grades its criticism, and the nynorsk forms of each.
//!
//! By job: this file holds the structure rules (section roles, contents, sentences) and the
//! lead-ins of lists and metadata; `gaps.rs` the finding words and codebook keywords;
//! `followups.rs` the grading words of conclusions and the status words of follow-ups;
//! `services.rs` the names, patterns and the words that make a phrase no unit; `phrases.rs` the
//! words that take a unit's name from running text; `relations.rs` the relation cues and their
//! status words. Every list is re-exported here, so a rule is `rules::NAME` wherever it is
//! defined.

mod followups;
mod gaps;
mod phrases;
mod relations;
mod services;

pub use followups::*;
pub use gaps::*;
pub use phrases::*;
pub use relations::*;
pub use services::*;

use crate::taxonomy::Genre;

/// The role of a section of a report, from its heading. Drives `stated_in`, what counts as a
/// gap, and where recommendations, questions and criteria are looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Before the first heading: cover, title page, colophon.
    Front,
    /// The table of contents: never evidence.
    Contents,
    /// Sammendrag, hovedfunn: the auditor's own summary (an assessment).
    Summary,
    /// Innledning, bakgrunn, formål, problemstillinger, metode, avgrensning, gjennomføring.
    Introduction,
    /// Revisjonskriterier, regelverk: the requirements, not findings.
    Criteria,
    /// Data, fakta, funn, datagrunnlag: what documents, informants and samples show. Also the
    /// default role of a numbered chapter with no role word in its heading.
    Findings,
    /// Revisjonens vurdering, vurdering av styringssystem: the auditor's assessment.
    Assessment,
    /// Konklusjon.
    Conclusion,
    /// Anbefalinger, tilrådingar.
    Recommendations,
    /// Uttalelse, høringssvar, kommentarer: the municipality's response.
    Response,
    /// Vedlegg, referanser, dokumentunderlag, deltakere.
    Appendix,
}

impl Role {
    /// True for the auditor's own voice: summary, assessment, conclusion, recommendations.
    pub fn is_assessment(self) -> bool {
        matches!(
            self,
            Role::Summary | Role::Assessment | Role::Conclusion | Role::Recommendations
        )
    }

    /// True where a gap may be stated: everything but the front matter, the contents,
    /// the introduction, the criteria and the appendices.
    pub fn states_gaps(self) -> bool {
        !matches!(
            self,
            Role::Front | Role::Contents | Role::Introduction | Role::Criteria | Role::Appendix
        )
    }
}

/// Rule `structure.role`: words in a heading and the role they give the section, in priority
/// order (the first that occurs in the lowercased heading wins, so "Konklusjon og anbefalinger"
/// is a recommendations section and "Revisjonens vurdering og konklusjon" a conclusion).
/// `true` marks a top-level section word: an unnumbered heading with it starts a chapter.
pub const SECTION_WORDS: &[(&str, Role, bool)] = &[
    ("innholdsfortegnelse", Role::Contents, true),
    ("innhaldsliste", Role::Contents, true),
    ("innhold", Role::Contents, true),
    ("innhald", Role::Contents, true),
    ("vedlegg", Role::Appendix, true),
    ("referanser", Role::Appendix, true),
    ("referansar", Role::Appendix, true),
    ("litteratur", Role::Appendix, true),
    ("kildeliste", Role::Appendix, true),
    ("kilder", Role::Appendix, true),
    ("dokumentunderlag", Role::Appendix, true),
    ("dokumentliste", Role::Appendix, true),
    ("deltakere", Role::Appendix, true),
    ("deltakarar", Role::Appendix, true),
    ("uttalelse", Role::Response, false),
    ("uttale", Role::Response, false),
    ("høringssvar", Role::Response, false),
    ("høyringssvar", Role::Response, false),
    ("høringsuttalelse", Role::Response, false),
    ("kommentarer fra", Role::Response, false),
    // Riksrevisjonen's chapters: its remarks are its assessment, the minister's answer the
    // response, the closing remark its conclusion.
    ("riksrevisjonens merknad", Role::Assessment, true),
    ("riksrevisjonens kommentar", Role::Assessment, true),
    ("riksrevisjonens sluttmerknad", Role::Conclusion, true),
    ("statsrådens svar", Role::Response, true),
    ("departementets oppfølging", Role::Response, true),
    ("sammendrag", Role::Summary, true),
    ("samandrag", Role::Summary, true),
    ("hovedfunn", Role::Summary, false),
    ("hovudfunn", Role::Summary, false),
    ("oppsummering", Role::Summary, false),
    ("anbefaling", Role::Recommendations, false),
    ("tilråding", Role::Recommendations, false),
    ("forslag til tiltak", Role::Recommendations, false),
    ("konklusjon", Role::Conclusion, false),
    ("konklusjonar", Role::Conclusion, false),
    ("vurdering", Role::Assessment, false),
    ("revisjonskriteri", Role::Criteria, false),
    ("kriterier", Role::Criteria, false),
    ("kriteria", Role::Criteria, false),
    ("regelverk", Role::Criteria, false),
    ("lovgrunnlag", Role::Criteria, false),
    ("rettsgrunnlag", Role::Criteria, false),
    ("rettslege krav", Role::Criteria, false),
    ("rettslige krav", Role::Criteria, false),
    ("innledning", Role::Introduction, true),
    ("innleiing", Role::Introduction, true),
    ("forord", Role::Introduction, true),
    ("føreord", Role::Introduction, true),
    ("bakgrunn", Role::Introduction, false),
    ("formål", Role::Introduction, false),
    ("føremål", Role::Introduction, false),
    ("problemstilling", Role::Introduction, false),
    ("metode", Role::Introduction, false),
    ("avgrensning", Role::Introduction, false),
    ("avgrensing", Role::Introduction, false),
    ("gjennomføring", Role::Introduction, false),
    ("hva tilsynet omfattet", Role::Introduction, false),
    ("tema og omfang", Role::Introduction, false),
    ("omfang og avgrensning", Role::Introduction, false),
    ("kva tilsynet omfatta", Role::Introduction, false),
    ("bestilling", Role::Introduction, false),
    ("oppbygging", Role::Introduction, false),
    ("datagrunnlag", Role::Findings, false),
    ("data", Role::Findings, false),
    ("fakta", Role::Findings, false),
    ("funn", Role::Findings, false),
    ("opplysninger", Role::Findings, false),
    ("observasjoner", Role::Findings, false),
    ("avvik", Role::Findings, false),
    ("lovbrudd", Role::Findings, false),
    ("lovbrot", Role::Findings, false),
    ("merknad", Role::Findings, false),
];

/// Rule `structure.toc`: words of a table-of-contents heading.
pub const TOC_WORDS: &[&str] = &["innholdsfortegnelse", "innhold", "innhald", "innhaldsliste"];

/// Abbreviations after which a full stop does not end a sentence.
pub const ABBREVIATIONS: &[&str] = &[
    "jf", "bl.a", "f.eks", "pr", "nr", "ca", "mv", "m.m", "o.l", "e.l", "evt", "ev", "kap", "s",
    "jfr", "dvs", "d.v.s", "ref", "tlf", "pkt", "ift", "mht", "iht", "etc", "vs", "ift", "bl",
];

/// Rule `meta.genre`: phrases in the first pages that give the genre, in priority order.
pub const GENRE_WORDS: &[(&str, Genre)] = &[
    ("dokument 3:", Genre::Riksrevisjon),
    ("riksrevisjonens undersøkelse", Genre::Riksrevisjon),
    ("riksrevisjonens undersøking", Genre::Riksrevisjon),
    ("oppfølgingsundersøkelse", Genre::Oppfolgingsundersokelse),
    ("oppfølgingsundersøking", Genre::Oppfolgingsundersokelse),
    ("oppfølgingsrapport", Genre::Oppfolgingsundersokelse),
    (
        "oppfølging av forvaltningsrevisjon",
        Genre::Oppfolgingsundersokelse,
    ),
    ("oppfølgingsrevisjon", Genre::Oppfolgingsundersokelse),
    ("tilsynsrapport", Genre::Tilsyn),
    ("rapport frå tilsyn", Genre::Tilsyn),
    ("rapport fra tilsyn", Genre::Tilsyn),
    ("landsomfattende tilsyn", Genre::Tilsyn),
    ("landsomfattande tilsyn", Genre::Tilsyn),
    ("systemrevisjon", Genre::Tilsyn),
    ("sammenligning av", Genre::Sammenligningsnotat),
    ("forvaltningsrevisjon", Genre::Forvaltningsrevisjon),
];

/// Rule `meta.methods`: words of the method section and the method each names.
pub const METHOD_WORDS: &[(&str, &str)] = &[
    ("dokumentanalyse", "document review"),
    ("dokumentgjennomgang", "document review"),
    ("gjennomgang av dokument", "document review"),
    ("intervju", "interviews"),
    ("spørreundersøkelse", "survey"),
    ("spørjeundersøking", "survey"),
    ("questback", "survey"),
    ("stikkprøve", "sample review"),
    ("journalgjennomgang", "sample review"),
    ("observasjon", "observation"),
];

/// Rule `recommendation.lead-in`: words of a sentence that introduces a list of
/// recommendations ("Revisjonen anbefaler at kommunen:", "vil Deloitte anbefale at ...
/// iverksetter følgende tiltak:", nynorsk "tilrår").
pub const RECOMMENDATION_LEADS: &[&str] = &[
    "anbefal",
    "tilrår",
    "tilråd",
    "følgende tiltak",
    "følgjande tiltak",
    "foreslår",
    "gjer framlegg",
];

/// Rule `structure.heading`: the words that, with a number, open an appendix ("Vedlegg 1:
/// Uttale frå kommunedirektøren", "Bilag 2"): such a line after a blank line is a heading even
/// when the line before it (a list item without a final period) does not end a sentence.
pub const APPENDIX_WORDS: &[&str] = &["vedlegg", "bilag"];

/// Rule `question.lead-in`: words of a sentence (or of the heading above the list) that
/// introduce the audit questions.
pub const QUESTION_LEADS: &[&str] = &["problemstilling", "spørsmål"];
