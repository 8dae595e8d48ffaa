//! The codebook's exports: a CSV table ([`csv()`]) and a REFI-QDA codebook ([`qdc()`]).

use std::io::Write;

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesText, Event};
use serde::Serialize;
use uuid::Uuid;

use super::{ENTRIES, Origin};
use crate::error::{Error, Result};
use crate::taxonomy::{ServiceKind, Vocabulary};

/// One row of the codebook table: each column defined once, here.
#[derive(Serialize)]
struct Row<'a> {
    category: &'a str,
    norwegian: &'a str,
    english: &'a str,
    origin: &'a str,
    definition: &'a str,
    cues: &'a str,
    example_quote: &'a str,
    example_source: &'a str,
    example_line: usize,
    example_document: &'a str,
}

/// Writes the codebook as CSV (UTF-8, comma-separated, a header row), one row per category in
/// the order of [`crate::taxonomy::GapCategory::ALL`]: `category`, `norwegian`, `english`, `origin` (`design`,
/// `seeds`, `tilsyn`), `definition`, `cues`, `example_quote`, `example_source`, `example_line`,
/// `example_document`.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
pub fn csv<W: Write>(writer: W) -> Result<()> {
    let fail = |e: csv::Error| Error::Export {
        what: "codebook",
        message: e.to_string(),
    };
    let mut w = csv::Writer::from_writer(writer);
    for e in ENTRIES {
        w.serialize(Row {
            category: e.category.word(),
            norwegian: e.category.norwegian(),
            english: e.category.english(),
            origin: e.origin.word(),
            definition: e.definition,
            cues: e.cues,
            example_quote: e.example.quote,
            example_source: e.example.source,
            example_line: e.example.line,
            example_document: e.example.document,
        })
        .map_err(fail)?;
    }
    w.flush().map_err(|e| fail(e.into()))
}

/// The namespace of the codebook's name-based (v5) UUIDs: the same word always gets the same
/// GUID, so a re-imported codebook updates the codes a project already holds.
fn namespace() -> Uuid {
    Uuid::new_v5(
        &Uuid::NAMESPACE_URL,
        b"https://crates.io/crates/samhandling/codebook",
    )
}

/// The GUID of a code: a v5 UUID of `group:word` (`gap_category:crisis_plan`,
/// `service_kind:nav`, `group:gap_category`). The `.qdc` writes it in upper case, as ATLAS.ti and
/// other REFI-QDA exporters do.
pub fn guid(group: &str, word: &str) -> Uuid {
    Uuid::new_v5(&namespace(), format!("{group}:{word}").as_bytes())
}

/// The colour of a code in CAQDAS tools: gap categories by origin, service kinds one colour.
fn colour(origin: Option<Origin>) -> &'static str {
    match origin {
        Some(Origin::Design) => "#1F77B4",
        Some(Origin::Seeds) => "#2CA02C",
        Some(Origin::Tilsyn) => "#FF7F0E",
        None => "#9467BD",
    }
}

struct Code {
    guid: Uuid,
    name: String,
    colour: &'static str,
    description: String,
}

fn gap_codes() -> Vec<Code> {
    ENTRIES
        .iter()
        .map(|e| Code {
            guid: guid("gap_category", e.category.word()),
            name: e.category.word().to_string(),
            colour: colour(Some(e.origin)),
            description: format!(
                "{} / {}. {} Cues: {}. Example ({}, {}:{}): \"{}\" Origin: {}.",
                e.category.norwegian(),
                e.category.english(),
                e.definition,
                if e.cues.is_empty() { "none" } else { e.cues },
                e.example.document,
                e.example.source,
                e.example.line,
                e.example.quote,
                e.origin.word()
            ),
        })
        .collect()
}

fn kind_codes() -> Vec<Code> {
    ServiceKind::ALL
        .iter()
        .map(|k| Code {
            guid: guid("service_kind", k.word()),
            name: k.word().to_string(),
            colour: colour(None),
            description: format!("{} / {}.", k.norwegian(), k.english()),
        })
        .collect()
}

/// Writes the codebook as a REFI-QDA codebook (`.qdc`, namespace `urn:QDA-XML:codebook:1.0`):
/// two code groups, each a parent code that is not codable, holding one codable code per gap
/// category and per service kind, and the same two groups as `Sets` (ATLAS.ti's code groups).
/// Each code has a stable `guid` (a v5 UUID of its word, [`guid`]), its JSON word as `name`, a
/// `color`, and a `Description` with the labels, definition, cues and example.
///
/// # Errors
/// [`Error::Export`] when the writer fails.
///
/// # Example
/// ```
/// let mut xml = Vec::new();
/// samhandling::codebook::qdc(&mut xml)?;
/// let xml = String::from_utf8(xml).unwrap();
/// assert!(xml.contains(r#"<CodeBook xmlns="urn:QDA-XML:codebook:1.0""#));
/// assert!(xml.contains(r#"name="crisis_plan" isCodable="true""#));
/// # Ok::<(), samhandling::Error>(())
/// ```
pub fn qdc<W: Write>(writer: W) -> Result<()> {
    let groups = [
        (
            "gap_category",
            "gap categories",
            "Coordination gap categories of the samhandling report format (docs/CODEBOOK.md).",
            gap_codes(),
        ),
        (
            "service_kind",
            "service kinds",
            "Canonical kinds of services, units and actors of the samhandling report format.",
            kind_codes(),
        ),
    ];
    let mut w = Writer::new_with_indent(writer, b' ', 2);
    let origin = format!("samhandling {}", env!("CARGO_PKG_VERSION"));
    let written = (|| -> std::io::Result<()> {
        w.write_event(Event::Decl(BytesDecl::new("1.0", Some("utf-8"), None)))?;
        w.create_element("CodeBook")
            .with_attribute(("xmlns", "urn:QDA-XML:codebook:1.0"))
            .with_attribute(("origin", origin.as_str()))
            .write_inner_content(|w| {
                w.create_element("Codes").write_inner_content(|w| {
                    for (group, name, description, codes) in &groups {
                        let parent = guid("group", group).hyphenated().to_string().to_uppercase();
                        w.create_element("Code")
                            .with_attribute(("guid", parent.as_str()))
                            .with_attribute(("name", *name))
                            .with_attribute(("isCodable", "false"))
                            .write_inner_content(|w| {
                                w.create_element("Description")
                                    .write_text_content(BytesText::new(description))?;
                                for code in codes {
                                    let id = code.guid.hyphenated().to_string().to_uppercase();
                                    w.create_element("Code")
                                        .with_attribute(("guid", id.as_str()))
                                        .with_attribute(("name", code.name.as_str()))
                                        .with_attribute(("isCodable", "true"))
                                        .with_attribute(("color", code.colour))
                                        .write_inner_content(|w| {
                                            w.create_element("Description").write_text_content(
                                                BytesText::new(&code.description),
                                            )?;
                                            Ok(())
                                        })?;
                                }
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
                w.create_element("Sets").write_inner_content(|w| {
                    for (group, name, description, codes) in &groups {
                        let set = guid("set", group).hyphenated().to_string().to_uppercase();
                        w.create_element("Set")
                            .with_attribute(("guid", set.as_str()))
                            .with_attribute(("name", *name))
                            .write_inner_content(|w| {
                                w.create_element("Description")
                                    .write_text_content(BytesText::new(description))?;
                                for code in codes {
                                    let id = code.guid.hyphenated().to_string().to_uppercase();
                                    w.create_element("MemberCode")
                                        .with_attribute(("targetGUID", id.as_str()))
                                        .write_empty()?;
                                }
                                Ok(())
                            })?;
                    }
                    Ok(())
                })?;
                Ok(())
            })?;
        w.get_mut().write_all(b"\n")
    })();
    written.map_err(|e| Error::Export {
        what: "codebook (qdc)",
        message: e.to_string(),
    })
}
