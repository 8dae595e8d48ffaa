//! Drafting a record from a report's plain text: every service, relation, gap, recommendation,
//! audit question and criterion the text states, each a candidate with a verbatim quote, its
//! line, and the rule that found it, for a researcher to accept, correct or delete.
//!
//! The draft is honest about being one: [`Report::draft`] names the tool and its rules, and every
//! item's `note` names the rule that produced it ("rule gap.term: 'lovbrudd' in a findings
//! section"). Metadata the text does not state is `null`, never guessed. Quotes are slices of
//! the text and each is checked with [`crate::evidence::Sources`] before it is kept, so a draft
//! loads, validates and passes the evidence check against its text by construction; an item
//! whose quote would fail is dropped and counted in [`Draft::dropped`].
//!
//! The pieces, by job: [`text`] (lines, pages, running headers, contents, headings, section
//! roles), `sentences` (sentences and list items), [`rules`] (every word list and pattern, in one documented place),
//! `services` (services and relations), `findings` (gaps), `lists` (recommendations,
//! questions, criteria), `conclusions` (answers to the questions with their verdicts),
//! `followups` (in a follow-up, the status of each earlier point), `meta` (title, issuer, year, genre), and [`score`](mod@score) (a draft
//! against a reviewed record).
//!
//! # Example
//! ```
//! use samhandling::draft::draft;
//! use samhandling::evidence::{check_report, Sources};
//!
//! let text = "Rapport fra tilsyn med Nes kommune\n\n1 Funn\n\nAvvik 1: Nes kommune sikrer ikke at \
//!             brukere får tilbud om individuell plan.\n";
//! let d = draft("tilsyn.txt", text)?;
//! assert_eq!(d.report.gaps.len(), 1);
//! assert_eq!(d.report.gaps[0].category.to_string(), "individual_plan");
//! let mut sources = Sources::default();
//! sources.insert("tilsyn.txt", text);
//! assert!(check_report(&d.report, &sources).is_empty());
//! # Ok::<(), samhandling::Error>(())
//! ```

mod conclusions;
mod findings;
mod followups;
mod lists;
mod meta;
pub mod rules;
pub mod score;
mod sentences;
mod services;
pub mod text;

use std::sync::LazyLock;

use rust_stemmers::{Algorithm, Stemmer};
use serde::Serialize;

use crate::error::{Error, Location, Result};
use crate::evidence::{Sources, check_report};
use crate::model::{Evidence, Report};

pub use rules::Role;
pub use score::{Score, SectionScore, score};
pub use text::{Heading, Outline};

/// The longest quote the drafter takes, in bytes: about two lines of a report. Longer sentences
/// are quoted from their start (or around the words that matter) to a word boundary.
pub const MAX_QUOTE: usize = 280;

/// A drafted record with the structure it was drafted from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    /// The record: loads, validates and passes the evidence check against the text.
    pub report: Report,
    /// Headings, section roles, contents and noise lines the drafter found.
    pub outline: Outline,
    /// Candidate items dropped because their quote could not be verified (0 in the tests).
    pub dropped: usize,
}

/// Drafts a record from the plain text `text` of a report, cited as source `name` (the file
/// name under which the text will be checked, such as `005_tilsyn.txt`).
///
/// # Errors
/// [`Error::Empty`] when the text holds no words. Any other error means the drafter built an
/// invalid record, which is a bug: the error lists the problems (please report them).
pub fn draft(name: &str, text: &str) -> Result<Draft> {
    if !text.chars().any(char::is_alphanumeric) {
        return Err(Error::Empty {
            at: Location {
                file: Some(name.into()),
                ..Location::default()
            },
            what: "text (give the plain text of a report, e.g. from `pdftotext -layout`)",
        });
    }
    let doc = text::Doc::new(text);
    let mut sources = Sources::default();
    sources.insert(name, text);
    let mut ctx = Ctx {
        doc: &doc,
        name,
        sources,
        dropped: 0,
        ids: Default::default(),
        named: vec![Vec::new(); doc.sentences.len()],
        pairs: Default::default(),
    };
    let mut report = meta::report(&mut ctx);
    services::services_and_relations(&mut ctx, &mut report);
    findings::gaps(&mut ctx, &mut report);
    lists::lists(&mut ctx, &mut report);
    conclusions::conclusions(&mut ctx, &mut report);
    followups::follow_ups(&mut ctx, &mut report);
    let mut problems = report.validate();
    problems.extend(check_report(&report, &ctx.sources));
    Error::from_list(problems)?;
    Ok(Draft {
        report,
        outline: doc.outline.clone(),
        dropped: ctx.dropped,
    })
}

/// What every drafting step needs: the analysed text, the source name, the sources to verify
/// quotes against, and the count of dropped candidates.
pub(crate) struct Ctx<'a, 't> {
    pub doc: &'a text::Doc<'t>,
    pub name: &'a str,
    pub sources: Sources,
    pub dropped: usize,
    /// Every id given so far: one namespace per report.
    pub ids: std::collections::BTreeSet<String>,
    /// For each sentence (by index), the ids of the services it names, in order.
    pub named: Vec<Vec<String>>,
    /// Relation ids and statuses by their two services (sorted), in the order drafted.
    pub pairs: std::collections::BTreeMap<(String, String), Vec<(String, crate::taxonomy::Status)>>,
}

impl Ctx<'_, '_> {
    /// A unique id from `base` (see [`unique_id`]).
    pub(crate) fn id(&mut self, base: String) -> String {
        unique_id(&mut self.ids, base)
    }

    /// Verified evidence for the text between bytes `a` and `b`, cut to [`MAX_QUOTE`] at a word
    /// boundary; `None` (and counted) when it does not verify.
    pub(crate) fn evidence(&mut self, a: usize, b: usize) -> Option<Evidence> {
        let text = self.doc.text;
        let (a, b) = quote_range(text, a, b);
        if a >= b {
            return None;
        }
        let ev = Evidence {
            source: self.name.to_string(),
            line: self.doc.line_of(a),
            quote: text[a..b].to_string(),
        };
        match self.sources.check(&ev, Location::default()) {
            Ok(()) => Some(ev),
            Err(_) => {
                self.dropped += 1;
                None
            }
        }
    }

    /// Verified evidence for a sentence, centred on the bytes `focus` of the text when the
    /// sentence is too long to quote whole.
    pub(crate) fn sentence_evidence(
        &mut self,
        s: &sentences::Sentence,
        focus: usize,
    ) -> Option<Evidence> {
        let text = self.doc.text;
        if s.end - s.start <= MAX_QUOTE || focus < s.start + MAX_QUOTE / 2 {
            return self.evidence(s.start, s.end);
        }
        // Start at a word boundary some way before the focus.
        let mut a = floor(text, focus.saturating_sub(MAX_QUOTE / 3).max(s.start));
        while a > s.start && !text[..a].ends_with(char::is_whitespace) {
            a = floor(text, a - 1);
        }
        self.evidence(a, s.end)
    }
}

/// Trims `text[a..b]` and cuts it to [`MAX_QUOTE`] bytes at white space that does not follow a
/// hyphen (a cut after "samhand-" would not match the dehyphenated text).
fn quote_range(text: &str, a: usize, b: usize) -> (usize, usize) {
    let slice = &text[a..b];
    let a = a + (slice.len() - slice.trim_start().len());
    let mut b = a + text[a..b].trim_end().len();
    if b - a > MAX_QUOTE {
        let mut cut = floor(text, a + MAX_QUOTE);
        loop {
            if cut <= a + MAX_QUOTE / 3 {
                cut = floor(text, a + MAX_QUOTE);
                // No good boundary: cut at a char boundary after a letter.
                while cut > a && !text[..cut].ends_with(char::is_alphanumeric) {
                    cut = floor(text, cut - 1);
                }
                break;
            }
            let before = &text[..cut];
            if text[cut..].starts_with(char::is_whitespace)
                && !before.trim_end().ends_with('-')
                && !before.ends_with(char::is_whitespace)
            {
                break;
            }
            cut = floor(text, cut - 1);
        }
        b = cut;
    }
    (a, b)
}

fn floor(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

static STEMMER: LazyLock<Stemmer> = LazyLock::new(|| Stemmer::create(Algorithm::Norwegian));

/// The Norwegian Snowball stem of a lowercase word (rust-stemmers).
pub(crate) fn stem(word: &str) -> String {
    STEMMER.stem(word).into_owned()
}

/// A name as a comparable key: lowercase words, each stemmed, parenthesised parts and leading
/// articles left out ("det kommunale fastlegekontoret" → "kommunal fastlegekontor").
pub(crate) fn name_key(name: &str) -> String {
    let mut depth = 0usize;
    let mut clean = String::new();
    for c in name.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => clean.extend(c.to_lowercase()),
            _ => {}
        }
    }
    clean
        .split(|c: char| !(c.is_alphanumeric() || c == '-'))
        .filter(|w| !w.is_empty() && !matches!(*w, "det" | "den" | "de" | "dei" | "eget" | "egen"))
        .map(stem)
        .collect::<Vec<_>>()
        .join(" ")
}

/// An id from a name: lowercase ASCII letters and digits joined by `-` (æ → ae, ø → o, å → a).
pub(crate) fn slug(name: &str) -> String {
    let mut out = String::new();
    for c in name.to_lowercase().chars() {
        match c {
            'æ' => out.push_str("ae"),
            'ø' | 'ö' => out.push('o'),
            'å' | 'ä' => out.push('a'),
            'é' | 'è' => out.push('e'),
            c if c.is_ascii_alphanumeric() => out.push(c),
            _ => {
                if !out.ends_with('-') && !out.is_empty() {
                    out.push('-');
                }
            }
        }
    }
    let out = out.trim_end_matches('-');
    out.chars()
        .take(48)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

/// Makes `id` unique among `taken` by appending `-2`, `-3` ...; records it as taken.
pub(crate) fn unique_id(taken: &mut std::collections::BTreeSet<String>, id: String) -> String {
    let mut candidate = id.clone();
    let mut n = 2;
    while taken.contains(&candidate) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    taken.insert(candidate.clone());
    candidate
}

/// The flat text of a sentence as a display string (original case), normalised, for summaries.
pub(crate) fn display(doc: &text::Doc<'_>, a: usize, b: usize, max_chars: usize) -> String {
    let flat: String = doc.text[a..b]
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    if flat.chars().count() <= max_chars {
        flat
    } else {
        let cut: String = flat.chars().take(max_chars).collect();
        let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(h, _)| h);
        format!("{cut} …")
    }
}
