//! The HTML page, parsed with an HTML parser (scraper): every report and every non-empty heatmap
//! cell is on it, each cell's drill-down holds exactly the gaps the matrix counts, each with its
//! quote, source line and the source text around it; nothing refers to a network address; record
//! text never becomes markup.

use std::collections::{BTreeMap, BTreeSet};

use samhandling::compare::{KeyMode, gap_matrix};
use samhandling::evidence::Sources;
use samhandling::graph::structure;
use samhandling::html::{Options, render, write};
use samhandling::taxonomy::Vocabulary;
use samhandling::{Corpus, Report, synth};
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

fn sel(s: &str) -> Selector {
    Selector::parse(s).unwrap()
}

/// The page of `corpus` with the bundled sources and default options, parsed, with its JSON.
fn page(corpus: &Corpus, options: &Options) -> (String, Html, Value) {
    let text = render(corpus, &Sources::bundled(), options);
    let doc = Html::parse_document(&text);
    let data = {
        let script = doc
            .select(&sel("script#data"))
            .next()
            .expect("a data block");
        serde_json::from_str(&script.inner_html()).expect("the data block is JSON")
    };
    (text, doc, data)
}

/// The (report id, item kind, item id) of each index in a `data-items` attribute.
fn items_of(data: &Value, el: &ElementRef) -> Vec<(String, String, String)> {
    el.value()
        .attr("data-items")
        .unwrap_or("")
        .split_whitespace()
        .map(|i| {
            let item = &data["items"][i.parse::<usize>().unwrap()];
            let report = data["reports"][item["r"].as_u64().unwrap() as usize]
                .as_str()
                .unwrap();
            (
                report.to_string(),
                item["k"].as_str().unwrap().to_string(),
                item["id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The heatmap of one unit (`heat-m` or `heat-r`): row report id → column word → (count, items).
type Cells = BTreeMap<(String, String), (String, Vec<(String, String, String)>)>;

fn heatmap(doc: &Html, data: &Value, class: &str) -> (Vec<String>, Cells) {
    let table = doc
        .select(&sel(&format!(".{class} table.heat")))
        .next()
        .expect("a heatmap");
    let columns: Vec<String> = table
        .select(&sel("thead th.col"))
        .map(|th| {
            // The title is "word — norsk / English".
            let title = th.value().attr("title").unwrap();
            title.split(" — ").next().unwrap().to_string()
        })
        .collect();
    let mut rows = Vec::new();
    let mut cells = Cells::new();
    for tr in table.select(&sel("tbody tr")) {
        let report = tr.value().attr("data-report").unwrap().to_string();
        let label = tr
            .select(&sel("th"))
            .next()
            .unwrap()
            .text()
            .next()
            .unwrap()
            .to_string();
        rows.push(label.clone());
        let tds: Vec<ElementRef> = tr.select(&sel("td")).collect();
        assert_eq!(
            tds.len(),
            columns.len(),
            "row {label} has a cell per column"
        );
        for (td, col) in tds.iter().zip(&columns) {
            if td.value().attr("data-items").is_some() {
                let count = td.text().collect::<String>().trim().to_string();
                cells.insert(
                    (format!("{label}|{report}"), col.clone()),
                    (count, items_of(data, td)),
                );
            } else {
                assert_eq!(
                    td.text().collect::<String>().trim(),
                    "",
                    "an empty cell is empty"
                );
            }
        }
    }
    (rows, cells)
}

/// The expected cells of `report` from the library's gap matrix, keyed like [`heatmap`].
fn expected_cells(corpus: &Corpus, report: &str, label: &str) -> Cells {
    let matrix = gap_matrix(corpus, KeyMode::Category);
    let row = matrix
        .rows
        .iter()
        .find(|r| r.report.as_str() == report)
        .unwrap();
    row.cells
        .iter()
        .map(|(key, cell)| {
            (
                (format!("{label}|{report}"), key.category.to_string()),
                (
                    cell.count.to_string(),
                    cell.gaps
                        .iter()
                        .map(|g| (report.to_string(), "gap".to_string(), g.to_string()))
                        .collect(),
                ),
            )
        })
        .collect()
}

#[test]
fn every_report_is_in_the_table() {
    let corpus = Corpus::bundled().unwrap();
    let (_, doc, _) = page(&corpus, &Options::default());
    let rows: BTreeSet<&str> = doc
        .select(&sel("table.reports tbody tr"))
        .map(|tr| tr.value().attr("data-report").unwrap())
        .collect();
    let ids: BTreeSet<&str> = corpus.ids().map(|id| id.as_str()).collect();
    assert_eq!(rows, ids);
    let romerike = doc
        .select(&sel(
            "table.reports tbody tr[data-report=\"romerike-2015\"]",
        ))
        .next()
        .unwrap()
        .text()
        .collect::<String>();
    assert!(romerike.contains("comparison note"), "{romerike}");
    let nes = doc
        .select(&sel("table.reports tbody tr[data-report=\"nes-2018\"]"))
        .next()
        .unwrap()
        .text()
        .collect::<String>();
    assert!(nes.contains("derived from nes-2025"), "{nes}");
}

#[test]
fn the_report_heatmap_is_the_gap_matrix_cell_by_cell() {
    let corpus = Corpus::bundled().unwrap();
    let (_, doc, data) = page(&corpus, &Options::default());
    let (rows, cells) = heatmap(&doc, &data, "heat-r");
    assert_eq!(rows.len(), corpus.len());
    let mut expected = Cells::new();
    for report in corpus.ids() {
        expected.extend(expected_cells(&corpus, report.as_str(), report.as_str()));
    }
    assert!(expected.len() > 50, "the bundled matrix has many cells");
    assert_eq!(cells, expected);
}

#[test]
fn the_municipality_heatmap_counts_each_municipality_once() {
    let corpus = Corpus::bundled().unwrap();
    let (_, doc, data) = page(&corpus, &Options::default());
    let (rows, cells) = heatmap(&doc, &data, "heat-m");
    let rows_by_report: BTreeMap<String, String> = doc
        .select(&sel(".heat-m tbody tr"))
        .map(|tr| {
            let label = tr.select(&sel("th")).next().unwrap().text().next().unwrap();
            (
                label.to_string(),
                tr.value().attr("data-report").unwrap().to_string(),
            )
        })
        .collect();
    // Each municipality once; the comparison note stands for none of them; Nes by its primary
    // 2025 report, the 2015 municipalities by their records derived from the note.
    assert_eq!(rows.len(), rows_by_report.len());
    assert!(!rows_by_report.values().any(|r| r == "romerike-2015"));
    assert_eq!(rows_by_report["Nes"], "nes-2025");
    assert_eq!(rows_by_report["Vestby"], "vestby-2025");
    assert_eq!(rows_by_report["Lørenskog"], "lorenskog-2015");
    let municipalities: BTreeSet<&str> = corpus
        .iter()
        .filter(|r| r.genre != samhandling::taxonomy::Genre::Sammenligningsnotat)
        .flat_map(|r| r.municipalities.iter().map(String::as_str))
        .collect();
    assert_eq!(
        rows_by_report
            .keys()
            .map(String::as_str)
            .collect::<BTreeSet<_>>(),
        municipalities
    );
    let mut expected = Cells::new();
    for (m, r) in &rows_by_report {
        expected.extend(expected_cells(&corpus, r, m));
    }
    assert_eq!(cells, expected);
}

#[test]
fn every_gap_in_a_cell_has_its_quote_line_and_the_source_text_around_it() {
    let corpus = Corpus::bundled().unwrap();
    let sources = Sources::bundled();
    let (_, doc, data) = page(&corpus, &Options::default());
    let mut checked = 0;
    for td in doc.select(&sel("table.heat td[data-items]")) {
        for i in td.value().attr("data-items").unwrap().split_whitespace() {
            let item = &data["items"][i.parse::<usize>().unwrap()];
            let report = corpus
                .get(
                    data["reports"][item["r"].as_u64().unwrap() as usize]
                        .as_str()
                        .unwrap(),
                )
                .unwrap();
            let gap = report.gap(item["id"].as_str().unwrap()).unwrap();
            assert_eq!(item["h"], gap.summary.as_str());
            assert_eq!(item["c"], gap.category.to_string().as_str());
            assert_eq!(item["s"], gap.severity.to_string().as_str());
            let evidence = item["e"].as_array().unwrap();
            assert_eq!(evidence.len(), gap.evidence.len());
            for (e, want) in evidence.iter().zip(&gap.evidence) {
                let source = data["sources"][e[0].as_u64().unwrap() as usize]
                    .as_str()
                    .unwrap();
                assert_eq!(source, want.source);
                assert_eq!(e[1].as_u64().unwrap() as usize, want.line);
                assert_eq!(e[2], want.quote.as_str());
                // The stated line and the lines around it are embedded verbatim.
                let src_index = e[0].as_u64().unwrap().to_string();
                for n in [want.line.saturating_sub(3).max(1), want.line, want.line + 3] {
                    let shown = &data["lines"][&src_index][n.to_string()];
                    assert_eq!(
                        shown.as_str(),
                        sources.line(source, n),
                        "{source}:{n} for {}/{}",
                        report.id,
                        gap.id
                    );
                }
                checked += 1;
            }
        }
    }
    assert!(checked > 100, "checked {checked} quotes");
}

#[test]
fn nothing_refers_to_a_network_address() {
    let corpus = Corpus::bundled().unwrap();
    let (text, doc, _) = page(&corpus, &Options::default());
    let all = sel("*");
    let mut refs = 0;
    for el in doc.select(&all) {
        for (name, value) in el.value().attrs() {
            let name = name.to_ascii_lowercase();
            if matches!(
                name.as_str(),
                "src" | "href" | "xlink:href" | "action" | "formaction" | "poster" | "srcset"
            ) {
                refs += 1;
                assert!(
                    value.starts_with('#'),
                    "{name}={value} on <{}>",
                    el.value().name()
                );
            }
            if value.contains("url(") {
                assert!(
                    value.split("url(").skip(1).all(|u| u.starts_with('#')),
                    "{name}={value}"
                );
            }
        }
    }
    assert!(refs > 10, "the page links within itself ({refs} links)");
    for style in doc.select(&sel("style")) {
        let css = style.inner_html();
        assert!(
            css.split("url(").skip(1).all(|u| u.starts_with('#')),
            "a CSS url() that is not a fragment"
        );
        assert!(!css.contains("@import"), "CSS imports nothing");
    }
    assert!(!text.contains("<link"), "no linked stylesheet or icon");
    assert_eq!(
        doc.select(&sel("script[src], iframe, img, object, embed"))
            .count(),
        0
    );
}

/// A report whose texts try to become markup.
fn hostile() -> Report {
    let mut r = Report::from_json_str(crate::EXAMPLE).unwrap();
    let evil = "</script><script>alert(\"x\")</script> <b>bold</b> & 'single' \"double\"";
    r.title = Some(format!("Title {evil}"));
    r.municipalities = vec![format!("Nes {evil}")];
    r.note = Some(format!("note {evil}"));
    for s in &mut r.services {
        s.name = format!("{} {evil}", s.name);
    }
    for rel in &mut r.relations {
        rel.summary = format!("relation {evil}");
    }
    for g in &mut r.gaps {
        g.summary = format!("gap {evil}");
        g.evidence[0].quote = format!("quote {evil}");
    }
    for rec in &mut r.recommendations {
        rec.text = format!("recommendation {evil}");
    }
    r
}

#[test]
fn record_text_is_text_never_markup() {
    let evil = "</script><script>alert(\"x\")</script> <b>bold</b> & 'single' \"double\"";
    let corpus = Corpus::from_reports([hostile()]).unwrap();
    let (text, doc, data) = page(&corpus, &Options::default());
    // Only the page's own two scripts, and no <b> from a record.
    assert_eq!(doc.select(&sel("script")).count(), 2);
    assert_eq!(doc.select(&sel("b")).count(), 0);
    assert!(!text.contains("<script>alert"));
    // The texts are on the page as text, exactly.
    let body_text: String = doc.root_element().text().collect();
    assert!(
        body_text.contains(&format!("Nes {evil}")),
        "municipality as text"
    );
    let row_title = doc
        .select(&sel("table.reports tbody td[title]"))
        .next()
        .unwrap()
        .value()
        .attr("title")
        .unwrap();
    assert_eq!(row_title, format!("Title {evil}"));
    let names: Vec<String> = doc
        .select(&sel("svg.network .node text"))
        .map(|t| t.text().collect())
        .collect();
    assert!(names.iter().any(|n| n.contains("</script")), "{names:?}");
    // And in the data block, which JSON-parses back to the exact strings.
    let items = data["items"].as_array().unwrap();
    assert!(
        items
            .iter()
            .any(|i| i["h"] == format!("gap {evil}").as_str())
    );
    assert!(items.iter().any(|i| {
        i["e"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e[2] == format!("quote {evil}").as_str())
    }));
}

#[test]
fn the_page_is_the_same_byte_for_byte() {
    let corpus = Corpus::bundled().unwrap();
    let a = render(&corpus, &Sources::bundled(), &Options::default());
    let b = render(&corpus, &Sources::bundled(), &Options::default());
    assert!(a == b, "two renderings differ");
}

#[test]
fn follow_ups_list_every_earlier_item_with_the_status_as_stated() {
    let corpus = Corpus::bundled().unwrap();
    let (_, doc, data) = page(&corpus, &Options::default());
    let earlier = corpus.get("nes-2018").unwrap();
    let later = corpus.get("nes-2025").unwrap();
    let section = doc
        .select(&sel("#followups details"))
        .find(|d| d.text().collect::<String>().contains("nes-2018 → nes-2025"))
        .expect("the Nes follow-up");
    let rows: Vec<ElementRef> = section.select(&sel("tbody tr")).collect();
    assert_eq!(
        rows.len(),
        earlier.decisions.len() + earlier.recommendations.len() + earlier.gaps.len()
    );
    for row in rows {
        let items = items_of(&data, &row);
        let cells: Vec<String> = row
            .select(&sel("td"))
            .map(|td| td.text().collect())
            .collect();
        // The earlier item itself is always in the drill-down.
        assert_eq!(items[0].0, "nes-2018", "{cells:?}");
        let stated = later
            .follow_ups
            .iter()
            .find(|f| f.of.report == earlier.id && f.of.item == items[0].2);
        match stated {
            Some(f) if f.status == samhandling::taxonomy::FollowUpStatus::NotStated => {
                assert_eq!(cells[2], "no verdict stated", "{cells:?}");
                assert!(items.contains(&("nes-2025".into(), "follow-up".into(), f.id.clone())));
            }
            Some(f) => {
                assert!(cells[2].starts_with(f.status.english()), "{cells:?}");
                assert!(items.contains(&("nes-2025".into(), "follow-up".into(), f.id.clone())));
            }
            None => {
                assert_eq!(cells[2], "no verdict stated", "{cells:?}");
                assert!(!cells[3].contains("stated by"), "{cells:?}");
            }
        }
    }
}

#[test]
fn each_network_picture_has_every_service_and_marks_brokers_and_cut_points() {
    let corpus = Corpus::bundled().unwrap();
    let (_, doc, _) = page(&corpus, &Options::default());
    for report in corpus.iter() {
        let article = doc
            .select(&sel(&format!("article#report-{}", report.id)))
            .next()
            .unwrap_or_else(|| panic!("a section for {}", report.id));
        let nodes: Vec<ElementRef> = article.select(&sel("svg.network g.node")).collect();
        assert_eq!(nodes.len(), report.services.len(), "{}", report.id);
        let s = structure(report);
        let marked = |mark: &str| -> BTreeSet<String> {
            nodes
                .iter()
                .filter(|n| {
                    n.select(&sel("text.mark"))
                        .next()
                        .is_some_and(|t| t.text().collect::<String>().contains(mark))
                })
                .map(|n| {
                    n.select(&sel("title"))
                        .next()
                        .unwrap()
                        .text()
                        .collect::<String>()
                })
                .collect()
        };
        assert_eq!(marked("B").len(), s.brokers.len(), "{}", report.id);
        assert_eq!(
            marked("C").len(),
            s.articulation_points.len(),
            "{}",
            report.id
        );
        let structure_rows = article.select(&sel("table.structure tbody tr")).count();
        assert_eq!(
            structure_rows,
            s.brokers.len() + s.articulation_points.len() + s.bridges.len(),
            "{}",
            report.id
        );
        let reference_rows = article.select(&sel("table.reference tbody tr")).count();
        assert_eq!(reference_rows, samhandling::reference::expectations().len());
    }
}

#[test]
fn a_thousand_synthetic_reports_stay_usable() {
    let corpus = synth::corpus(1000, 1).unwrap();
    let options = Options {
        max_details: 5,
        ..Options::default()
    };
    let (text, doc, data) = page(&corpus, &options);
    assert_eq!(doc.select(&sel(".heat-r tbody tr")).count(), 1000);
    assert_eq!(doc.select(&sel("article.report")).count(), 5);
    assert!(text.contains("995 more are in the table and the heatmap only"));
    // Their evidence cites a source that is not given: the data says so.
    let synthetic = data["sources"]
        .as_array()
        .unwrap()
        .iter()
        .position(|s| s == "synthetic.txt")
        .unwrap();
    assert!(
        data["missing"]
            .as_array()
            .unwrap()
            .contains(&Value::from(synthetic))
    );
    assert!(text.len() < 12_000_000, "the page is {} bytes", text.len());
}

#[test]
fn write_leaves_the_page_or_a_clear_error_and_no_part_file() {
    let dir = std::env::temp_dir().join(format!("samhandling-html-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let corpus = Corpus::from_reports([Report::from_json_str(crate::EXAMPLE).unwrap()]).unwrap();
    let path = dir.join("report.html");
    write(&corpus, &Sources::bundled(), &Options::default(), &path).unwrap();
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .starts_with("<!DOCTYPE html>")
    );
    let bad = dir.join("no-such-dir").join("report.html");
    let err = write(&corpus, &Sources::bundled(), &Options::default(), &bad).unwrap_err();
    assert!(err.to_string().contains("no-such-dir"), "{err}");
    let left: Vec<_> = std::fs::read_dir(&dir).unwrap().collect();
    assert_eq!(left.len(), 1, "only report.html is left");
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The format example as report `id` of `municipality` in `year`.
fn example_as(id: &str, municipality: &str, year: u16) -> Report {
    let mut r = Report::from_json_str(crate::EXAMPLE).unwrap();
    r.id = id.into();
    r.municipalities = vec![municipality.to_string()];
    r.year = Some(year);
    r.follows_up = None;
    r.follow_ups.clear();
    r
}

#[test]
fn each_municipality_counts_once_by_its_latest_primary_report_and_never_by_a_synthesis() {
    use samhandling::taxonomy::Genre;
    let older = example_as("eidsvoll-2019", "Eidsvoll", 2019);
    let newer = example_as("eidsvoll-2022", "Eidsvoll", 2022);
    let mut note = example_as("note-2023", "Eidsvoll", 2023);
    note.genre = Genre::Sammenligningsnotat;
    note.municipalities = vec!["Eidsvoll".into(), "Hurdal".into()];
    let mut derived = example_as("hurdal-2023", "Hurdal", 2023);
    derived.derived_from = Some("note-2023".into());
    let corpus = Corpus::from_reports([older, newer, note, derived]).unwrap();
    let (_, doc, _) = page(&corpus, &Options::default());
    let rows: BTreeMap<String, String> = doc
        .select(&sel(".heat-m tbody tr"))
        .map(|tr| {
            let label = tr.select(&sel("th")).next().unwrap().text().next().unwrap();
            (
                label.to_string(),
                tr.value().attr("data-report").unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        BTreeMap::from([
            ("Eidsvoll".to_string(), "eidsvoll-2022".to_string()),
            ("Hurdal".to_string(), "hurdal-2023".to_string()),
        ])
    );
    // The one gap category of the example recurs in both municipalities, counted once each,
    // though four records hold it.
    let recurring: Vec<String> = doc
        .select(&sel("table.recurring tbody tr td.num"))
        .map(|td| td.text().collect())
        .collect();
    assert_eq!(recurring, ["in 2 of 2 municipalities"]);
    let counted_for: BTreeMap<String, String> = doc
        .select(&sel("table.reports tbody tr"))
        .map(|tr| {
            let cells: Vec<String> = tr
                .select(&sel("td"))
                .map(|td| td.text().collect())
                .collect();
            (
                tr.value().attr("data-report").unwrap().to_string(),
                cells[5].clone(),
            )
        })
        .collect();
    assert_eq!(counted_for["note-2023"], "—");
    assert_eq!(counted_for["eidsvoll-2019"], "—");
    assert_eq!(counted_for["eidsvoll-2022"], "Eidsvoll");
}
