//! Sentences and list items of the text lines (not headings, contents or noise): verbatim
//! byte ranges with the line each begins on, and the lowercase, normalised text the rules match.

use std::sync::LazyLock;

use regex::Regex;

use super::rules::{self, Role};
use super::text::{Line, LineKind};

/// A list item's marker: `3.`, `3)`, `b)`, or a bullet.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Marker {
    Number(String),
    Letter(char),
    Bullet,
}

/// A sentence (or a list item's first sentence): a verbatim byte range of the text.
#[derive(Debug, Clone)]
pub(crate) struct Sentence {
    pub start: usize,
    pub end: usize,
    /// 1-based line where it begins.
    pub line: usize,
    pub role: Role,
    pub section: Option<usize>,
    /// The list marker, when the sentence opens a list item (the marker is inside the range).
    pub marker: Option<Marker>,
    /// Lowercase text with white space and line-end hyphenation normalised.
    pub flat: String,
    /// `map[i]`: the byte of the text where byte `i` of `flat` came from.
    pub map: Vec<usize>,
}

impl Sentence {
    /// Whether the sentence opens a point of a list of the first level: numbered, lettered or
    /// bulleted, not a point under one.
    pub(crate) fn opens_point(&self, text: &str) -> bool {
        self.marker.is_some() && !self.opens_sub_point(text)
    }

    /// Whether the sentence opens a point of a list under a point: pdftotext prints a word
    /// processor's second-level bullet as the letter `o` ("o Tjenestene er ...").
    pub(crate) fn opens_sub_point(&self, text: &str) -> bool {
        self.marker.is_some() && SUB_BULLET.is_match(&text[self.start..self.end])
    }

    /// The byte of the text at byte `i` of `flat` (the end of the sentence for `flat.len()`).
    pub(crate) fn raw(&self, i: usize) -> usize {
        self.map.get(i).copied().unwrap_or(self.end)
    }
}

static LIST_MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-–•▪●◦*\u{2022}\u{E000}-\u{F8FF}]\s*)?(?:(\d{1,2})[.)]|\((\d{1,2})\)|([a-hA-H])[.)]|\(([a-h])\))\s+\S").unwrap()
});
/// A footnote ("12 Helsedirektoratet. Veileder ...") or a web address opening a line: it starts
/// a unit of its own, so it is never glued to the sentence it interrupts.
static FOOTNOTE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:\d{1,3}\s+\p{Lu}|https?://|www\.)").unwrap());
/// A bullet: a dash, a bullet sign or a private-use symbol font glyph, or the letter `o` that
/// pdftotext prints for a word processor's second-level bullet ("o Tjenestene er ...").
static BULLET: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:[-–•▪●◦*\u{2022}\u{E000}-\u{F8FF}]\s*\S|o\s+\p{Lu})").unwrap()
});
/// A second-level bullet as pdftotext prints it: "o Tjenestene er ...".
static SUB_BULLET: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^\s*o\s+\p{Lu}").unwrap());

/// Splits the text lines (not headings, contents or noise) into sentences and list items.
pub(crate) fn sentences(text: &str, lines: &[Line<'_>]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if lines[i].kind != LineKind::Text {
            i += 1;
            continue;
        }
        // A block: text lines and blank lines, up to the next heading, contents or noise line.
        let mut j = i;
        while j < lines.len() && matches!(lines[j].kind, LineKind::Text | LineKind::Blank) {
            j += 1;
        }
        // Units: split at list-item starts.
        let mut unit_start = i;
        for k in i..=j {
            let starts_item = k < j
                && k > unit_start
                && lines[k].kind == LineKind::Text
                && (marker(lines[k].text).is_some() || FOOTNOTE.is_match(lines[k].text));
            if k == j || starts_item {
                unit(text, lines, unit_start, k, &mut out);
                unit_start = k;
            }
        }
        i = j;
    }
    out
}

/// The list marker a line opens with.
pub(crate) fn marker(line: &str) -> Option<Marker> {
    if let Some(c) = LIST_MARKER.captures(line) {
        if let Some(n) = c.get(1).or(c.get(2)) {
            return Some(Marker::Number(n.as_str().to_string()));
        }
        if let Some(l) = c.get(3).or(c.get(4)) {
            return l
                .as_str()
                .chars()
                .next()
                .map(|c| Marker::Letter(c.to_ascii_lowercase()));
        }
    }
    BULLET.is_match(line).then_some(Marker::Bullet)
}

fn unit(text: &str, lines: &[Line<'_>], from: usize, to: usize, out: &mut Vec<Sentence>) {
    let Some(first) = (from..to).find(|&k| lines[k].kind == LineKind::Text) else {
        return;
    };
    let last = (from..to)
        .rev()
        .find(|&k| lines[k].kind == LineKind::Text)
        .unwrap_or(first);
    let start = lines[first].start;
    let end = lines[last].start + lines[last].text.len();
    let item = marker(lines[first].text);
    let role = lines[first].role;
    let section = lines[first].section;
    let body = &text[start..end];
    let mut s = 0;
    let mut first_sentence = true;
    for cut in sentence_ends(body).into_iter().chain([body.len()]) {
        let piece = &body[s..cut];
        if !piece.trim().is_empty() {
            let lead = piece.len() - piece.trim_start().len();
            let a = start + s + lead;
            let b = start + s + piece.trim_end().len();
            let line = lines.partition_point(|l| l.start <= a).max(1);
            let (flat, map) = flatten(text, a, b);
            out.push(Sentence {
                start: a,
                end: b,
                line,
                role: lines.get(line - 1).map_or(role, |l| l.role),
                section,
                marker: if first_sentence { item.clone() } else { None },
                flat,
                map,
            });
            first_sentence = false;
        }
        s = cut;
    }
}

/// Byte offsets (in `body`) just after each sentence end: `.`, `!` or `?` (with a closing quote
/// or bracket) followed by white space and a capital, unless the word before is an
/// abbreviation or a single letter or number.
fn sentence_ends(body: &str) -> Vec<usize> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = body.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        // A lead-in's colon ends its sentence where a blank line follows ("... følgende
        // lovbrudd:" and, after a blank line, the finding).
        let lead_in = c == ':' && {
            let rest = &body[i + 1..];
            let gap = &rest[..rest.len() - rest.trim_start().len()];
            gap.matches('\n').count() >= 2
        };
        if matches!(c, '.' | '!' | '?') || lead_in {
            let mut e = k + 1;
            while e < chars.len() && matches!(chars[e].1, '»' | '"' | ')' | '”') {
                e += 1;
            }
            let mut w = e;
            while w < chars.len() && chars[w].1.is_whitespace() {
                w += 1;
            }
            let capital_next =
                w > e && w < chars.len() && (chars[w].1.is_uppercase() || chars[w].1 == '«');
            if capital_next && (c != '.' || !abbreviation(&body[..i])) {
                out.push(chars.get(e).map_or(body.len(), |x| x.0));
                k = w;
                continue;
            }
        }
        k += 1;
    }
    out
}

fn abbreviation(before: &str) -> bool {
    let word: String = before
        .chars()
        .rev()
        .take_while(|c| !c.is_whitespace() && *c != '(')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .collect();
    let lower = word.to_lowercase();
    word.chars().count() <= 1
        // An ordinal ("12. mars"), not a year ending a sentence ("i mars 2021. Nav ...").
        || (word.chars().all(|c| c.is_ascii_digit()) && word.len() <= 3)
        || rules::ABBREVIATIONS.contains(&lower.as_str())
}

/// Lowercases `text[a..b]` and normalises white space and line-end hyphenation as
/// [`crate::evidence`] does; returns the flat text and, for each of its bytes, the byte of the
/// text it came from.
pub(crate) fn flatten(text: &str, a: usize, b: usize) -> (String, Vec<usize>) {
    let mut out = String::with_capacity(b - a);
    let mut map = Vec::with_capacity(b - a);
    let mut pending: Option<usize> = None;
    for (i, c) in text[a..b].char_indices() {
        let at = a + i;
        if c == '\u{ad}' {
            continue;
        }
        if c.is_whitespace() {
            if !out.is_empty() && pending.is_none() {
                pending = Some(at);
            }
            continue;
        }
        if let Some(space) = pending.take() {
            if crate::evidence::joins_hyphen(&out, &text[at..b]) {
                out.pop();
                map.pop();
            } else {
                out.push(' ');
                map.push(space);
            }
        }
        let lower: String = c.to_lowercase().collect();
        let push = if lower.len() == c.len_utf8() {
            lower
        } else {
            c.to_string()
        };
        map.extend(std::iter::repeat_n(at, push.len()));
        out.push_str(&push);
    }
    (out, map)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_capitals_not_abbreviations() {
        let body = "Dette gjelder bl.a. NAV. Revisjonen mener jf. Hol § 3-1. Neste.";
        let ends = sentence_ends(body);
        assert_eq!(ends.len(), 2, "{ends:?}");
        // An ordinal before a capital does not end the sentence; a year does.
        assert!(sentence_ends("Møtet var 12. Mars i fjor.").is_empty());
        assert_eq!(
            sentence_ends("Vedtatt i mars 2021. Nav har møter.").len(),
            1
        );
    }

    #[test]
    fn flatten_joins_hyphenated_lines() {
        let t = "Samhand-\nling med\n\nNAV";
        let (flat, map) = flatten(t, 0, t.len());
        assert_eq!(flat, "samhandling med nav");
        assert_eq!(map[flat.find("nav").unwrap()], t.find("NAV").unwrap());
        let t = "Psykisk helse-\nog rustjenesten";
        assert_eq!(flatten(t, 0, t.len()).0, "psykisk helse- og rustjenesten");
    }
}
