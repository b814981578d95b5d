//! The app's modules depend on each other one way only: no two modules of `src/` import each
//! other, and there is no longer cycle either. A module is a file (`src/pages/wizard.rs` is
//! `pages::wizard`); an import is any path that starts with `crate::`, in a `use` or inline.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

/// Every module file under `src/`, by its path (`pages::wizard`; `lib.rs` is `crate`).
fn modules() -> BTreeMap<String, PathBuf> {
    fn walk(dir: &Path, prefix: &[String], out: &mut BTreeMap<String, PathBuf>) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
        entries.sort_by_key(|e| e.path());
        for e in entries {
            let path = e.path();
            let name = path.file_stem().unwrap().to_string_lossy().to_string();
            if path.is_dir() {
                let mut p = prefix.to_vec();
                p.push(name);
                walk(&path, &p, out);
            } else if path.extension().is_some_and(|x| x == "rs") {
                let mut p = prefix.to_vec();
                if name != "mod" && !(prefix.is_empty() && (name == "lib" || name == "main")) {
                    p.push(name);
                }
                let key = if p.is_empty() {
                    "crate".to_string()
                } else {
                    p.join("::")
                };
                out.insert(key, path);
            }
        }
    }
    let mut out = BTreeMap::new();
    walk(&src(), &[], &mut out);
    out
}

/// The text of a file without its comments (a `//` inside a string is rare enough here).
fn code(path: &Path) -> String {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(|l| l.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The modules a path after `crate::` names: `a::b::{c, d::e}` gives the longest known module
/// prefix of each path it spells out.
fn targets(
    rest: &str,
    prefix: &[String],
    known: &BTreeMap<String, PathBuf>,
    out: &mut BTreeSet<String>,
) {
    let rest = rest.trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        // Split the group at its top-level commas.
        let mut depth = 0;
        let mut item = String::new();
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    targets(&item, prefix, known, out);
                    item.clear();
                    continue;
                }
                _ => {}
            }
            item.push(c);
        }
        targets(&item, prefix, known, out);
        return;
    }
    let mut path = prefix.to_vec();
    let mut chars = rest.char_indices().peekable();
    let mut seg = String::new();
    while let Some((i, c)) = chars.next() {
        if c.is_alphanumeric() || c == '_' {
            seg.push(c);
        } else if rest[i..].starts_with("::") {
            path.push(std::mem::take(&mut seg));
            chars.next();
            if rest[i + 2..].trim_start().starts_with('{') {
                return targets(&rest[i + 2..], &path, known, out);
            }
        } else {
            break;
        }
    }
    if !seg.is_empty() {
        path.push(seg);
    }
    for n in (1..=path.len()).rev() {
        let name = path[..n].join("::");
        if known.contains_key(&name) {
            out.insert(name);
            return;
        }
    }
}

/// Each module with the modules it imports (itself and its own submodules left out).
fn imports() -> BTreeMap<String, BTreeSet<String>> {
    let known = modules();
    let mut out = BTreeMap::new();
    for (name, path) in &known {
        let text = code(path);
        let mut found = BTreeSet::new();
        for (i, _) in text.match_indices("crate::") {
            let before = text[..i].chars().last();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
                continue;
            }
            targets(&text[i + "crate::".len()..], &[], &known, &mut found);
        }
        found.retain(|t| t != name && !t.starts_with(&format!("{name}::")));
        out.insert(name.clone(), found);
    }
    out
}

#[test]
fn no_two_modules_import_each_other() {
    let graph = imports();
    assert!(
        graph["pages::wizard"].contains("components::feedback"),
        "{graph:#?}"
    );
    let mut pairs = Vec::new();
    for (a, to) in &graph {
        for b in to {
            if a < b && graph.get(b).is_some_and(|t| t.contains(a)) {
                pairs.push(format!("{a} <-> {b}"));
            }
        }
    }
    assert!(
        pairs.is_empty(),
        "modules that import each other: {pairs:?}"
    );
}

#[test]
fn module_imports_have_no_cycle() {
    let graph = imports();
    // Depth-first search; a module met again on the current path closes a cycle.
    fn visit<'a>(
        m: &'a str,
        graph: &'a BTreeMap<String, BTreeSet<String>>,
        path: &mut Vec<&'a str>,
        done: &mut BTreeSet<&'a str>,
    ) -> Option<Vec<String>> {
        if let Some(at) = path.iter().position(|p| *p == m) {
            let mut cycle: Vec<String> = path[at..].iter().map(|s| s.to_string()).collect();
            cycle.push(m.to_string());
            return Some(cycle);
        }
        if !done.insert(m) {
            return None;
        }
        path.push(m);
        for next in graph.get(m).into_iter().flatten() {
            if let Some(c) = visit(next, graph, path, done) {
                return Some(c);
            }
        }
        path.pop();
        None
    }
    let mut done = BTreeSet::new();
    for m in graph.keys() {
        if let Some(cycle) = visit(m, &graph, &mut Vec::new(), &mut done) {
            panic!("a cycle of imports: {}", cycle.join(" -> "));
        }
    }
}

#[test]
fn the_checker_reads_groups_and_inline_paths() {
    let known = modules();
    let mut found = BTreeSet::new();
    targets(
        "{media, components::finding::{fixed, RowLook}, state::use_app};",
        &[],
        &known,
        &mut found,
    );
    targets(
        "storage::record_crash(message, crate::state::now_ms())",
        &[],
        &known,
        &mut found,
    );
    let found: Vec<&str> = found.iter().map(String::as_str).collect();
    assert_eq!(found, ["components::finding", "media", "state", "storage"]);
}
