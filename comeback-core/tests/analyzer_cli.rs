//! The command-line front end, run as a user would.

use std::io::Write;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_comeback-check");

const STRONG: &str =
    "I was the on-call engineer for a payments service handling 40,000 orders a day. \
One Friday our cloud provider had an unexpected outage and checkout failed for 45 minutes. \
I rolled back to the standby region within 10 minutes and called the provider's support engineer. \
By noon every order was back and we refunded the 120 customers charged twice. \
Since then we run a monthly failover drill. \
I learned that a standby nobody tests is not a standby. \
Now I add a failover test to every new service before launch.";

fn run(args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    if let Some(mut s) = child.stdin.take() {
        let _ = s.write_all(stdin.as_bytes());
    }
    child.wait_with_output().expect("the binary finishes")
}

#[test]
fn readable_report_from_stdin() {
    let out = run(&["--role", "Senior backend dev", "-"], STRONG);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Set the stage with numbers"), "{text}");
    assert!(text.contains("Software engineer"), "{text}");
}

#[test]
fn json_has_the_promised_fields() {
    let out = run(&["--json"], STRONG);
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON object");
    for k in ["choice", "numbers", "turnaround", "improvement", "growth"] {
        assert!(v["keys"][k]["met"].is_boolean(), "{k}");
        assert!(v["keys"][k]["findings"].is_array(), "{k}");
    }
    assert!(v["red_flags"].is_array());
    assert!(v["words"].as_u64().unwrap_or(0) > 50);
    assert_eq!(v["keys"]["turnaround"]["met"], true);
}

#[test]
fn jsonl_keeps_order_and_reports_bad_lines() {
    let input = format!(
        "{}\nnot json\n{{\"id\":\"b\",\"role\":\"Nurse\",\"text\":\"I yelled at my colleague.\"}}\n{{\"id\":\"c\"}}\n",
        serde_json::json!({"id": "a", "text": STRONG})
    );
    let out = run(&["--jsonl"], &input);
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is JSON"))
        .collect();
    assert_eq!(lines.len(), 4);
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[1]["id"].is_null() && lines[1]["error"].is_string());
    assert_eq!(lines[2]["id"], "b");
    assert_eq!(lines[2]["red_flags"][0], "interpersonal_conflict");
    assert_eq!(lines[3]["id"], "c");
    assert!(lines[3]["error"].is_string());
    assert!(!out.stderr.is_empty());
}

#[test]
fn bad_input_exits_2_without_panic() {
    let out = run(&["/no/such/file.txt"], "");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot read"), "{err}");
    assert!(!err.contains("panicked"));
    let out = run(&["--bogus"], "");
    assert_eq!(out.status.code(), Some(2));
    let out = run(&["--jsonl"], "garbage\n");
    assert_eq!(out.status.code(), Some(2));
}
