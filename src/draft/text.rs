//! The structure of a report's plain text (pdftotext output): lines, pages, page numbers and
//! running headers (never items), the table of contents (never evidence), numbered and
//! unnumbered headings with the role of each section. The sentences of the text lines are split
//! by `sentences.rs`, each a verbatim byte range, so that every quote is a slice of the text.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::LazyLock;

use aho_corasick::{AhoCorasick, MatchKind};
use regex::Regex;
use serde::Serialize;

use super::rules::{self, Role};
use super::sentences::{Sentence, sentences};

/// The structure the drafter found in a text: what a reviewer checks first when a draft looks
/// wrong (a missed heading, a running header taken for text).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Outline {
    /// Lines in the text.
    pub lines: usize,
    /// Pages: form feeds when the text has them, else page-number lines.
    pub pages: usize,
    /// The headings, in order.
    pub headings: Vec<Heading>,
    /// Lines of the table of contents (1-based): never evidence.
    pub contents: Vec<usize>,
    /// Page numbers and running headers or footers (1-based lines): never items.
    pub noise: Vec<usize>,
}

/// A heading and the role it gives its section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Heading {
    /// The 1-based line.
    pub line: usize,
    /// The number as printed (`3.3.2`), for a numbered heading.
    pub number: Option<String>,
    /// The heading's words.
    pub text: String,
    /// Depth: 1 for a chapter.
    pub level: usize,
    /// The role its words give the section (rule `structure.role`); `None` when they say none,
    /// and the section keeps its parent's role.
    pub role: Option<Role>,
}

/// What a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineKind {
    Blank,
    Text,
    Heading,
    Contents,
    Noise,
}

/// One line of the text.
#[derive(Debug, Clone)]
pub(crate) struct Line<'t> {
    /// The line without its line end (a form feed removed).
    pub text: &'t str,
    /// Byte offset of `text` in the whole text.
    pub start: usize,
    pub kind: LineKind,
    pub role: Role,
    /// Index into `Outline::headings` of the section the line stands in.
    pub section: Option<usize>,
}

/// The analysed text.
#[derive(Debug)]
pub(crate) struct Doc<'t> {
    pub text: &'t str,
    pub lines: Vec<Line<'t>>,
    pub outline: Outline,
    pub sentences: Vec<Sentence>,
}

static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^\s*(?:[-–]\s*)?(?:(?:side|s\.|page)\s*)?\d{1,3}(?:\s*(?:av|/|of)\s*\d{1,3})?(?:\s*[-–])?\s*$").unwrap()
});
static CONTENTS_ENTRY: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*\S.*?\p{L}.*?(?:\.{2,}|…+|\t|\s)\s*\d{1,3}\s*$").unwrap());
static NUMBERED_HEADING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(\d{1,2}(?:\.\d{1,2}){0,3})\.?\s+(\p{Lu}[^\n]{1,90})$").unwrap()
});
static SECTION_MATCHER: LazyLock<AhoCorasick> = LazyLock::new(|| {
    AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .build(rules::SECTION_WORDS.iter().map(|(w, _, _)| *w))
        .unwrap()
});

/// First words of a caption, never a heading.
const CAPTIONS: &[&str] = &[
    "tabell", "figur", "kilde", "table", "figure", "note", "boks", "graf", "diagram",
];

/// Function words that end a wrapped sentence line, never a heading.
const TRAILING_FUNCTION_WORDS: &[&str] = &[
    "og", "i", "for", "av", "til", "med", "et", "en", "ein", "som", "at", "på", "om", "å", "eller",
    "er", "har", "de", "det", "den", "fra", "frå", "ved", "mot", "the", "of", "seg", "sin", "sitt",
    "ikke", "ikkje", "kan", "skal", "vil", "blir", "ble", "vert",
];

impl<'t> Doc<'t> {
    pub(crate) fn new(text: &'t str) -> Doc<'t> {
        let mut lines = split_lines(text);
        let mut outline = Outline {
            lines: lines.len(),
            ..Outline::default()
        };
        let page_of = mark_noise(&mut lines, &mut outline);
        outline.pages = page_of.last().map_or(0, |p| p + 1);
        mark_contents(&mut lines, &mut outline);
        mark_headings(&mut lines, &mut outline);
        let sentences = sentences(text, &lines);
        Doc {
            text,
            lines,
            outline,
            sentences,
        }
    }

    /// The 1-based line of byte `offset`.
    pub(crate) fn line_of(&self, offset: usize) -> usize {
        self.lines.partition_point(|l| l.start <= offset).max(1)
    }
}

fn split_lines(text: &str) -> Vec<Line<'_>> {
    let mut out = Vec::new();
    let mut start = 0;
    for piece in text.split_inclusive('\n') {
        let body = piece.trim_end_matches(['\n', '\r']);
        let kind = if body.trim().is_empty() {
            LineKind::Blank
        } else {
            LineKind::Text
        };
        out.push(Line {
            text: body,
            start,
            kind,
            role: Role::Front,
            section: None,
        });
        start += piece.len();
    }
    out
}

/// Marks page numbers and running headers as noise; returns the page of each line.
fn mark_noise(lines: &mut [Line<'_>], outline: &mut Outline) -> Vec<usize> {
    let form_feeds = lines.iter().any(|l| l.text.contains('\u{c}'));
    let mut page_of = Vec::with_capacity(lines.len());
    let mut page = 0;
    for line in lines.iter_mut() {
        if form_feeds && line.text.contains('\u{c}') && !page_of.is_empty() {
            page += 1;
        }
        page_of.push(page);
        if line.kind == LineKind::Text && PAGE_NUMBER.is_match(&line.text.replace('\u{c}', "")) {
            line.kind = LineKind::Noise;
            if !form_feeds {
                page += 1;
            }
        }
    }
    let mut pages = page + 1;
    // With neither form feeds nor page numbers, repeated lines are counted per 50-line block.
    let fallback = pages < 3;
    if fallback {
        for (i, p) in page_of.iter_mut().enumerate() {
            *p = i / 50;
        }
        pages = lines.len() / 50 + 1;
    }
    let mut seen: BTreeMap<String, BTreeSet<usize>> = BTreeMap::new();
    for (line, &p) in lines.iter().zip(&page_of) {
        if line.kind != LineKind::Text {
            continue;
        }
        let key = header_key(line.text);
        let letters = key.chars().filter(|c| c.is_alphabetic()).count();
        if letters >= 3 && key.len() <= 120 && (!fallback || key.contains(' ')) {
            seen.entry(key).or_default().insert(p);
        }
    }
    let need = if fallback {
        (pages / 3).max(4)
    } else {
        (pages / 3).max(3)
    };
    let headers: BTreeSet<&String> = seen
        .iter()
        .filter(|(_, p)| p.len() >= need)
        .map(|(k, _)| k)
        .collect();
    for line in lines.iter_mut() {
        if line.kind == LineKind::Text && headers.contains(&header_key(line.text)) {
            line.kind = LineKind::Noise;
        }
    }
    for (i, line) in lines.iter().enumerate() {
        if line.kind == LineKind::Noise {
            outline.noise.push(i + 1);
        }
    }
    page_of
}

/// A line as a running header: trimmed, lowercase, digits as `#`.
fn header_key(line: &str) -> String {
    let mut out = String::new();
    let mut last_digit = false;
    for c in line.trim().trim_start_matches('\u{c}').chars() {
        if c.is_ascii_digit() {
            if !last_digit {
                out.push('#');
            }
            last_digit = true;
        } else {
            out.extend(c.to_lowercase());
            last_digit = false;
        }
    }
    out
}

/// Rule `structure.toc`: a run of at least three lines ending in ascending page numbers, in the
/// first quarter of the text or under a contents heading, with the heading itself.
fn mark_contents(lines: &mut [Line<'_>], outline: &mut Outline) {
    let n = lines.len();
    let mut i = 0;
    while i < n {
        let heading_here = is_contents_heading(lines[i].text);
        if !(i < n / 4 + 40 || heading_here) {
            i += 1;
            continue;
        }
        // Collect a run of entries, allowing up to two other lines between them.
        let mut entries = Vec::new();
        let mut j = if heading_here { i + 1 } else { i };
        let mut gap = 0;
        let mut last_page = 0u32;
        while j < n && gap <= 2 {
            let line = &lines[j];
            if line.kind == LineKind::Blank || line.kind == LineKind::Noise {
                j += 1;
                continue;
            }
            if let Some(page) = contents_page(line.text)
                && page >= last_page
            {
                entries.push(j);
                last_page = page;
                gap = 0;
            } else {
                if entries.is_empty() && !heading_here {
                    break;
                }
                gap += 1;
            }
            j += 1;
        }
        if entries.len() >= 3 {
            let first = if heading_here { i } else { entries[0] };
            let last = *entries.last().unwrap_or(&first);
            for line in &mut lines[first..=last] {
                if line.kind != LineKind::Blank {
                    line.kind = LineKind::Contents;
                }
            }
            i = last + 1;
        } else {
            i += 1;
        }
    }
    for (i, line) in lines.iter().enumerate() {
        if line.kind == LineKind::Contents {
            outline.contents.push(i + 1);
        }
    }
}

fn is_contents_heading(line: &str) -> bool {
    let t = line.trim().trim_start_matches('\u{c}').to_lowercase();
    rules::TOC_WORDS.contains(&t.as_str())
}

fn contents_page(line: &str) -> Option<u32> {
    if !CONTENTS_ENTRY.is_match(line) || line.trim_end().ends_with(['.', ',']) {
        return None;
    }
    let digits: String = line
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit())
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    digits.parse().ok()
}

/// The role the words of a heading give, with whether they start a chapter.
pub(crate) fn heading_role(text: &str) -> Option<(Role, bool)> {
    let lower = text.to_lowercase();
    let first = lower.split_whitespace().next().unwrap_or("");
    if CAPTIONS.contains(&first.trim_end_matches([':', '.'])) {
        return None;
    }
    let mut best: Option<(usize, Role, bool)> = None;
    for m in SECTION_MATCHER.find_iter(&lower) {
        let (word, role, top) = rules::SECTION_WORDS[m.pattern().as_usize()];
        // Whole words at the start; a word may be the start of a compound ("anbefalinger").
        let before_ok = lower[..m.start()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphabetic());
        if !before_ok || (word.chars().count() <= 6 && !word_ends(&lower, m.end())) {
            continue;
        }
        // The role word opens the heading ("Vedlegg 2", "Revisjonens vurdering"): the first
        // word for a chapter word, one of the first two otherwise.
        let position = lower[..m.start()].split_whitespace().count();
        if position > usize::from(!top) {
            continue;
        }
        // A contents heading is only that: "Innhold", not "Oversikt over innhold".
        if role == Role::Contents && !rules::TOC_WORDS.contains(&lower.trim()) {
            continue;
        }
        let rank = rules::SECTION_WORDS
            .iter()
            .position(|(w, _, _)| *w == word)
            .unwrap_or(usize::MAX);
        if best.is_none_or(|(r, _, _)| rank < r) {
            best = Some((rank, role, top));
        }
    }
    best.map(|(_, role, top)| (role, top))
}

fn word_ends(text: &str, at: usize) -> bool {
    text[at..].chars().next().is_none_or(|c| !c.is_alphabetic())
}

/// Rule `structure.heading`: numbered headings whose number continues the outline (so a
/// footnote or a list item is not taken for one), and short unnumbered lines that are a section
/// word ("Revisjonens vurdering", "SAMMENDRAG", "Vedlegg 1: Høringsuttalelse").
fn mark_headings(lines: &mut [Line<'_>], outline: &mut Outline) {
    let mut path: Vec<u32> = Vec::new();
    let mut stack: Vec<(usize, Option<Role>)> = Vec::new();
    let mut started = false;
    let mut prev_text: Option<&str> = None;
    let listed = numbered_runs(lines);
    for i in 0..lines.len() {
        let kind = lines[i].kind;
        if kind == LineKind::Text {
            let text = lines[i].text.trim().trim_start_matches('\u{c}').trim();
            // A chapter word alone on its line after a blank line ("Sammendrag" after the
            // tilsyn template's "Kontaktperson i virksomheten: ..." block) opens a chapter even
            // when the line before does not end a sentence.
            let alone = i > 0
                && lines[i - 1].kind == LineKind::Blank
                && rules::SECTION_WORDS
                    .iter()
                    .any(|(w, _, top)| *top && text.to_lowercase() == *w);
            // "Vedlegg 1: Uttale frå kommunedirektøren" after a blank line: an appendix opens,
            // even after a list item printed without a final period.
            let appendix = i > 0 && lines[i - 1].kind == LineKind::Blank && {
                let lower = text.to_lowercase();
                rules::APPENDIX_WORDS.iter().any(|w| {
                    lower.strip_prefix(w).is_some_and(|rest| {
                        rest.trim_start().starts_with(|c: char| c.is_ascii_digit())
                    })
                })
            };
            let boundary = prev_text.is_none_or(ends_sentence) || alone || appendix;
            let heading = (!listed[i])
                .then(|| numbered_heading(text, &path))
                .flatten()
                .map(|(parts, number, words)| {
                    path = parts;
                    (Some(number), words.to_string(), path.len())
                })
                .or_else(|| {
                    let (_, top) = heading_role(text)?;
                    unnumbered_heading(text, boundary).then(|| {
                        let level = if top { 1 } else { path.len() + 1 };
                        (None, text.to_string(), level)
                    })
                });
            if let Some((number, words, level)) = heading {
                let role = heading_role(&words).map(|(r, _)| r);
                while stack.last().is_some_and(|(l, _)| *l >= level) {
                    stack.pop();
                }
                stack.push((level, role));
                started |= number.is_some() || role.is_some();
                lines[i].kind = LineKind::Heading;
                outline.headings.push(Heading {
                    line: i + 1,
                    number,
                    text: words,
                    level,
                    role,
                });
            }
            prev_text = Some(text);
        } else if kind == LineKind::Contents {
            prev_text = None;
        }
        let role = stack
            .iter()
            .rev()
            .find_map(|(_, r)| *r)
            .unwrap_or(if started { Role::Findings } else { Role::Front });
        lines[i].role = if lines[i].kind == LineKind::Contents {
            Role::Contents
        } else {
            role
        };
        lines[i].section = outline.headings.len().checked_sub(1);
    }
}

/// Lines that open with a number directly followed by a line with the next number ("2 DPS ...",
/// "3 ARA ...": footnotes; a short numbered list): never headings.
fn numbered_runs(lines: &[Line<'_>]) -> Vec<bool> {
    let numbers: Vec<Option<Vec<u32>>> = lines
        .iter()
        .map(|l| {
            let c = NUMBERED_HEADING.captures(l.text.trim_start_matches('\u{c}'))?;
            Some(c[1].split('.').filter_map(|p| p.parse().ok()).collect())
        })
        .collect();
    let text_lines: Vec<usize> = (0..lines.len())
        .filter(|&i| lines[i].kind == LineKind::Text)
        .collect();
    let mut out = vec![false; lines.len()];
    for (k, &i) in text_lines.iter().enumerate() {
        let Some(p) = &numbers[i] else { continue };
        for &j in text_lines.iter().skip(k + 1).take(1) {
            if let Some(q) = &numbers[j]
                && q.len() == p.len()
                && q[..q.len() - 1] == p[..p.len() - 1]
                && q[q.len() - 1] == p[p.len() - 1] + 1
                && j - i <= 3
            {
                out[i] = true;
                out[j] = true;
            }
        }
    }
    out
}

fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .ends_with(['.', ':', '!', '?', ')', '»', '"'])
        || text.trim().len() < 50
}

fn numbered_heading<'a>(text: &'a str, path: &[u32]) -> Option<(Vec<u32>, String, &'a str)> {
    let caps = NUMBERED_HEADING.captures(text)?;
    let number = caps.get(1)?.as_str();
    let words = caps.get(2)?.as_str().trim();
    if words.len() > 90
        || words.split_whitespace().count() > 12
        || words.ends_with(['.', ',', ';', ':', '?', '!'])
    {
        return None;
    }
    let last_word = words.split_whitespace().next_back().unwrap_or("");
    if TRAILING_FUNCTION_WORDS.contains(&last_word) && words.split_whitespace().count() > 6 {
        return None;
    }
    let dotted = caps.get(0)?.as_str().trim_start()[number.len()..].starts_with('.');
    if dotted && !number.contains('.') && words.split_whitespace().count() > 6 {
        // "4. Kommunen bør sikre ...": a list item, not a chapter.
        return None;
    }
    let parts: Vec<u32> = number.split('.').filter_map(|p| p.parse().ok()).collect();
    // The first chapter may be 2 or 3 when the text starts late, if it reads like a heading.
    let late_start = path.is_empty()
        && parts.len() == 1
        && parts[0] <= 3
        && !dotted
        && words.split_whitespace().count() <= 6;
    if parts.is_empty() || !(continues(path, &parts) || late_start) {
        return None;
    }
    Some((parts, number.to_string(), words))
}

/// True when `parts` is the next sibling (or one skipped), a first child, or the next sibling
/// of an ancestor of `path`.
fn continues(path: &[u32], parts: &[u32]) -> bool {
    let n = parts.len();
    if path.is_empty() {
        return n == 1 && parts[0] == 1;
    }
    if n > path.len() + 1 {
        return false;
    }
    // The first section of the next chapter, when the chapter heading itself was missed.
    if n == 2 && parts[0] == path[0] + 1 && parts[1] == 1 {
        return true;
    }
    if parts[..n - 1] != path[..n - 1] {
        return false;
    }
    let prev = path.get(n - 1).copied().unwrap_or(0);
    parts[n - 1] == prev + 1 || (parts[n - 1] == prev + 2 && n == 1)
}

fn unnumbered_heading(text: &str, boundary: bool) -> bool {
    let words = text.split_whitespace().count();
    boundary
        && !text.contains('\t')
        && (2..=70).contains(&text.chars().count())
        && words <= 7
        && !text.ends_with(['.', ',', ';', ':', '?', '!'])
        && text.chars().next().is_some_and(|c| c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings_follow_the_outline() {
        assert!(continues(&[3, 3, 1], &[3, 3, 2]));
        assert!(continues(&[3, 3, 1], &[3, 4]));
        assert!(continues(&[3, 3, 1], &[4]));
        assert!(continues(&[3, 3, 1], &[3, 3, 1, 1]));
        assert!(!continues(&[3, 3, 1], &[12]));
        // The first section of the next chapter, its chapter heading missed; not the second.
        assert!(continues(&[3, 3, 1], &[4, 1]));
        assert!(!continues(&[3, 3, 1], &[4, 2]));
    }

    #[test]
    fn a_chapter_word_alone_after_a_blank_line_is_a_heading() {
        let text = "Kontaktperson i virksomheten: Kari Hansen, bydelsdirektør ved bydelen\n\n\
                    Sammendrag\n\nDet ble avdekket to lovbrudd.\n";
        let doc = Doc::new(text);
        let roles: Vec<(usize, Option<Role>)> = doc
            .outline
            .headings
            .iter()
            .map(|h| (h.line, h.role))
            .collect();
        assert_eq!(roles, [(3, Some(Role::Summary))]);
        // Run on from a line that does not end a sentence, it is a word of the sentence.
        let text = "Kontaktperson i virksomheten: Kari Hansen, bydelsdirektør ved bydelen\n\
                    Sammendrag\n\nDet ble avdekket to lovbrudd.\n";
        assert!(Doc::new(text).outline.headings.is_empty());
    }
}
