//! Browser tests of signing in (wasm-bindgen-test in headless Chromium), against the Demo
//! cloud inside the page, whose IAM knows a password user, an MFA user and an access key
//! pair (src/ui/transport/demo.rs): IAM password sign-in through the app's client, AK/SK
//! requests signed by the app and checked by cloudsim's own verifier, the connection form's
//! three methods, and the sign-in page, with what each leaves in storage.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use skyglass::connection::{Connection, SignInSettings, DEMO_PROJECT};
use skyglass::ui::app::App;
use skyglass::ui::transport::demo::{DEMO_ACCESS_KEY, DEMO_MFA_CODE, DEMO_PASSWORD, DEMO_SECRET_KEY};
use skyglass::ui::transport::{sign_in, Client};
use skyglass_core::auth::iam::{Mfa, Scope, SignIn, SignInFailure};
use skyglass_core::auth::sign::AccessKey;
use skyglass_core::http::{ApiError, Auth};
use skyglass_core::service::ListQuery;
use skyglass_core::services;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlInputElement, HtmlSelectElement};

mod browser_support;
use browser_support::*;

wasm_bindgen_test_configure!(run_in_browser);

fn demo_of(key: &str) -> Connection {
    Connection::demo_of(services::info(key).unwrap())
}

fn password_conn(id: &str, user: &str) -> Connection {
    Connection {
        id: id.into(),
        name: format!("Signed {id}"),
        sign_in: SignInSettings::Password {
            iam_url: String::new(),
            domain: "demo".into(),
            user: user.into(),
            scope: "cn-north-4".into(),
            user_id: String::new(),
        },
        ..demo_of("ecs")
    }
}

fn request(user: &str, password: &str, mfa: Option<Mfa>) -> SignIn {
    SignIn {
        domain: "demo".into(),
        user: user.into(),
        password: password.into(),
        scope: Scope::Name("cn-north-4".into()),
        mfa,
    }
}

/// Lists one page of every Huawei service with `auth`.
async fn list_all_huawei(auth: &Auth) -> Vec<Result<usize, ApiError>> {
    let mut out = Vec::new();
    for key in ["clouddc", "roma", "ecs"] {
        let client = Client {
            conn: demo_of(key),
            auth: auth.clone(),
        };
        let list = services::list(key).expect("a list service");
        let req = list.request(&ListQuery::first(list.list()), DEMO_PROJECT);
        out.push(
            client
                .send(req, None)
                .await
                .and_then(|r| list.decode(&r))
                .map(|p| p.0.len()),
        );
    }
    out
}

#[wasm_bindgen_test]
async fn a_password_gets_a_token_that_every_service_takes() {
    let conn = password_conn("pw", "demo-user");
    let signed = sign_in(&conn, "", &request("demo-user", DEMO_PASSWORD, None))
        .await
        .unwrap();
    assert!(!signed.token.is_empty());
    assert!(signed.expires_at_ms.is_some_and(|e| e > js_sys::Date::now() as i64));
    assert_eq!(signed.project_id.as_deref(), Some(DEMO_PROJECT));
    for r in list_all_huawei(&Auth::AuthToken(signed.token.clone())).await {
        assert!(r.is_ok_and(|n| n > 0));
    }
    let Err(SignInFailure::Failed(e)) = sign_in(&conn, "", &request("demo-user", "wrong-pass", None)).await else {
        panic!("a wrong password fails")
    };
    assert!(e.to_string().contains("The username or password is wrong"), "{e}");
    assert!(!e.to_string().contains("wrong-pass"));
}

#[wasm_bindgen_test]
async fn an_mfa_user_is_asked_for_a_code() {
    let conn = password_conn("mfa", "mfa-user");
    let asked = sign_in(&conn, "", &request("mfa-user", DEMO_PASSWORD, None)).await;
    assert!(matches!(asked, Err(SignInFailure::NeedsMfa(_))), "{asked:?}");
    let mfa = |code: &str| {
        Some(Mfa {
            user_id: "demo-mfa-user-id".into(),
            passcode: code.into(),
        })
    };
    let wrong = sign_in(&conn, "", &request("mfa-user", DEMO_PASSWORD, mfa("000000"))).await;
    assert!(matches!(wrong, Err(SignInFailure::Failed(_))), "{wrong:?}");
    let ok = sign_in(&conn, "", &request("mfa-user", DEMO_PASSWORD, mfa(DEMO_MFA_CODE))).await;
    assert!(ok.is_ok(), "{ok:?}");
}

fn signed(secret: &str, token: Option<&str>) -> Auth {
    Auth::Signed {
        key: AccessKey {
            access_key: DEMO_ACCESS_KEY.into(),
            secret_key: secret.into(),
            security_token: token.map(Into::into),
        },
        project_id: Some(DEMO_PROJECT.into()),
    }
}

#[wasm_bindgen_test]
fn a_clients_debug_shows_no_secret() {
    let conn = demo_of("clouddc");
    let token = Client::new(conn.clone(), "tok-3f9a-secret".into());
    let pair = Client {
        conn,
        auth: signed("sk-d41d8-secret", Some("sec-e3b0-secret")),
    };
    for (client, secrets) in [(token, vec!["tok-3f9a"]), (pair, vec!["sk-d41d8", "sec-e3b0"])] {
        let shown = format!("{client:?} {client:#?}");
        for s in secrets {
            assert!(!shown.contains(s), "{s} in {shown}");
        }
    }
}

#[wasm_bindgen_test]
async fn requests_signed_in_the_page_pass_cloudsims_own_verifier() {
    for r in list_all_huawei(&signed(DEMO_SECRET_KEY, None)).await {
        assert!(r.is_ok_and(|n| n > 0));
    }
    // ImageSearch's lookup too.
    let names = skyglass::ui::transport::demo::imagesearch_names();
    let client = Client {
        conn: demo_of("imagesearch"),
        auth: signed(DEMO_SECRET_KEY, None),
    };
    let req = skyglass_core::services::imagesearch::lookup::request(DEMO_PROJECT, &names[0]);
    assert_eq!(client.send(req, None).await.unwrap().status, 200);
    // A wrong secret key: the gateway's answer, with no secret in it.
    for r in list_all_huawei(&signed("not-the-secret", None)).await {
        let e = r.unwrap_err();
        assert!(e.is_auth(), "{e}");
        let text = e.to_string();
        assert!(
            text.contains("APIGW.0301") && text.contains("verify aksk signature fail"),
            "{text}"
        );
        assert!(!text.contains("not-the-secret"));
    }
}

fn input(name: &str) -> HtmlInputElement {
    document()
        .query_selector(&format!("input[name={name}]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no input {name}"))
        .unchecked_into()
}

fn type_into(name: &str, value: &str) {
    let el = input(name);
    el.set_value(value);
    el.dispatch_event(&web_sys::Event::new("input").unwrap()).unwrap();
}

fn storage(local: bool) -> web_sys::Storage {
    let w = window();
    if local { w.local_storage() } else { w.session_storage() }
        .unwrap()
        .unwrap()
}

/// Everything in a storage, as one text.
fn dump(local: bool) -> String {
    let s = storage(local);
    (0..s.length().unwrap())
        .filter_map(|i| s.key(i).unwrap())
        .map(|k| format!("{k}={}\n", s.get_item(&k).unwrap().unwrap_or_default()))
        .collect()
}

fn go(path: &str) {
    window()
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
}

fn path() -> String {
    let l = window().location();
    format!("{}{}", l.pathname().unwrap(), l.search().unwrap())
}

thread_local! {
    /// Whether a test holds the page's storage and history (the tests run concurrently).
    static BUSY: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The page's storage and history, held by one test at a time.
struct Exclusive;

impl Exclusive {
    async fn take() -> Exclusive {
        while BUSY.with(|b| b.replace(true)) {
            sleep(20).await;
        }
        Exclusive
    }
}

impl Drop for Exclusive {
    fn drop(&mut self) {
        BUSY.with(|b| b.set(false));
    }
}

/// The app mounted for one test; unmounted (its owner disposed) when dropped.
struct Mounted {
    el: web_sys::HtmlElement,
    _handle: Box<dyn std::any::Any>,
}

impl Drop for Mounted {
    fn drop(&mut self) {
        self.el.remove();
    }
}

/// Mounts the whole app at `at`, with `conns` saved, `secrets` (connection id, stored
/// JSON) in sessionStorage, and nothing else stored.
fn mount_app(at: &str, conns: &[Connection], secrets: &[(&str, String)]) -> Mounted {
    mount_with(at, conns, secrets, false)
}

/// As [`mount_app`], the secrets in localStorage (remembered) when `local`.
fn mount_with(at: &str, conns: &[Connection], secrets: &[(&str, String)], local: bool) -> Mounted {
    storage(true).clear().unwrap();
    storage(false).clear().unwrap();
    storage(true)
        .set_item("skyglass.connections", &serde_json::to_string(conns).unwrap())
        .unwrap();
    for (id, secret) in secrets {
        storage(local)
            .set_item(&format!("skyglass.token.{id}"), secret)
            .unwrap();
    }
    go(at);
    let el = container();
    let handle = leptos::mount::mount_to(el.clone(), App);
    Mounted {
        el,
        _handle: Box::new(handle),
    }
}

#[wasm_bindgen_test]
async fn the_form_offers_what_the_service_takes_and_stores_the_secret_key_apart() {
    let _storage = Exclusive::take().await;
    let app = mount_app("/connections/new", &[], &[]);
    let el = app.el.clone();
    until("the form", || !all(&el, "input[name=name]").is_empty()).await;
    let radios = || all(&el, "input[type=radio][name=method]").len();
    assert_eq!(radios(), 3, "CloudDC (the first service) takes all three");
    let select: HtmlSelectElement = el
        .query_selector("select[name=service]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    select.set_value("bycloud");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    until("ByCloud: a token only", || radios() == 1).await;
    select.set_value("ecs");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    until("ECS: three methods", || radios() == 3).await;
    let ak_radio: HtmlInputElement = all(&el, "input[type=radio][name=method]")[2].clone().unchecked_into();
    ak_radio.click();
    until("the AK/SK fields", || !all(&el, "input[name=secret_key]").is_empty()).await;
    type_into("name", "Signed ECS");
    type_into("base_url", "/proxy/ecs-cn-north-4");
    type_into("project_id", "p-1");
    type_into("access_key", "AKEXAMPLE");
    type_into("secret_key", "SK-very-secret");
    click_button(&el, "Save");
    until("the list route", || path().starts_with("/c/signed-ecs")).await;
    // leptos-use writes the connections to localStorage from an effect.
    until("the connection saved", || dump(true).contains("AKEXAMPLE")).await;
    let local = dump(true);
    let session = dump(false);
    assert!(
        local.contains("AKEXAMPLE") && local.contains("access_key"),
        "{local} at {} showing {}",
        path(),
        text(&el)
    );
    assert!(!local.contains("SK-very-secret"), "not remembered: not in localStorage");
    assert!(session.contains("SK-very-secret"), "kept for this tab");
    assert!(!path().contains("SK-very-secret"));
}

#[wasm_bindgen_test]
async fn the_sign_in_page_signs_in_forgets_the_password_and_goes_back() {
    let _storage = Exclusive::take().await;
    let conn = password_conn("signed-ecs", "demo-user");
    let app = mount_app(
        "/c/signed-ecs/sign-in?next=%2Fc%2Fsigned-ecs%3Flimit%3D10",
        &[conn],
        &[],
    );
    let el = app.el.clone();
    until("the sign-in form", || !all(&el, "input[name=password]").is_empty()).await;
    type_into("password", "wrong-pass");
    click_button(&el, "Sign in");
    until("the wrong-password message", || {
        text(&el).contains("The username or password is wrong")
    })
    .await;
    type_into("password", DEMO_PASSWORD);
    click_button(&el, "Sign in");
    until("back on the list", || path() == "/c/signed-ecs?limit=10").await;
    until("rows", || !row_ids(&el).is_empty()).await;
    let everything = format!("{}{}{}", dump(true), dump(false), path());
    assert!(
        !everything.contains(DEMO_PASSWORD) && !everything.contains("wrong-pass"),
        "{everything}"
    );
    assert!(dump(false).contains("expires_at_ms"), "the token, for this tab");
}

#[wasm_bindgen_test]
async fn an_expiring_sign_in_shows_a_banner_and_an_expired_one_asks_to_sign_in() {
    let _storage = Exclusive::take().await;
    let conn = password_conn("soon", "demo-user");
    let token = sign_in(&conn, "", &request("demo-user", DEMO_PASSWORD, None))
        .await
        .unwrap()
        .token;
    // IAM's token lasts a day; the stored expiry says when the app believes it ends.
    let secret = |ms_left: f64| {
        format!(
            r#"{{"token":"{token}","expires_at_ms":{}}}"#,
            js_sys::Date::now() + ms_left
        )
    };
    let app = mount_app(
        "/c/soon",
        std::slice::from_ref(&conn),
        &[("soon", secret(5.0 * 60_000.0))],
    );
    let el = app.el.clone();
    until("the banner", || {
        text(&el).contains("Signed soon: the sign-in expires in 5 min.")
    })
    .await;
    let link = all(&el, ".session-banner a")[0].get_attribute("href").unwrap();
    assert_eq!(link, "/c/soon/sign-in?next=%2Fc%2Fsoon");
    until("the list works meanwhile", || !row_ids(&el).is_empty()).await;
    drop(app);
    let app = mount_app("/c/soon", std::slice::from_ref(&conn), &[("soon", secret(-1_000.0))]);
    let el = app.el.clone();
    until("the sign-in notice", || {
        text(&el).contains("it is not signed in (or its sign-in has expired)")
    })
    .await;
    el.remove();
}

// Remembered secrets' ends and a sign-in's `next` (issue 23).
#[path = "browser_auth/remember.rs"]
mod remember;
