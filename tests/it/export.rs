//! Exports read back as the tools on the other side read them: GraphML with an XML parser,
//! node-link JSON with the keys NetworkX reads by default, DOT checked for legibility (and
//! rendered by Graphviz where it is installed), every CSV table with the csv crate against its
//! datapackage.json, the heatmap as XML, and the JSON Schema with an independent validator.

use std::collections::BTreeSet;

use samhandling::compare::KeyMode;
use samhandling::export::{self, CsvFormat, LABEL_WIDTH, Network, Table};
use samhandling::{Corpus, Report};

fn corpus() -> Corpus {
    Corpus::bundled().unwrap()
}

fn graphml_text(network: &Network<'_>) -> String {
    let mut out = Vec::new();
    export::graphml(&mut out, network).unwrap();
    String::from_utf8(out).unwrap()
}

fn dot_text(network: &Network<'_>) -> String {
    let mut out = Vec::new();
    export::dot(&mut out, network).unwrap();
    String::from_utf8(out).unwrap()
}

/// Every JSON value inside `v`, `v` included.
fn values(v: &serde_json::Value) -> Vec<&serde_json::Value> {
    let mut out = vec![v];
    match v {
        serde_json::Value::Array(a) => out.extend(a.iter().flat_map(values)),
        serde_json::Value::Object(o) => out.extend(o.values().flat_map(values)),
        _ => {}
    }
    out
}

#[test]
fn node_link_has_the_networkx_default_keys_and_no_nulls() {
    let corpus = corpus();
    for report in &corpus {
        for network in [Network::services(report), Network::kinds(report)] {
            let json = export::node_link(&network);
            let keys: Vec<&String> = json.as_object().unwrap().keys().collect();
            assert_eq!(
                keys,
                ["directed", "edges", "graph", "multigraph", "nodes"],
                "{}",
                report.id
            );
            assert_eq!(json["multigraph"], true);
            assert!(
                values(&json).iter().all(|v| !v.is_null()),
                "{}: a null",
                report.id
            );
            let nodes = json["nodes"].as_array().unwrap();
            let ids: BTreeSet<&str> = nodes.iter().map(|n| n["id"].as_str().unwrap()).collect();
            assert_eq!(ids.len(), nodes.len(), "node ids unique");
            let edges = json["edges"].as_array().unwrap();
            if !network.is_kind_level() {
                assert_eq!(edges.len(), report.relations.len());
            }
            for e in edges {
                assert!(ids.contains(e["source"].as_str().unwrap()));
                assert!(ids.contains(e["target"].as_str().unwrap()));
                assert!(e["key"].is_string() && e["weight"].is_f64());
                assert!(e.get("evidence_source").is_some());
            }
            assert_eq!(json["graph"]["report"], report.id.as_str());
        }
    }
    let vestby = corpus.get("vestby-2025").unwrap();
    let json = export::node_link(&Network::services(vestby));
    assert_eq!(json["graph"]["year"], 2025);
    assert_eq!(json["graph"]["municipalities"], "Vestby");
    // The node metrics are the structure's, typed.
    let structure = samhandling::graph::structure(vestby);
    assert!(!structure.brokers.is_empty());
    let node = |id: &str| {
        json["nodes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|n| n["id"] == id)
            .unwrap()
            .clone()
    };
    for (id, b) in &structure.betweenness {
        let n = node(id);
        assert_eq!(n["betweenness"].as_f64(), Some(*b), "{id}");
        assert_eq!(
            n["broker"].as_bool(),
            Some(structure.brokers.contains(id)),
            "{id}"
        );
        assert_eq!(
            n["articulation_point"].as_bool(),
            Some(structure.articulation_points.contains(id)),
            "{id}"
        );
        assert!(n["degree"].is_u64());
    }
    for (id, _) in &structure.absent_services {
        assert!(
            node(id).get("betweenness").is_none(),
            "no metric on {id}, which does not exist"
        );
    }
    let phr = node("phr");
    assert_eq!(phr["label"], "Enhet for psykisk helse og rus");
}

#[test]
fn graphml_has_typed_metric_keys_labels_weights_and_one_name_per_attribute() {
    let corpus = corpus();
    let vestby = corpus.get("vestby-2025").unwrap();
    let network = Network::services(vestby);
    let text = graphml_text(&network);
    let doc = roxmltree::Document::parse(&text).unwrap();
    let key_type = |name: &str, target: &str| {
        doc.descendants()
            .find(|k| {
                k.has_tag_name("key")
                    && k.attribute("attr.name") == Some(name)
                    && k.attribute("for") == Some(target)
            })
            .and_then(|k| k.attribute("attr.type"))
            .unwrap_or_else(|| panic!("a {target} key {name}"))
    };
    assert_eq!(key_type("betweenness", "node"), "double");
    assert_eq!(key_type("degree", "node"), "int");
    for flag in ["articulation_point", "broker", "isolated"] {
        assert_eq!(key_type(flag, "node"), "boolean");
    }
    assert_eq!(key_type("weight", "edge"), "double");
    assert_eq!(key_type("label", "node"), "string");
    assert_eq!(key_type("year", "graph"), "int");
    let names: Vec<&str> = doc
        .descendants()
        .filter(|k| k.has_tag_name("key"))
        .filter_map(|k| k.attribute("attr.name"))
        .collect();
    assert!(
        !names.contains(&"source"),
        "the evidence file is evidence_source"
    );
    let graph = doc.descendants().find(|n| n.has_tag_name("graph")).unwrap();
    assert_eq!(graph.attribute("edgedefault"), Some("undirected"));
    let data = |n: &roxmltree::Node, key: &str| {
        n.children()
            .find(|c| c.has_tag_name("data") && c.attribute("key") == Some(key))
            .and_then(|c| c.text())
            .map(str::to_string)
    };
    let nodes: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("node"))
        .collect();
    assert_eq!(nodes.len(), vestby.services.len());
    for node in &nodes {
        let service = vestby.service(node.attribute("id").unwrap()).unwrap();
        assert_eq!(
            data(node, "n_label").as_deref(),
            Some(service.name.as_str()),
            "Norwegian letters intact"
        );
    }
    let phr = nodes
        .iter()
        .find(|n| n.attribute("id") == Some("phr"))
        .unwrap();
    assert_eq!(data(phr, "n_broker").as_deref(), Some("true"));
    let edges = doc.descendants().filter(|n| n.has_tag_name("edge")).count();
    assert_eq!(edges, vestby.relations.len());

    // The same attribute names in GraphML, node-link and CSV.
    let json = export::node_link(&network);
    let mut json_names: BTreeSet<String> = BTreeSet::new();
    for n in json["nodes"].as_array().unwrap() {
        json_names.extend(n.as_object().unwrap().keys().cloned());
    }
    let graphml_names: BTreeSet<String> = doc
        .descendants()
        .filter(|k| k.has_tag_name("key") && k.attribute("for") == Some("node"))
        .map(|k| k.attribute("attr.name").unwrap().to_string())
        .collect();
    let mut csv = Vec::new();
    export::nodes_csv(&mut csv, &network).unwrap();
    let csv_names: BTreeSet<String> = csv::Reader::from_reader(&csv[..])
        .headers()
        .unwrap()
        .iter()
        .map(String::from)
        .collect();
    json_names.remove("id");
    let mut csv_only = csv_names.clone();
    csv_only.remove("id");
    assert_eq!(json_names, graphml_names);
    assert_eq!(csv_only, graphml_names);
}

/// A record whose names, ids and sources hold characters XML 1.0 forbids and a NUL.
fn hostile() -> Report {
    let mut report = Report::from_json_str(crate::EXAMPLE).unwrap();
    let bad = "\u{1}\u{ffff}\u{0}x<&\"\u{1b}[31m\u{fffe}";
    report.title = Some(format!("title {bad}"));
    report.services[0].name = format!("name {bad}");
    report.services[1].id = "dup\u{1}".into();
    report.services[2].id = "dup\u{2}".into();
    report.relations[0].id = format!("rel{bad}");
    report.relations[0].evidence[0].source = format!("file{bad}.txt");
    report
}

#[test]
fn graphml_and_dot_stay_valid_on_forbidden_characters() {
    let report = hostile();
    for network in [Network::services(&report), Network::kinds(&report)] {
        let text = graphml_text(&network);
        let doc = roxmltree::Document::parse(&text).expect("GraphML is XML");
        let ids: BTreeSet<&str> = doc
            .descendants()
            .filter(|n| n.has_tag_name("node"))
            .filter_map(|n| n.attribute("id"))
            .collect();
        assert_eq!(
            ids.len(),
            network.graph().graph().node_count(),
            "ids stay distinct"
        );
        let dot = dot_text(&network);
        assert!(!dot.contains('\0'), "no NUL in DOT");
        assert!(
            dot.lines().all(|l| l
                .replace("\\\\", "")
                .replace("\\\"", "")
                .matches('"')
                .count()
                % 2
                == 0),
            "quotes balance on every line"
        );
        assert!(serde_json::to_string(&export::node_link(&network)).is_ok());
    }
}

#[test]
fn dot_is_legible_wrapped_merged_with_a_legend_and_a_layout_engine() {
    let corpus = corpus();
    let vestby = corpus.get("vestby-2025").unwrap();
    let text = dot_text(&Network::services(vestby));
    assert!(text.starts_with("graph \"vestby-2025\" {") && text.trim_end().ends_with('}'));
    assert!(text.contains("layout=sfdp"));
    // Every node label line is at most LABEL_WIDTH characters.
    let mut n_labels = 0;
    for line in text.lines().filter(|l| l.contains(" [label=\"")) {
        let label = line.split(" [label=\"").nth(1).unwrap();
        let label = &label[..label.find("\", tooltip").unwrap()];
        for part in label.split("\\n") {
            assert!(
                part.chars().count() <= LABEL_WIDTH,
                "label line `{part}` is longer than {LABEL_WIDTH}"
            );
        }
        n_labels += 1;
    }
    assert_eq!(n_labels, vestby.services.len());
    // Parallel relations merged: fewer lines than relations, and a wider line where merged.
    let edges = text.lines().filter(|l| l.contains(" -- ")).count();
    assert!(edges < vestby.relations.len(), "{edges} lines");
    assert!(text.contains("penwidth=3"), "a merged pair");
    assert!(text.contains("dir=none") && text.contains("dir=forward"));
    // The legend names owners and statuses.
    assert!(text.contains("label=<<table") && text.contains("municipality"));
    assert!(text.contains("functioning") && text.contains("missing, refused or discontinued"));
    // The kind-level picture is not one cluster of unknown owners.
    let kinds = dot_text(&Network::kinds(vestby));
    assert!(!kinds.contains("cluster"));
    let filled: BTreeSet<&str> = kinds
        .lines()
        .filter_map(|l| l.split("fillcolor=\"").nth(1))
        .map(|c| &c[..7])
        .collect();
    assert!(filled.len() >= 3, "kinds coloured by owner: {filled:?}");
}

/// Renders Vestby with Graphviz where it is installed and bounds the picture's size; skips
/// (passes, saying so) where it is not.
#[test]
fn dot_of_vestby_renders_to_a_picture_of_bounded_size_where_graphviz_is_installed() {
    let corpus = corpus();
    let text = dot_text(&Network::services(corpus.get("vestby-2025").unwrap()));
    let child = std::process::Command::new("dot")
        .arg("-Tsvg")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn();
    let Ok(mut child) = child else {
        eprintln!("skipped: Graphviz `dot` is not installed");
        return;
    };
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let svg = String::from_utf8(out.stdout).unwrap();
    let options = roxmltree::ParsingOptions {
        allow_dtd: true,
        ..Default::default()
    };
    let doc = roxmltree::Document::parse_with_options(&svg, options).unwrap();
    let root = doc.root_element();
    let size = |name: &str| -> f64 {
        root.attribute(name)
            .unwrap()
            .trim_end_matches("pt")
            .parse()
            .unwrap()
    };
    let (w, h) = (size("width"), size("height"));
    assert!(w <= 2500.0 && h <= 2500.0, "{w} x {h} pt");
    assert!(w / h < 4.0 && h / w < 4.0, "not a strip: {w} x {h} pt");
}

#[test]
fn every_table_parses_back_and_datapackage_names_every_file_and_column() {
    let corpus = corpus();
    let dir = std::env::temp_dir().join(format!("samhandling-tables-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let package = export::write_tables(&dir, &corpus, KeyMode::Category, CsvFormat::Plain).unwrap();
    let written: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("datapackage.json")).unwrap()).unwrap();
    let resources = written["resources"].as_array().unwrap();
    assert_eq!(resources.len(), Table::ALL.len());
    assert_eq!(package.resources.len(), Table::ALL.len());
    let mut files: BTreeSet<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(files.remove("datapackage.json"));
    let listed: BTreeSet<String> = resources
        .iter()
        .map(|r| r["path"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(files, listed, "every file written is listed, and no other");
    for resource in resources {
        let path = dir.join(resource["path"].as_str().unwrap());
        let mut reader = csv::Reader::from_path(&path).unwrap();
        let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
        let fields: Vec<&str> = resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .map(|f| f["name"].as_str().unwrap())
            .collect();
        assert_eq!(header, fields, "{}", path.display());
        for name in &header {
            assert!(
                !["id", "report", "kinds", "source", "line", "a", "b"].contains(&name.as_str()),
                "{}: ambiguous column `{name}`",
                path.display()
            );
        }
        let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
        assert!(!rows.is_empty(), "{}", path.display());
        for (i, field) in resource["schema"]["fields"]
            .as_array()
            .unwrap()
            .iter()
            .enumerate()
        {
            assert!(
                rows.iter().any(|r| !r[i].is_empty()),
                "{}: column {} is always empty",
                path.display(),
                field["name"]
            );
            let ok = |cell: &str| match field["type"].as_str().unwrap() {
                "integer" => cell.parse::<i64>().is_ok(),
                "number" => cell.parse::<f64>().is_ok(),
                "boolean" => cell == "true" || cell == "false",
                _ => true,
            };
            assert!(
                rows.iter().all(|r| r[i].is_empty() || ok(&r[i])),
                "{}: a cell of {} is not of type {}",
                path.display(),
                field["name"],
                field["type"]
            );
        }
    }
    let n = corpus.len();
    let similarity = csv::Reader::from_path(dir.join("similarity.csv"))
        .unwrap()
        .records()
        .count();
    assert_eq!(similarity, n * (n - 1) / 2, "all pairs");
    let gaps = csv::Reader::from_path(dir.join("gaps.csv"))
        .unwrap()
        .records()
        .count();
    assert_eq!(gaps, corpus.iter().map(|r| r.gaps.len()).sum::<usize>());
    let reports = csv::Reader::from_path(dir.join("reports.csv"))
        .unwrap()
        .records()
        .count();
    assert_eq!(reports, n);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn excel_tables_have_a_bom_semicolons_and_decimal_commas() {
    let corpus = corpus();
    let mut out = Vec::new();
    let columns = export::write_table(
        &mut out,
        Table::Similarity,
        &corpus,
        KeyMode::Category,
        CsvFormat::Excel,
    )
    .unwrap();
    assert!(out.starts_with("\u{feff}".as_bytes()));
    let text = String::from_utf8(out[3..].to_vec()).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(b';')
        .from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap().len(), columns.fields.len());
    let jaccard = columns
        .fields
        .iter()
        .position(|f| f.name == "gap_jaccard")
        .unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.iter().any(|r| r[jaccard].contains(',')));
    assert!(rows.iter().all(|r| !r[jaccard].contains('.')));
    // datapackage.json says so, for frictionless readers.
    let resource = export::Resource::csv(
        Table::Similarity,
        "similarity.csv".into(),
        columns.fields,
        CsvFormat::Excel,
    );
    assert_eq!(resource.dialect.delimiter, ";");
    assert_eq!(resource.schema.fields[jaccard].decimal_char, Some(","));
    let report_a = &resource.schema.fields[0];
    assert_eq!(
        (report_a.name.as_str(), report_a.decimal_char),
        ("report_a", None)
    );
}

#[test]
fn tables_are_byte_identical_across_runs() {
    let corpus = corpus();
    for &table in Table::ALL {
        let run = || {
            let mut out = Vec::new();
            export::write_table(
                &mut out,
                table,
                &corpus,
                KeyMode::CategoryAndKinds,
                CsvFormat::Plain,
            )
            .unwrap();
            out
        };
        assert_eq!(run(), run(), "{}", table.name());
    }
}

#[test]
fn heatmap_is_xml_with_a_cell_per_report_and_category_holding_gaps() {
    let corpus = corpus();
    let mut out = Vec::new();
    export::heatmap_svg(&mut out, &corpus).unwrap();
    let text = String::from_utf8(out).unwrap();
    let doc = roxmltree::Document::parse(&text).unwrap();
    let matrix = samhandling::compare::gap_matrix(&corpus, KeyMode::Category);
    let filled: usize = matrix.rows.iter().map(|r| r.cells.len()).sum();
    let cells = doc.descendants().filter(|n| n.has_tag_name("g")).count();
    assert_eq!(cells, filled);
    // The Vestby row's specialist-interface cell shows its count.
    let count = matrix
        .rows
        .iter()
        .find(|r| r.report.as_str() == "vestby-2025")
        .unwrap()
        .cells
        .iter()
        .find(|(k, _)| k.to_string() == "specialist_interface")
        .map(|(_, c)| c.count)
        .unwrap();
    assert!(text.contains(&format!("vestby-2025: specialist interface ({count} gap")));
    for word in ["breach", "risk", "improvement"] {
        assert!(text.contains(&format!("highest: {word}")), "legend: {word}");
    }
}

#[test]
fn the_committed_schema_is_current() {
    let mut text = serde_json::to_string_pretty(&export::json_schema()).unwrap();
    text.push('\n');
    let committed = include_str!("../../docs/report.schema.json");
    assert!(
        committed == text,
        "docs/report.schema.json is stale: regenerate it with `cargo run -- schema > docs/report.schema.json`"
    );
}

#[test]
fn every_bundled_record_and_the_example_validate_against_the_schema() {
    let schema: serde_json::Value =
        serde_json::from_str(include_str!("../../docs/report.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/reports");
    let mut n = 0;
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "json") {
            continue;
        }
        let record: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let errors: Vec<String> = validator
            .iter_errors(&record)
            .map(|e| format!("{}: {e}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", path.display());
        n += 1;
    }
    assert_eq!(n, corpus().len());
    let example: serde_json::Value = serde_json::from_str(crate::EXAMPLE).unwrap();
    assert!(validator.is_valid(&example));
    // A year the source does not state is null, never left out.
    let unstated: serde_json::Value =
        serde_json::from_str(&crate::EXAMPLE.replacen("\"year\": 2025", "\"year\": null", 1))
            .unwrap();
    assert!(validator.is_valid(&unstated));
    // And the schema rejects what the loader rejects.
    for (from, to) in [
        (
            "\"severity\": \"improvement\"",
            "\"severity\": \"lovbrudd\"",
        ),
        ("\"title\":", "\"titel\":"),
        ("\"line\": 146", "\"line\": \"146\""),
        ("\"year\": 2025,\n", ""),
    ] {
        assert!(crate::EXAMPLE.contains(from), "{from}");
        let bad: serde_json::Value =
            serde_json::from_str(&crate::EXAMPLE.replacen(from, to, 1)).unwrap();
        assert!(!validator.is_valid(&bad), "{to}");
        assert!(Report::from_json_str(&crate::EXAMPLE.replacen(from, to, 1)).is_err());
    }
}

#[test]
fn an_empty_table_still_has_its_header() {
    let corpus = Corpus::from_reports([Report::from_json_str(crate::EXAMPLE).unwrap()]).unwrap();
    let mut out = Vec::new();
    let columns = export::write_table(
        &mut out,
        Table::FollowUps,
        &corpus,
        KeyMode::Category,
        CsvFormat::Plain,
    )
    .unwrap();
    let text = String::from_utf8(out).unwrap();
    assert!(
        text.starts_with("report_id,follow_up_id,of_report_id,of_item_id,status"),
        "{text}"
    );
    assert_eq!(text.lines().count(), 1);
    assert_eq!(columns.fields.len(), text.trim_end().split(',').count());
}
