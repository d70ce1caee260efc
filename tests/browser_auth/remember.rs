//! A remembered secret shows its end and is gone once it has passed; a sign-in whose `next`
//! is hostile stays on this origin (issue 23, points 2 and 3).

use super::*;

#[wasm_bindgen_test]
async fn a_remembered_secret_shows_its_end_and_is_gone_at_start_once_it_has_passed() {
    let _storage = Exclusive::take().await;
    let conn = Connection {
        id: "kept".into(),
        name: "Kept".into(),
        // Not the Demo cloud's (it needs no secret): this page makes no call.
        demo: false,
        base_url: "/proxy/ecs".into(),
        sign_in: SignInSettings::AccessKey {
            access_key: DEMO_ACCESS_KEY.into(),
        },
        ..demo_of("ecs")
    };
    let key = "skyglass.token.kept";
    let secret = |until: f64| format!(r#"{{"secret_key":"{DEMO_SECRET_KEY}","remember_until_ms":{until}}}"#);
    let app = mount_with(
        "/connections",
        std::slice::from_ref(&conn),
        &[("kept", secret(js_sys::Date::now() + 3.0 * 86_400_000.0))],
        true,
    );
    let el = app.el.clone();
    until("its end shown", || {
        text(&el).contains("secret key remembered on this device until")
    })
    .await;
    drop(app);
    let app = mount_with(
        "/connections",
        std::slice::from_ref(&conn),
        &[("kept", secret(js_sys::Date::now() - 1.0))],
        true,
    );
    let el = app.el.clone();
    until("the card", || text(&el).contains("no secret key in this tab")).await;
    assert_eq!(storage(true).get_item(key).unwrap(), None, "removed, not used");
    drop(app);
    // Remembered before secrets had an end: a week from now.
    let app = mount_with(
        "/connections",
        std::slice::from_ref(&conn),
        &[("kept", format!(r#"{{"secret_key":"{DEMO_SECRET_KEY}"}}"#))],
        true,
    );
    let stored: serde_json::Value = serde_json::from_str(&storage(true).get_item(key).unwrap().unwrap()).unwrap();
    let left = stored["remember_until_ms"].as_f64().unwrap() - js_sys::Date::now();
    assert!((6.9 * 86_400_000.0..=7.0 * 86_400_000.0).contains(&left), "{stored}");
    drop(app);
}

#[wasm_bindgen_test]
async fn a_sign_in_with_a_hostile_next_stays_on_this_origin_on_the_list() {
    let _storage = Exclusive::take().await;
    let conn = password_conn("stay", "demo-user");
    let origin = window().location().origin().unwrap();
    // (The full list of hostile forms: core/src/auth/next_tests.rs and tests/e2e/redirect.spec.ts.)
    for next in [
        "/%09/evil.example",
        "/%0A/evil.example",
        "/%5Cevil.example",
        "/%252F%252Fevil.example",
    ] {
        let app = mount_app(
            &format!("/c/stay/sign-in?next={next}"),
            std::slice::from_ref(&conn),
            &[],
        );
        let el = app.el.clone();
        until("the sign-in form", || !all(&el, "input[name=password]").is_empty()).await;
        type_into("password", DEMO_PASSWORD);
        click_button(&el, "Sign in");
        until(next, || path() == "/c/stay").await;
        assert_eq!(window().location().origin().unwrap(), origin, "{next}");
    }
}
