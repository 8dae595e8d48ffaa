//! Legal references: [`LegalRef`] parses the ways the reports cite a law section ("hol § 7-3",
//! "§ 3-4 i helse- og omsorgstjenesteloven", "spesialisthelsetjenesteloven § 2-1 e") into
//! law + section (+ letter, + ledd), which compare equal however they were written.
//!
//! An unknown law or form is an error, never silently kept as text: a reference that does not
//! parse cannot be compared, so it must be fixed or the law added here.

use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::str::FromStr;

use crate::taxonomy::Vocabulary;

macro_rules! laws {
    ($( $(#[$m:meta])* $variant:ident = $word:literal, $no:literal, $en:literal, [$($alias:literal),*]; )+) => {
        /// A law or regulation the reports cite. Its word (`Display`) is the abbreviation used in
        /// the canonical form of a [`LegalRef`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        #[non_exhaustive]
        pub enum Law {
            $( $(#[$m])* $variant, )+
        }

        impl Vocabulary for Law {
            const NAME: &'static str = "law";
            const ALL: &'static [Law] = &[$(Law::$variant),+];
            fn word(self) -> &'static str { match self { $(Law::$variant => $word,)+ } }
            fn norwegian(self) -> &'static str { match self { $(Law::$variant => $no,)+ } }
            fn english(self) -> &'static str { match self { $(Law::$variant => $en,)+ } }
        }

        /// Every way of naming a law that the parser accepts, lowercase.
        const LAW_NAMES: &[(&str, Law)] = &[ $( ($word, Law::$variant), $( ($alias, Law::$variant), )* )+ ];
    };
}

laws! {
    /// Helse- og omsorgstjenesteloven.
    Hol = "hol", "helse- og omsorgstjenesteloven", "Municipal Health and Care Services Act",
        ["helse- og omsorgstjenesteloven", "helse og omsorgstjenesteloven", "hotjl", "lov om kommunale helse- og omsorgstjenester"];
    /// Pasient- og brukerrettighetsloven.
    Pbrl = "pbrl", "pasient- og brukerrettighetsloven", "Patients' and Users' Rights Act",
        ["pasient- og brukerrettighetsloven", "pasientrettighetsloven", "pasrl"];
    /// Lov om sosiale tjenester i NAV (sosialtjenesteloven).
    Stjl = "stjl", "sosialtjenesteloven", "Social Services Act",
        ["sosialtjenesteloven", "lov om sosiale tjenester i nav", "sotjl", "stl"];
    /// Spesialisthelsetjenesteloven.
    Shtl = "shtl", "spesialisthelsetjenesteloven", "Specialist Health Services Act",
        ["spesialisthelsetjenesteloven", "sphlsl"];
    /// Psykisk helsevernloven.
    Phvl = "phvl", "psykisk helsevernloven", "Mental Health Care Act",
        ["psykisk helsevernloven", "psykisk helsevernlov"];
    /// Helsepersonelloven.
    Hpl = "hpl", "helsepersonelloven", "Health Personnel Act",
        ["helsepersonelloven", "lov om helsepersonell"];
    /// Forvaltningsloven.
    Fvl = "fvl", "forvaltningsloven", "Public Administration Act", ["forvaltningsloven"];
    /// Kommuneloven.
    Kl = "kl", "kommuneloven", "Local Government Act", ["kommuneloven"];
    /// Boligsosialloven (2023).
    Bsl = "bsl", "boligsosialloven", "Social Housing Act", ["boligsosialloven"];
    /// Folkehelseloven.
    Fhl = "fhl", "folkehelseloven", "Public Health Act", ["folkehelseloven"];
    /// Plan- og bygningsloven.
    Pbl = "pbl", "plan- og bygningsloven", "Planning and Building Act", ["plan- og bygningsloven"];
    /// Helseregisterloven.
    Hrl = "hrl", "helseregisterloven", "Health Registry Act", ["helseregisterloven"];
    /// Barnevernsloven.
    Bvl = "bvl", "barnevernsloven", "Child Welfare Act", ["barnevernsloven", "barnevernloven"];
    /// Forskrift om habilitering og rehabilitering, individuell plan og koordinator.
    ForskriftHabRehab = "forskrift_hab_rehab", "forskrift om habilitering og rehabilitering", "Regulation on habilitation, rehabilitation, individual plan and coordinator",
        ["forskrift om habilitering og rehabilitering", "forskrift om habilitering og rehabilitering, individuell plan og koordinator", "forskrift hab/rehab", "rehabiliteringsforskriften"];
    /// Forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten.
    ForskriftLedelseKvalitet = "forskrift_ledelse_kvalitet", "forskrift om ledelse og kvalitetsforbedring", "Regulation on management and quality improvement",
        ["forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenesten", "forskrift om ledelse og kvalitetsforbedring i helse- og omsorgstjenestene", "forskrift om ledelse og kvalitetsforbedring", "forskrift ledelse/kvalitet"];
    /// Forskrift om individuell plan (2004), replaced in 2012 by the hab/rehab regulation.
    ForskriftIndividuellPlan = "forskrift_individuell_plan", "forskrift om individuell plan", "Regulation on individual plans (2004)",
        ["forskrift om individuell plan"];
    /// Kvalitetsforskriften: forskrift om kvalitet i pleie- og omsorgstjenestene.
    Kvalitetsforskriften = "kvalitetsforskriften", "kvalitetsforskriften", "Regulation on quality in care services",
        ["forskrift om kvalitet i pleie- og omsorgstjenestene"];
}

impl fmt::Display for Law {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.word())
    }
}

const ORDINALS: &[(&str, u8)] = &[
    ("første", 1),
    ("andre", 2),
    ("annet", 2),
    ("tredje", 3),
    ("fjerde", 4),
    ("femte", 5),
    ("sjette", 6),
    ("sjuende", 7),
    ("syvende", 7),
];

/// A parsed reference to one section of a law: law + section (+ letter, + ledd).
///
/// Two references are equal when they name the same law, section, letter and ledd, however they
/// were written. The text as written is kept and is what serialises, so a record round-trips
/// unchanged.
///
/// # Example
/// ```
/// use samhandling::LegalRef;
///
/// let short: LegalRef = "hol § 3-4 første ledd".parse()?;
/// let long: LegalRef = "§ 3-4 første ledd i helse- og omsorgstjenesteloven".parse()?;
/// assert_eq!(short, long);
/// assert_eq!(long.to_string(), "hol § 3-4 første ledd");
/// assert_eq!(long.text(), "§ 3-4 første ledd i helse- og omsorgstjenesteloven");
/// assert!("tannhelseloven § 1".parse::<LegalRef>().is_err());
/// # Ok::<(), samhandling::legal::LegalRefError>(())
/// ```
#[derive(Debug, Clone)]
pub struct LegalRef {
    /// The law or regulation.
    pub law: Law,
    /// The section number as the law numbers it: `7-3`, `15`, `2-1`.
    pub section: String,
    /// A letter after the section: `e` in "§ 2-1 e", `f` in "§ 8f", "bokstav f".
    pub letter: Option<char>,
    /// The ledd (paragraph), 1-based: 1 for "første ledd".
    pub ledd: Option<u8>,
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

impl LegalRef {
    /// The text as written in the record.
    pub fn text(&self) -> &str {
        &self.text
    }

    fn key(&self) -> (Law, &str, Option<char>, Option<u8>) {
        (self.law, &self.section, self.letter, self.ledd)
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

/// The canonical form: `hol § 2-1 e andre ledd`.
impl fmt::Display for LegalRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} § {}", self.law, self.section)?;
        if let Some(letter) = self.letter {
            write!(f, " {letter}")?;
        }
        if let Some(ledd) = self.ledd {
            let word = ORDINALS
                .iter()
                .find(|(_, n)| *n == ledd)
                .map_or("?", |(w, _)| w);
            write!(f, " {word} ledd")?;
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
        let text = input.split_whitespace().collect::<Vec<_>>().join(" ");
        if text.contains("§§") {
            return Err(fail(
                "name one section per reference (write `hol § 4-1` and `hol § 4-2`, not `§§ 4-1 og 4-2`)",
            ));
        }
        let Some((before, after)) = text.split_once('§') else {
            return Err(fail("no `§`; write `<law> § <section>`, e.g. `hol § 7-3`"));
        };
        let (law_name, rest) = if before.trim().is_empty() {
            match after.split_once(" i ") {
                Some((rest, law)) => (law.trim(), rest.trim()),
                None => {
                    return Err(fail(
                        "no law named; write `hol § 7-3` or `§ 7-3 i helse- og omsorgstjenesteloven`",
                    ));
                }
            }
        } else {
            (before.trim(), after.trim())
        };
        let law = parse_law(law_name).ok_or_else(|| {
            fail(&format!(
                "unknown law `{law_name}`; known: {}",
                Law::ALL
                    .iter()
                    .map(|l| l.norwegian())
                    .collect::<Vec<_>>()
                    .join(", ")
            ))
        })?;
        let (section, letter, ledd) = parse_section(rest).map_err(|reason| fail(&reason))?;
        Ok(LegalRef {
            law,
            section,
            letter,
            ledd,
            text: input.to_string(),
        })
    }
}

fn parse_law(name: &str) -> Option<Law> {
    let name = name.trim_end_matches([',', '.']).to_lowercase();
    LAW_NAMES
        .iter()
        .find(|(n, _)| *n == name)
        .map(|&(_, law)| law)
}

/// Reads `7-3`, `2-1 e`, `8f`, `8 bokstav d`, `3-4 første ledd`, `3-1 3. ledd`.
fn parse_section(rest: &str) -> Result<(String, Option<char>, Option<u8>), String> {
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
    while let Some(token) = tokens.next() {
        if token == "bokstav" || token == "bokstavene" {
            let l = tokens.next().ok_or("`bokstav` without a letter")?;
            letter = Some(single_letter(l)?.ok_or("`bokstav` without a letter")?);
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
            return Err(format!(
                "unexpected `{token}`; write `<law> § <section> [letter] [<n>. ledd]`"
            ));
        }
    }
    Ok((section.to_string(), letter, ledd))
}

fn single_letter(s: &str) -> Result<Option<char>, String> {
    let s = s.trim_end_matches([',', '.', ')']).trim_start_matches('(');
    let mut chars = s.chars();
    match (chars.next(), chars.next()) {
        (None, _) => Ok(None),
        (Some(c), None) if c.is_ascii_lowercase() => Ok(Some(c)),
        _ => Err(format!(
            "unexpected `{s}`; write `<law> § <section> [letter] [<n>. ledd]`"
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
