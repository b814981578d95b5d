//! Command-line front end to the analyzer.
//!
//! ```text
//! comeback-check [--role ROLE] [--json] [FILE|-]     one answer: a readable report, or one JSON object
//! comeback-check --jsonl [FILE|-]                    one {"id","role","text"} object a line in, one result a line out
//! comeback-check --explain [FILE|-]                  each sentence's part and cues (for developers)
//! ```
//!
//! Exit codes: 0 done; 2 bad usage or unreadable input (a message goes to stderr). Never panics on input.

use comeback_core::analyzer::{analyze_answer, Report, Severity};
use comeback_core::story::{band_text, format_time, TimeStyle};
use comeback_core::Key;
use serde_json::{json, Map, Value};
use std::io::{self, Read, Write};
use std::process::ExitCode;

const USAGE: &str = "usage: comeback-check [--role ROLE] [--json | --jsonl | --explain] [FILE|-]
  Reads an answer to \"Tell me about a time you failed\" from FILE (or standard input)
  and reports the five keys, red flags, prose checks and speaking time.
  --role ROLE  the target role (\"Nurse\", \"Senior backend dev\") for core-skill checks
  --json       print one JSON object instead of the readable report
  --jsonl      read one JSON object a line, {\"id\":..., \"role\":..., \"text\":...},
               and write one JSON result a line, in order
  --explain    print each sentence with the part it was given and the cues read in it";

struct Args {
    role: Option<String>,
    json: bool,
    jsonl: bool,
    explain: bool,
    input: Option<String>,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        role: None,
        json: false,
        jsonl: false,
        explain: false,
        input: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "--role" => args.role = Some(it.next().ok_or("--role needs a value")?),
            "--json" => args.json = true,
            "--jsonl" => args.jsonl = true,
            "--explain" => args.explain = true,
            "-h" | "--help" => return Err(String::new()),
            "-" => args.input = Some(a),
            s if s.starts_with("--role=") => args.role = Some(s["--role=".len()..].to_string()),
            s if s.starts_with('-') => return Err(format!("unknown option {s}")),
            _ => {
                if args.input.is_some() {
                    return Err("only one input file, please".into());
                }
                args.input = Some(a);
            }
        }
    }
    if args.json && args.jsonl {
        return Err("choose --json or --jsonl, not both".into());
    }
    Ok(args)
}

fn read_input(path: Option<&str>) -> Result<String, String> {
    match path {
        None | Some("-") => {
            let mut s = String::new();
            io::stdin()
                .read_to_string(&mut s)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(s)
        }
        Some(p) => std::fs::read_to_string(p).map_err(|e| format!("cannot read {p}: {e}")),
    }
}

/// The JSON result for one answer.
fn result_json(id: Value, report: &Report) -> Value {
    let mut keys = Map::new();
    for k in Key::ALL {
        let v = report.key(k);
        keys.insert(
            k.id().to_string(),
            json!({ "met": v.met, "status": v.status, "findings": v.findings }),
        );
    }
    json!({
        "id": id,
        "keys": keys,
        "red_flags": report.red_flag_ids(),
        "red_flag_evidence": report.red_flags,
        "words": report.words,
        "sentences": report.sentences,
        "speaking_seconds_min": report.speaking_seconds_min,
        "speaking_seconds_max": report.speaking_seconds_max,
        "matched_role": report.matched_role,
        "prose": report.prose,
        "interviewer_view": report.interviewer_view,
        "follow_ups": report.follow_ups,
        "segments": report.segments,
    })
}

fn mmss(s: u32) -> String {
    format_time(s, TimeStyle::Short)
}

fn sev(s: Severity) -> &'static str {
    match s {
        Severity::Info => "info",
        Severity::Warn => "warn",
        Severity::Problem => "PROBLEM",
    }
}

fn readable(report: &Report, role: Option<&str>) -> String {
    let mut o = String::new();
    let mut line = |s: String| {
        o.push_str(&s);
        o.push('\n');
    };
    line(format!(
        "{} words, {} sentences, about {} to {} spoken (a strong answer takes {}).",
        report.words,
        report.sentences,
        mmss(report.speaking_seconds_min),
        mmss(report.speaking_seconds_max),
        band_text()
    ));
    match (role, &report.matched_role) {
        (Some(r), Some(m)) => line(format!("Role: {r} (checked as {m}).")),
        (Some(r), None) => line(format!(
            "Role: {r} (not in the role table; core skills not checked)."
        )),
        _ => {}
    }
    line(String::new());
    for k in Key::ALL {
        let v = report.key(k);
        line(format!(
            "[{}] {}. {}: {}",
            if v.met { "x" } else { " " },
            k.number(),
            k.title(),
            v.status
        ));
        for f in &v.findings {
            if f.quote.is_empty() {
                line(format!(
                    "      {:<7} {}: {}",
                    sev(f.severity),
                    f.rule,
                    f.message
                ));
            } else {
                line(format!(
                    "      {:<7} {}: \"{}\" {}",
                    sev(f.severity),
                    f.rule,
                    f.quote,
                    f.message
                ));
            }
        }
    }
    line(String::new());
    if report.red_flags.is_empty() {
        line("Red flags: none.".into());
    } else {
        line("Red flags:".into());
        for h in &report.red_flags {
            let quotes: Vec<String> = h
                .evidence
                .iter()
                .filter(|f| !f.quote.is_empty())
                .map(|f| format!("\"{}\"", f.quote))
                .collect();
            line(format!(
                "  {} ({}): {}",
                h.label,
                h.flag.id(),
                quotes.join(", ")
            ));
        }
    }
    if !report.prose.is_empty() {
        line("Style:".into());
        for f in &report.prose {
            line(format!(
                "  {:<7} {}: \"{}\" {}",
                sev(f.severity),
                f.rule,
                f.quote,
                f.message
            ));
        }
    }
    line("Interviewer's view:".into());
    for s in &report.interviewer_view {
        if s.found {
            line(format!("  [x] {}: {}", s.name, s.evidence.join("; ")));
        } else {
            line(format!("  [ ] {}", s.name));
        }
    }
    line("Likely follow-up questions:".into());
    for q in &report.follow_ups {
        line(format!("  - {q}"));
    }
    o
}

fn jsonl(input: &str, default_role: Option<&str>, out: &mut impl Write) -> (usize, usize) {
    let (mut ok, mut bad) = (0, 0);
    for (n, line) in input.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let result = match serde_json::from_str::<Value>(line) {
            Err(e) => {
                bad += 1;
                json!({ "id": Value::Null, "error": format!("line {}: not valid JSON: {e}", n + 1) })
            }
            Ok(v) => {
                let id = v.get("id").cloned().unwrap_or(Value::Null);
                match v.get("text").and_then(Value::as_str) {
                    None => {
                        bad += 1;
                        json!({ "id": id, "error": format!("line {}: no \"text\" string", n + 1) })
                    }
                    Some(text) => {
                        ok += 1;
                        let role = v.get("role").and_then(Value::as_str).or(default_role);
                        result_json(id, &analyze_answer(text, role))
                    }
                }
            }
        };
        if writeln!(out, "{result}").is_err() {
            break;
        }
    }
    (ok, bad)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) if e.is_empty() => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            eprintln!("comeback-check: {e}\n{USAGE}");
            return ExitCode::from(2);
        }
    };
    let input = match read_input(args.input.as_deref()) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("comeback-check: {e}");
            return ExitCode::from(2);
        }
    };
    let stdout = io::stdout();
    let mut out = stdout.lock();
    let role = args.role.as_deref();
    if args.jsonl {
        let (ok, bad) = jsonl(&input, role, &mut out);
        if bad > 0 {
            eprintln!(
                "comeback-check: {bad} line(s) could not be analysed; see their \"error\" fields"
            );
        }
        if ok == 0 && bad > 0 {
            return ExitCode::from(2);
        }
        return ExitCode::SUCCESS;
    }
    if args.explain {
        let _ = out.write_all(comeback_core::analyzer::explain_answer(&input).as_bytes());
        return ExitCode::SUCCESS;
    }
    let report = analyze_answer(&input, role);
    let text = if args.json {
        result_json(Value::Null, &report).to_string() + "\n"
    } else {
        readable(&report, role)
    };
    let _ = out.write_all(text.as_bytes());
    ExitCode::SUCCESS
}
