//! scratch
fn main() {
    let corpus = samhandling::Corpus::bundled().unwrap();
    for id in std::env::args().skip(1) {
        let r = corpus.get(&id).unwrap();
        let s = samhandling::graph::structure(r);
        println!(
            "# {id}: nodes {} links {} (collab {}, working {}) single {:?}",
            s.n_nodes,
            s.n_links,
            s.n_collaboration_links,
            s.n_working_links,
            s.single_mention_leaves.len()
        );
        println!("parties {:?}; stated {:?}", s.parties, s.stated);
        for c in &s.cuts {
            let links: Vec<String> = c
                .links
                .iter()
                .map(|l| {
                    format!(
                        "{}-{}{}{:?}",
                        l.a,
                        l.b,
                        if l.organisational { "(org)" } else { "" },
                        l.relations
                    )
                })
                .collect();
            println!(
                "{:?} {} single={} sep={:?}\n    {}",
                c.kind,
                c.id,
                c.single_mention,
                c.separates,
                links.join(" ")
            );
        }
    }
}
