//! The codebook: every gap category with labels, a definition and a verified example quote; the
//! CSV table and the REFI-QDA `.qdc` read back.

use std::collections::{BTreeMap, BTreeSet};

use samhandling::codebook::{self, Origin};
use samhandling::evidence::Sources;
use samhandling::taxonomy::{GapCategory, ServiceKind, Vocabulary};
use samhandling::{Evidence, Location, ReportId};

fn sources() -> Sources {
    let mut sources = Sources::bundled();
    sources.insert(
        "eikvik-2018.txt",
        include_str!("../fixtures/tilsyn/eikvik-2018.txt"),
    );
    sources
}

#[test]
fn every_category_has_labels_a_definition_and_a_verified_example() {
    let entries = codebook::entries();
    let categories: Vec<GapCategory> = entries.iter().map(|e| e.category).collect();
    assert_eq!(
        categories,
        GapCategory::ALL,
        "one entry per category, in order"
    );
    let sources = sources();
    let at = Location::new(&ReportId::from("codebook"), "");
    for e in entries {
        let word = e.category.word();
        assert!(!e.category.norwegian().is_empty() && !e.category.english().is_empty());
        assert!(
            !e.definition.contains('\n') && e.definition.ends_with('.'),
            "{word}: one line"
        );
        assert!(e.definition.len() > 30, "{word}: a real definition");
        assert_eq!(
            e.cues.is_empty(),
            e.category == GapCategory::Other,
            "{word}"
        );
        let evidence = Evidence {
            source: e.example.source.to_string(),
            line: e.example.line,
            quote: e.example.quote.to_string(),
        };
        sources
            .check(&evidence, at.clone())
            .unwrap_or_else(|err| panic!("{word}: {err}"));
        // A hand-written illustration only where no bundled report states such a gap.
        let fixture = e.example.source == "eikvik-2018.txt";
        assert_eq!(
            fixture,
            e.example.document.contains("not a real report"),
            "{word}"
        );
        if fixture {
            assert_eq!(e.origin, Origin::Tilsyn, "{word}");
        }
    }
}

#[test]
fn the_origin_column_marks_where_the_old_categories_end() {
    let by_origin = |o: Origin| -> Vec<&str> {
        codebook::entries()
            .iter()
            .filter(|e| e.origin == o)
            .map(|e| e.category.word())
            .collect()
    };
    assert_eq!(
        by_origin(Origin::Seeds),
        [
            "internal_control",
            "decision_practice",
            "system_collaboration",
            "low_threshold"
        ]
    );
    assert_eq!(
        by_origin(Origin::Tilsyn),
        [
            "documentation",
            "crisis_plan",
            "consent",
            "individual_coordination",
            "treatment_adequacy",
            "somatic_health",
            "daily_living",
            "financial_help",
            "service_evaluation"
        ]
    );
    assert_eq!(by_origin(Origin::Design).len(), 22);
}

#[test]
fn the_csv_table_reads_back_with_every_category() {
    let mut out = Vec::new();
    codebook::csv(&mut out).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    let header: Vec<String> = reader
        .headers()
        .unwrap()
        .iter()
        .map(str::to_string)
        .collect();
    assert_eq!(
        header,
        [
            "category",
            "norwegian",
            "english",
            "origin",
            "definition",
            "cues",
            "example_quote",
            "example_source",
            "example_line",
            "example_document"
        ]
    );
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), GapCategory::ALL.len());
    for (row, e) in rows.iter().zip(codebook::entries()) {
        assert_eq!(&row[0], e.category.word());
        assert_eq!(&row[6], e.example.quote, "quotes with commas survive");
        assert_eq!(row[8].parse::<usize>().unwrap(), e.example.line);
    }
    let mut again = Vec::new();
    codebook::csv(&mut again).unwrap();
    assert_eq!(out, again, "deterministic");
}

/// The `.qdc` against the structure of the REFI-QDA Codebook schema (`Codebook.xsd`, namespace
/// `urn:QDA-XML:codebook:1.0`): element names and order, required attributes, the GUID and RGB
/// patterns, and member codes that point at codes.
#[test]
fn the_qdc_codebook_follows_the_refi_qda_schema() {
    let mut out = Vec::new();
    codebook::qdc(&mut out).unwrap();
    let xml = String::from_utf8(out.clone()).unwrap();
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let ns = "urn:QDA-XML:codebook:1.0";
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "CodeBook");
    assert_eq!(root.tag_name().namespace(), Some(ns));
    let children: Vec<&str> = root
        .children()
        .filter(|n| n.is_element())
        .map(|n| n.tag_name().name())
        .collect();
    assert_eq!(children, ["Codes", "Sets"]);

    // The schema's elements, and each one's allowed attributes (required ones first).
    let allowed: BTreeMap<&str, (&[&str], &[&str])> = BTreeMap::from([
        ("CodeBook", (&[][..], &["origin"][..])),
        ("Codes", (&[][..], &[][..])),
        ("Code", (&["guid", "name", "isCodable"][..], &["color"][..])),
        ("Description", (&[][..], &[][..])),
        ("Sets", (&[][..], &[][..])),
        ("Set", (&["guid", "name"][..], &[][..])),
        ("MemberCode", (&["targetGUID"][..], &[][..])),
    ]);
    let is_guid = |s: &str| {
        let parts: Vec<&str> = s.split('-').collect();
        parts.iter().map(|p| p.len()).collect::<Vec<_>>() == [8, 4, 4, 4, 12]
            && s.chars().all(|c| c == '-' || c.is_ascii_hexdigit())
            && s == s.to_uppercase()
    };
    let mut guids = BTreeSet::new();
    for node in doc.descendants().filter(|n| n.is_element()) {
        let name = node.tag_name().name();
        assert_eq!(node.tag_name().namespace(), Some(ns), "{name}");
        let (required, optional) = allowed
            .get(name)
            .unwrap_or_else(|| panic!("element {name} is not in the schema"));
        for attr in node.attributes() {
            assert!(
                required.contains(&attr.name()) || optional.contains(&attr.name()),
                "{name}@{}",
                attr.name()
            );
        }
        for attr in *required {
            assert!(node.has_attribute(*attr), "{name} needs {attr}");
        }
        if let Some(guid) = node.attribute("guid") {
            assert!(is_guid(guid), "{guid}");
            assert!(guids.insert(guid.to_string()), "duplicate guid {guid}");
        }
        if let Some(colour) = node.attribute("color") {
            assert!(
                colour.len() == 7
                    && colour.starts_with('#')
                    && colour[1..].chars().all(|c| c.is_ascii_hexdigit()),
                "{colour}"
            );
        }
        if let Some(codable) = node.attribute("isCodable") {
            assert!(codable == "true" || codable == "false");
        }
        // Description comes first in a Code and a Set, as the schema's sequence says.
        if name == "Code" || name == "Set" {
            let first = node.children().find(|n| n.is_element()).unwrap();
            assert_eq!(first.tag_name().name(), "Description", "{name}");
        }
    }

    // Two groups, each a non-codable parent holding every category or kind.
    let codes = root
        .children()
        .find(|n| n.has_tag_name((ns, "Codes")))
        .unwrap();
    let groups: Vec<roxmltree::Node> = codes.children().filter(|n| n.is_element()).collect();
    assert_eq!(groups.len(), 2);
    let names = |group: &roxmltree::Node| -> Vec<String> {
        assert_eq!(group.attribute("isCodable"), Some("false"));
        group
            .children()
            .filter(|n| n.has_tag_name((ns, "Code")))
            .map(|n| {
                assert_eq!(n.attribute("isCodable"), Some("true"));
                n.attribute("name").unwrap().to_string()
            })
            .collect()
    };
    let words = |all: Vec<&str>| all.into_iter().map(String::from).collect::<Vec<_>>();
    assert_eq!(
        names(&groups[0]),
        words(GapCategory::ALL.iter().map(|c| c.word()).collect())
    );
    assert_eq!(
        names(&groups[1]),
        words(ServiceKind::ALL.iter().map(|k| k.word()).collect())
    );
    // Every set member names a code.
    let code_guids: BTreeSet<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((ns, "Code")))
        .filter_map(|n| n.attribute("guid"))
        .collect();
    let members: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name((ns, "MemberCode")))
        .map(|n| n.attribute("targetGUID").unwrap())
        .collect();
    assert_eq!(
        members.len(),
        GapCategory::ALL.len() + ServiceKind::ALL.len()
    );
    assert!(members.iter().all(|m| code_guids.contains(m)));

    // Stable: the same bytes every time, and a GUID fixed once and for all (a re-imported
    // codebook must update the codes a project holds, not add new ones).
    let mut again = Vec::new();
    codebook::qdc(&mut again).unwrap();
    assert_eq!(out, again);
    assert_eq!(
        codebook::guid("gap_category", "crisis_plan").to_string(),
        STABLE_CRISIS_PLAN_GUID
    );
    // Written in upper case, as ATLAS.ti and other exporters write GUIDs.
    assert!(xml.contains(&format!(
        r#"guid="{}" name="crisis_plan""#,
        STABLE_CRISIS_PLAN_GUID.to_uppercase()
    )));
}

/// The GUID of `crisis_plan`, as first published (Python agrees: `uuid5(uuid5(NAMESPACE_URL,
/// "https://crates.io/crates/samhandling/codebook"), "gap_category:crisis_plan")`); it must
/// never change.
const STABLE_CRISIS_PLAN_GUID: &str = "7c219bfc-6acd-5528-a598-f208d6061f36";

/// docs/CODEBOOK.md shows the codebook as the code holds it: every category's row with its
/// labels, origin, definition and example quote.
#[test]
fn the_codebook_page_is_current() {
    let page = include_str!("../../docs/CODEBOOK.md");
    for e in codebook::entries() {
        let word = e.category.word();
        let row = page
            .lines()
            .find(|l| l.starts_with(&format!("| `{word}` |")))
            .unwrap_or_else(|| panic!("docs/CODEBOOK.md has no row for {word}"));
        for cell in [
            e.category.norwegian(),
            e.category.english(),
            e.origin.word(),
            e.definition,
            e.example.quote,
        ] {
            assert!(row.contains(cell), "{word}: the row lacks `{cell}`");
        }
    }
}
