//! The token body IAM answers 201 with.

use crate::encode::{json_strs, utc_micros, Obj};

/// What a token body says.
pub struct Issued<'a> {
    pub methods: &'a [&'a str],
    pub issued_ms: i64,
    pub expires_ms: i64,
    pub project_id: &'a str,
    pub project_name: &'a str,
    pub domain_id: &'a str,
    pub domain_name: &'a str,
    pub user_id: &'a str,
    pub user_name: &'a str,
}

/// `{"id": …, "name": …}` of the account.
fn domain(out: &mut String, t: &Issued) {
    let mut obj = Obj::new(out);
    obj.str("id", t.domain_id).str("name", t.domain_name);
    obj.end();
}

/// `{"token": {"expires_at", "issued_at", "methods", "project", "user",
/// "catalog": [], "roles": []}}`, times as IAM writes them
/// (`2026-01-02T00:00:00.000000Z`).
pub fn token_body(t: &Issued) -> String {
    let mut body = String::new();
    let mut root = Obj::new(&mut body);
    root.raw("token", |out| {
        let mut token = Obj::new(out);
        token
            .str("expires_at", &utc_micros(t.expires_ms))
            .str("issued_at", &utc_micros(t.issued_ms))
            .raw("methods", |out| json_strs(out, t.methods))
            .raw("project", |out| {
                let mut project = Obj::new(out);
                project
                    .str("id", t.project_id)
                    .str("name", t.project_name)
                    .raw("domain", |out| domain(out, t));
                project.end();
            })
            .raw("user", |out| {
                let mut user = Obj::new(out);
                user.str("id", t.user_id)
                    .str("name", t.user_name)
                    .raw("domain", |out| domain(out, t))
                    .str("password_expires_at", "");
                user.end();
            })
            .raw("catalog", |out| out.push_str("[]"))
            .raw("roles", |out| out.push_str("[]"));
        token.end();
    });
    root.end();
    body
}
