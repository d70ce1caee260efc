use super::*;
use crate::connection::SignInSettings;

fn conn(id: &str, name: &str, url: &str) -> Connection {
    Connection {
        id: id.into(),
        name: name.into(),
        service: "clouddc".into(),
        base_url: url.into(),
        project_id: "p1".into(),
        remember_token: true,
        demo: false,
        sign_in: SignInSettings::Token,
    }
}

#[test]
fn export_leaves_out_demos_and_round_trips() {
    let mut mine = vec![conn("prod", "Prod", "https://dc.example.com")];
    mine.push(Connection::demos().remove(0));
    let text = export(&mine);
    assert!(text.contains("\"format\": \"skyglass.connections\""));
    assert!(!text.contains("demo-"), "{text}");
    let report = import(&text, &[]).unwrap();
    assert_eq!(report.added.len(), 1);
    assert_eq!(report.added[0].name, "Prod");
    assert!(
        !report.added[0].remember_token,
        "remembering a secret is chosen again in the new browser"
    );
    assert!(report.skipped.is_empty() && report.ignored.is_empty());
}

#[test]
fn import_checks_each_connection_and_says_why_it_skipped() {
    let existing = vec![conn("prod", "Prod", "https://dc.example.com")];
    let text = r#"{"format":"skyglass.connections","version":1,"connections":[
        {"id":"prod","name":"Prod","service":"clouddc","base_url":"https://dc.example.com","project_id":"p1"},
        {"id":"prod","name":"Prod west","service":"clouddc","base_url":"https://west.example.com","project_id":"p1","token":"tok-SECRET"},
        {"id":"x","name":"No URL","service":"clouddc","base_url":"ftp://nope","project_id":"p1"},
        {"id":"y","name":"What","service":"nonesuch","base_url":"/proxy/x","project_id":"p1"},
        {"id":"demo-clouddc","name":"Demo","service":"clouddc","base_url":"","project_id":"demo-project","demo":true},
        42,
        {"name":"Broken","service":7},
        {"id":"../evil","name":"<img src=x onerror=alert(1)>","service":"bycloud","base_url":"/proxy/bycloud","project_id":"","sign_in":{"method":"token"}}
    ]}"#;
    let report = import(text, &existing).unwrap();
    let names: Vec<&str> = report.added.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, ["Prod west", "<img src=x onerror=alert(1)>"]);
    assert_eq!(report.added[0].id, "prod-west", "a taken id gets a new one");
    assert_eq!(
        report.added[1].id, "img-src-x-onerror-alert-1",
        "an id that is not a slug is made one"
    );
    assert_eq!(report.ignored, [("“Prod west”".to_string(), "token".to_string())]);
    let why: Vec<(&str, &str)> = report.skipped.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
    assert_eq!(why.len(), 6, "{why:?}");
    assert!(why[0].1.starts_with("already here"));
    assert!(why[1].1.contains("base URL"));
    assert_eq!(why[2].1, "Choose a service.");
    assert!(why[3].1.contains("Demo"));
    assert_eq!(why[4], ("connection 6", "not a connection (not an object)"));
    assert!(why[5].1.starts_with("not a connection ("), "{why:?}");
    let json = format!("{:?}", report);
    assert!(!json.contains("tok-SECRET"), "a secret in the file is never kept");
}

#[test]
fn import_refuses_what_is_not_a_connections_file() {
    assert!(import("not json", &[]).unwrap_err().contains("not JSON"));
    assert!(import("{}", &[])
        .unwrap_err()
        .contains("not a Skyglass connections file"));
    assert!(
        import(r#"{"format":"skyglass.connections","version":9,"connections":[]}"#, &[])
            .unwrap_err()
            .contains("version 9")
    );
    assert!(import(r#"{"format":"skyglass.connections","version":1}"#, &[])
        .unwrap_err()
        .contains("no list"));
    let huge = format!("{{\"x\":\"{}\"}}", "a".repeat(MAX_BYTES));
    assert!(import(&huge, &[]).unwrap_err().contains("larger than"));
    let bom = "\u{feff}{\"format\":\"skyglass.connections\",\"version\":1,\"connections\":[]}";
    assert_eq!(import(bom, &[]).unwrap(), ImportReport::default());
}
