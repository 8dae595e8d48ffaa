//! Legal references: [`LegalRef`] parses the ways the reports cite a law section ("hol § 7-3",
//! "§ 3-4 i helse- og omsorgstjenesteloven", "spesialisthelsetjenesteloven § 2-1 e",
//! "helse- og omsorgstenestelova § 7-1", "kommuneloven kapittel 10 A") into law + section
//! (+ letter, + ledd), which compare equal however they were written: bokmål or nynorsk,
//! abbreviated or in full, or broken over a line as printed ("helse- og omsorgstjeneste- loven
//! § 12-3").
//!
//! A reference to a law the table does not know is still read, as [`Law::Other`] with the name
//! as written, and [`crate::Report::warnings`] names it: the record needs no change to the
//! crate, and the unknown name is never silent. A reference that is not a reference at all (no
//! `§` or chapter, no law named, a malformed section) is an error that says what form to write.
//!
//! Two short names stand for two laws each, and the section number tells them apart:
//! "sosialtjenesteloven" is the 2009 act on social services in NAV (sections `§ 15`, `§ 27`), or
//! the repealed 1991 act (sections by chapter, `§ 4-3`); "kommuneloven" is the 2018 act
//! (`§ 25-1`, chapter 30) or the repealed 1992 act (`§ 60 b`, chapter 10 A).

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

mod laws;

use laws::LAW_NAMES;
pub use laws::Law;

/// Ordinal words for a ledd, bokmål first (the canonical form uses the first word of a number),
/// then nynorsk forms.
const ORDINALS: &[(&str, u8)] = &[
    ("første", 1),
    ("andre", 2),
    ("tredje", 3),
    ("fjerde", 4),
    ("femte", 5),
    ("sjette", 6),
    ("sjuende", 7),
    ("åttende", 8),
    ("niende", 9),
    ("tiende", 10),
    ("annet", 2),
    ("syvende", 7),
    ("fyrste", 1),
    ("sjuande", 7),
    ("åttande", 8),
    ("niande", 9),
    ("tiande", 10),
];

/// A parsed reference to one section (or chapter) of a law: law + section (+ letter, + ledd,
/// + number).
///
/// Two references are equal when they name the same law, section, letter, ledd and number,
/// however they were written. The text as written is kept and is what serialises, so a record
/// round-trips unchanged.
///
/// # Example
/// ```
/// use samhandling::LegalRef;
/// use samhandling::legal::Law;
///
/// let short: LegalRef = "hol § 3-4 første ledd".parse()?;
/// let long: LegalRef = "§ 3-4 første ledd i helse- og omsorgstjenesteloven".parse()?;
/// let nynorsk: LegalRef = "helse- og omsorgstenestelova § 3-4 første ledd".parse()?;
/// assert_eq!(short, long);
/// assert_eq!(short, nynorsk);
/// assert_eq!(long.to_string(), "hol § 3-4 første ledd");
/// assert_eq!(long.text(), "§ 3-4 første ledd i helse- og omsorgstjenesteloven");
/// // Broken over a line as printed.
/// let broken: LegalRef = "helse- og omsorgstjeneste- loven § 12-3".parse()?;
/// assert_eq!(broken.to_string(), "hol § 12-3");
/// // A chapter, and a law the table does not know (kept, and named by Report::warnings).
/// assert_eq!("kommuneloven kapittel 10 A".parse::<LegalRef>()?.to_string(), "kl_1992 kapittel 10 A");
/// let other: LegalRef = "tannhelsetjenesteloven § 1-3".parse()?;
/// assert_eq!(other.law, Law::Other("tannhelsetjenesteloven".into()));
/// assert!("§ 7-3".parse::<LegalRef>().is_err());
/// # Ok::<(), samhandling::legal::LegalRefError>(())
/// ```
#[derive(Debug, Clone)]
pub struct LegalRef {
    /// The law or regulation.
    pub law: Law,
    /// The section number as the law numbers it (`7-3`, `15`, `2-1`), or the chapter number
    /// when `chapter` is true (`10`, `30`).
    pub section: String,
    /// A letter after the section (`e` in "§ 2-1 e", `f` in "§ 8f", "bokstav f"), or after the
    /// chapter (`a` in "kapittel 10 A").
    pub letter: Option<char>,
    /// The ledd (paragraph), 1-based: 1 for "første ledd".
    pub ledd: Option<u8>,
    /// The numbered item of a list in the section: 6 for "nr. 6".
    pub number: Option<u16>,
    /// True for a reference to a whole chapter ("kommuneloven kapittel 10 A").
    pub chapter: bool,
    text: String,
}

/// A legal reference that could not be parsed. The message says what form is expected.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("cannot read legal reference `{input}`: {reason}")]
pub struct LegalRefError {
    /// The text given.
    pub input: String,
    /// What is wrong and what to write instead.
    pub reason: String,
}

type Key<'a> = (
    &'a Law,
    bool,
    &'a str,
    Option<char>,
    Option<u8>,
    Option<u16>,
);

impl LegalRef {
    /// The text as written in the record.
    pub fn text(&self) -> &str {
        &self.text
    }

    /// True when the law is one the table knows (not [`Law::Other`]).
    pub fn is_known(&self) -> bool {
        !matches!(self.law, Law::Other(_))
    }

    fn key(&self) -> Key<'_> {
        (
            &self.law,
            self.chapter,
            &self.section,
            self.letter,
            self.ledd,
            self.number,
        )
    }
}

impl PartialEq for LegalRef {
    fn eq(&self, other: &Self) -> bool {
        self.key() == other.key()
    }
}
impl Eq for LegalRef {}
impl Hash for LegalRef {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.key().hash(state)
    }
}
impl PartialOrd for LegalRef {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for LegalRef {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key().cmp(&other.key())
    }
}

/// The canonical form: `hol § 2-1 e andre ledd`, `hol § 3-2 første ledd nr. 6 b`,
/// `kl_1992 kapittel 10 A`.
impl fmt::Display for LegalRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.chapter {
            write!(f, "{} kapittel {}", self.law, self.section)?;
            if let Some(letter) = self.letter {
                write!(f, " {}", letter.to_ascii_uppercase())?;
            }
            return Ok(());
        }
        write!(f, "{} § {}", self.law, self.section)?;
        let ledd = self.ledd.map(|n| {
            ORDINALS
                .iter()
                .find(|(_, m)| *m == n)
                .map_or_else(|| format!("{n}. ledd"), |(w, _)| format!("{w} ledd"))
        });
        match self.number {
            None => {
                if let Some(letter) = self.letter {
                    write!(f, " {letter}")?;
                }
                if let Some(ledd) = ledd {
                    write!(f, " {ledd}")?;
                }
            }
            Some(number) => {
                if let Some(ledd) = ledd {
                    write!(f, " {ledd}")?;
                }
                write!(f, " nr. {number}")?;
                if let Some(letter) = self.letter {
                    write!(f, " {letter}")?;
                }
            }
        }
        Ok(())
    }
}

impl FromStr for LegalRef {
    type Err = LegalRefError;

    fn from_str(input: &str) -> Result<LegalRef, LegalRefError> {
        let fail = |reason: &str| LegalRefError {
            input: input.to_string(),
            reason: reason.to_string(),
        };
        let text = normalise(input);
        if text.contains("§§") {
            return Err(fail(
                "name one section per reference (write `hol § 4-1` and `hol § 4-2`, not `§§ 4-1 og 4-2`)",
            ));
        }
        let (before, after, chapter) = if let Some((before, after)) = text.split_once('§') {
            (before.to_string(), after.to_string(), false)
        } else if let Some((before, after)) = split_chapter(&text) {
            (before, after, true)
        } else {
            return Err(fail(
                "no `§` or chapter; write `<law> § <section>` (`hol § 7-3`) or `<law> kapittel <n>` (`kommuneloven kapittel 10 A`)",
            ));
        };
        let (law_name, rest) = law_and_rest(&before, &after).ok_or_else(|| {
            fail(if chapter {
                "no law named; write `kommuneloven kapittel 10 A` or `kapittel 10 A i kommuneloven`"
            } else {
                "no law named; write `hol § 7-3` or `§ 7-3 i helse- og omsorgstjenesteloven`"
            })
        })?;
        if !law_name.chars().any(char::is_alphabetic) {
            return Err(fail(&format!(
                "`{law_name}` is not the name of a law; write `hol § 7-3` or `§ 7-3 i helse- og omsorgstjenesteloven`"
            )));
        }
        let law = parse_law(law_name);
        let mut parsed = if chapter {
            let (section, letter) = parse_chapter(rest).map_err(|reason| fail(&reason))?;
            LegalRef {
                law,
                section,
                letter,
                ledd: None,
                number: None,
                chapter,
                text: input.to_string(),
            }
        } else {
            let (section, letter, ledd, number) =
                parse_section(rest).map_err(|reason| fail(&reason))?;
            LegalRef {
                law,
                section,
                letter,
                ledd,
                number,
                chapter,
                text: input.to_string(),
            }
        };
        parsed.law = by_numbering(&parsed);
        Ok(parsed)
    }
}

/// Runs of white space collapsed, and a word broken over a line as printed joined again
/// ("omsorgstjeneste- loven" → "omsorgstjenesteloven", "§ 12- 3" → "§ 12-3"); a hyphen before
/// "og", "eller" or "samt" ("helse- og omsorgstjenesteloven"), or before a capital, is a real one
/// and stays.
fn normalise(input: &str) -> String {
    let tokens: Vec<&str> = input.split_whitespace().collect();
    let mut words: Vec<String> = Vec::with_capacity(tokens.len());
    let mut i = 0;
    while i < tokens.len() {
        let mut word = tokens[i].to_string();
        while word.len() > 1 && word.ends_with('-') && i + 1 < tokens.len() {
            let next = tokens[i + 1];
            let digit = next.starts_with(|c: char| c.is_ascii_digit());
            let continues = (digit || next.starts_with(char::is_lowercase))
                && !matches!(next, "og" | "eller" | "samt");
            if !continues {
                break;
            }
            if !digit {
                word.pop();
            }
            word.push_str(next);
            i += 1;
        }
        words.push(word);
        i += 1;
    }
    words.join(" ")
}

/// Splits `<law> kapittel <rest>` or `kapittel <rest> i <law>` at the chapter word.
fn split_chapter(text: &str) -> Option<(String, String)> {
    let tokens: Vec<&str> = text.split(' ').collect();
    let at = tokens.iter().position(|t| {
        matches!(
            t.to_lowercase().as_str(),
            "kapittel" | "kapitel" | "kap." | "kap"
        )
    })?;
    Some((tokens[..at].join(" "), tokens[at + 1..].join(" ")))
}

/// The law's name and the part after `§` or the chapter word, for both orders: `hol § 7-3` and
/// `§ 7-3 i hol`. `None` when no law is named.
fn law_and_rest<'a>(before: &'a str, after: &'a str) -> Option<(&'a str, &'a str)> {
    let before = strip_lead(before.trim());
    if before.is_empty() {
        let (rest, law) = after.split_once(" i ")?;
        let law = law.trim();
        (!law.is_empty()).then_some((law, rest.trim()))
    } else {
        Some((before, after.trim()))
    }
}

/// Leading words that introduce a reference: "jf.", "jfr.", "etter", "se".
fn strip_lead(name: &str) -> &str {
    if ["jf.", "jf", "jfr.", "jfr", "etter", "se"]
        .iter()
        .any(|lead| name.eq_ignore_ascii_case(lead))
    {
        return "";
    }
    for lead in ["jf. ", "jfr. ", "jf ", "etter ", "se "] {
        let n = lead.len();
        if name.len() >= n && name.as_bytes()[..n].eq_ignore_ascii_case(lead.as_bytes()) {
            // The first `n` bytes are ASCII, so `n` is a character boundary.
            return name[n..].trim_start();
        }
    }
    name
}

/// The law a name stands for: a name of the table, else the name without a trailing "m.m." or
/// "mv.", else the short name in brackets ("lov om ... (helse- og omsorgstjenesteloven)"), else
/// [`Law::Other`] with the name lowercased.
fn parse_law(name: &str) -> Law {
    let name = name
        .trim()
        .trim_end_matches([',', ':'])
        .trim_end_matches('.')
        .to_lowercase();
    let lookup = |n: &str| {
        LAW_NAMES
            .iter()
            .find(|(known, _)| *known == n)
            .map(|(_, law)| law.clone())
    };
    if let Some(law) = lookup(&name) {
        return law;
    }
    let with_dot = format!("{name}.");
    if let Some(law) = lookup(&with_dot) {
        return law;
    }
    for suffix in [" m.m", " mm", " mv", " m.v", " m.fl"] {
        if let Some(law) = name.strip_suffix(suffix).and_then(lookup) {
            return law;
        }
    }
    if let Some((outer, inner)) = name.strip_suffix(')').and_then(|n| n.rsplit_once('(')) {
        if let Some(law) = lookup(inner.trim()) {
            return law;
        }
        let outer = outer.trim();
        if let Some(law) = lookup(outer) {
            return law;
        }
    }
    Law::Other(name)
}

/// The repealed act where the section's numbering shows it: a chapter-numbered section of
/// "sosialtjenesteloven" is the 1991 act (the 2009 act numbers its sections 1 to 52); a plain
/// section, or chapter 10 A, of "kommuneloven" is the 1992 act (the 2018 act numbers every
/// section by chapter, `§ 25-1`).
fn by_numbering(r: &LegalRef) -> Law {
    let by_chapter = r.section.contains('-');
    match r.law {
        Law::Stjl if !r.chapter && by_chapter => Law::Stjl1991,
        Law::Kl if !r.chapter && !by_chapter => Law::Kl1992,
        Law::Kl if r.chapter && r.letter.is_some() => Law::Kl1992,
        _ => r.law.clone(),
    }
}

/// Reads `10`, `10 A`, `10A`, `30`.
fn parse_chapter(rest: &str) -> Result<(String, Option<char>), String> {
    let mut tokens = rest.split(' ').filter(|t| !t.is_empty());
    let first = tokens.next().ok_or("no chapter number after `kapittel`")?;
    let digits_end = first
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(first.len());
    let (number, tail) = first.split_at(digits_end);
    if number.is_empty() {
        return Err(format!(
            "`{first}` is not a chapter number like `10 A` or `30`"
        ));
    }
    let mut letter = single_letter(&tail.to_lowercase())
        .map_err(|_| format!("`{first}` is not a chapter number like `10 A` or `30`"))?;
    if let Some(token) = tokens.next() {
        if letter.is_some() {
            return Err(format!(
                "unexpected `{token}`; write `<law> kapittel <n> [letter]`"
            ));
        }
        letter = single_letter(&token.to_lowercase())?;
    }
    if let Some(token) = tokens.next() {
        return Err(format!(
            "unexpected `{token}`; write `<law> kapittel <n> [letter]`"
        ));
    }
    Ok((number.to_string(), letter))
}

type Section = (String, Option<char>, Option<u8>, Option<u16>);

/// Reads `7-3`, `2-1 e`, `8f`, `8 bokstav d`, `3-4 første ledd`, `3-1 3. ledd`,
/// `3-2 første ledd nr. 6 bokstav b`.
fn parse_section(rest: &str) -> Result<Section, String> {
    let shape = "write `<law> § <section> [letter] [<n>. ledd] [nr. <n>]`";
    let mut tokens = rest.split(' ').filter(|t| !t.is_empty()).peekable();
    let first = tokens.next().ok_or("no section number after `§`")?;
    let digits_end = first
        .find(|c: char| !(c.is_ascii_digit() || c == '-'))
        .unwrap_or(first.len());
    let (section, tail) = first.split_at(digits_end);
    let well_formed = {
        let parts: Vec<&str> = section.split('-').collect();
        parts.len() <= 2 && parts.iter().all(|p| !p.is_empty())
    };
    if !well_formed {
        return Err(format!(
            "`{first}` is not a section number like `7-3` or `15`"
        ));
    }
    let mut letter = single_letter(tail)
        .map_err(|_| format!("`{first}` is not a section number like `7-3` or `15`"))?;
    let mut ledd = None;
    let mut number = None;
    while let Some(token) = tokens.next() {
        if token == "bokstav" || token == "bokstavene" {
            let l = tokens.next().ok_or("`bokstav` without a letter")?;
            letter = Some(single_letter(l)?.ok_or("`bokstav` without a letter")?);
        } else if token == "nr." || token == "nr" {
            let n = tokens.next().ok_or("`nr.` without a number")?;
            number = Some(
                n.trim_end_matches([',', '.'])
                    .parse()
                    .map_err(|_| format!("`nr. {n}` is not a number; {shape}"))?,
            );
        } else if tokens.peek() == Some(&"ledd") {
            tokens.next();
            let n = ORDINALS
                .iter()
                .find(|(w, _)| *w == token)
                .map(|&(_, n)| n)
                .or_else(|| token.trim_end_matches('.').parse().ok())
                .ok_or_else(|| {
                    format!("`{token} ledd` is not a ledd; write `første ledd`, `andre ledd` ...")
                })?;
            ledd = Some(n);
        } else if letter.is_none() {
            letter = Some(single_letter(token)?.ok_or("empty letter")?);
        } else {
            return Err(format!("unexpected `{token}`; {shape}"));
        }
    }
    Ok((section.to_string(), letter, ledd, number))
}

fn single_letter(s: &str) -> Result<Option<char>, String> {
    let s = s.trim_end_matches([',', '.', ')']).trim_start_matches('(');
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Ok(None),
        (Some(c), None) if c.is_ascii_lowercase() => Ok(Some(c)),
        _ => Err(format!(
            "unexpected `{s}`; write `<law> § <section> [letter] [<n>. ledd] [nr. <n>]`"
        )),
    }
}

/// A legal reference is a string in JSON (`hol § 7-3`), and so in the JSON Schema.
impl schemars::JsonSchema for LegalRef {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "LegalRef".into()
    }

    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "A reference to a law section as written: `helse- og omsorgstjenesteloven § 7-3`, `hol § 7-3 første ledd`."
        })
    }
}

impl serde::Serialize for LegalRef {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.text)
    }
}

impl<'de> serde::Deserialize<'de> for LegalRef {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}
