//! The command line: `--help` text and parsing into a port and a `Config`
//! (the credentials' flags: `credentials`).

use cloudsim::{Config, Faults, MarkerStyle};

use crate::credentials::{access_key, user};

/// The `--help` text: the served APIs (from the registry), then the options.
pub fn usage() -> String {
    let mut apis = String::new();
    let mut line = |api: String, what: &str| {
        apis.push_str(&format!("    {api:<72}{what}\n"));
    };
    for service in cloudsim::served() {
        let paths = service.apis.join(", ").replace("{project_id}", "{project}");
        line(
            format!("{} {paths}", service.method),
            &format!("{} ({})", service.name, service.credential),
        );
    }
    line(
        "GET /__cloudsim/stats, POST /__cloudsim/stats/reset".into(),
        "request and fault counters",
    );
    format!("cloudsim: a simulated cloud serving the Skyglass vendor instance APIs\n\n{apis}\n{OPTIONS}")
}

const OPTIONS: &str = "\
USAGE:
    cloudsim [OPTIONS]

OPTIONS:
    --port N                 port on 127.0.0.1 (default 8787; 0 picks a free port)
    --instances N            fleet size (default 300; ImageSearch: at most 60)
    --seed N                 fleet seed (default 1)
    --token T                the configured token, every service (default demo-token)
    --project P              the accepted project_id, IAM tokens' project (default
                             demo-project)
    --project-name NAME      the project's name, the region an IAM token scope may name
                             (default cn-north-4)
    --user DOMAIN/NAME:PASSWORD[,id=ID][,mfa=CODE][,ttl=SECONDS]
                             an IAM user who may get tokens (repeatable): its account,
                             name and password; its user id (default: 32 hex digits
                             derived from the seed, account and name); a fixed virtual
                             MFA code it must also send; its tokens' lifetime (default
                             24 h). The password runs to the first `,id=`, `,mfa=` or
                             `,ttl=`.
    --access-key AK:SK[:SECURITY_TOKEN]
                             an AK/SK key pair the gateway accepts signatures of
                             (repeatable); temporary credentials with a security token
    --marker-style bare|url  page markers as ids or as query addresses (default bare)
    --start-ms N             simulation start, Unix ms (default: now)
    --epoch-ms N             the moment ids, names and creation times derive from,
                             Unix ms (default: the start; the same ids on every restart)
    --help                   print this help

FAULT OPTIONS (all off by default; random choices are deterministic per seed,
request and time, and an X-Request-Nonce header varies them):
    --latency-ms N           wait N ms before every answer
    --jitter-ms N            and up to N ms more, at random
    --error-rate S=P,...     answer status S with probability P, with the service's
                             error body (e.g. 500=0.1,503=0.05,429=0.05)
    --burst-429 B/P          every request answers 429 during the first B seconds of
                             every P seconds since the start
    --retry-after S|none     Retry-After on 429s: S seconds, or no header (default 2)
    --truncate-rate R        cut a 200 body short at random (malformed JSON), rate R
    --slow-body-ms N         write bodies in 4 chunks, N ms apart
    --marker-cycle           paging loops (CloudDC/ByCloud page 3 repeats page 1's
                             marker; past the end: empty page that says there is more)
                             and ROMA's total grows by 7 per request
    --disconnect-rate R      close the connection without an answer, rate R
    --hostile                every free-text field of 200 bodies is an XSS payload
    --huge                   huge pages (CloudDC >= 10 MiB; 100 KiB names; 10,000 tags)
    --echo-credentials       every list call with valid credentials answers 500 with an
                             error body repeating the request's X-Auth-Token,
                             Authorization, X-Security-Token and X-Sdk-Date, raw,
                             JSON-escaped and percent-encoded (a client must show none)
Every sleep is capped at 30 s.

Per request, `X-Cloudsim-Fault: d1; d2` overrides them: status=N, latency=MS,
retry-after=S|none, truncate, slow=MS, cycle, disconnect, hostile, huge,
echo-credentials.

CREDENTIALS: the X-Auth-Token services take the --token, a token IAM issued
(POST /v3/auth/tokens with a --user's password; X-Subject-Token in the answer)
until it expires, or an SDK-HMAC-SHA256 signature by an --access-key (X-Sdk-Date
within 15 minutes); ByCloud takes `Authorization: Bearer <--token>` only.
Nothing of any credential is ever printed (--echo-credentials repeats a request's
own credentials in the answer to it, never on the console).

Prints `cloudsim listening on http://127.0.0.1:<port>` once bound.";

/// Parsed command line: the port and the cloud's settings.
pub struct Args {
    pub port: u16,
    pub config: Config,
}

fn num<T: std::str::FromStr>(flag: &str, v: &str) -> Result<T, String> {
    v.trim()
        .parse()
        .map_err(|_| format!("{flag}: `{v}` is not a valid number"))
}

/// A probability: a number from 0 to 1.
fn rate(flag: &str, v: &str) -> Result<f64, String> {
    let r: f64 = num(flag, v)?;
    if (0.0..=1.0).contains(&r) {
        Ok(r)
    } else {
        Err(format!("{flag}: `{v}` is not between 0 and 1"))
    }
}

/// `500=0.1,503=0.05`: statuses 100–599, probabilities adding up to at most 1.
fn error_rates(flag: &str, v: &str) -> Result<Vec<(u16, f64)>, String> {
    let mut rates = Vec::new();
    for pair in v.split(',').filter(|p| !p.trim().is_empty()) {
        let (status, p) = pair
            .split_once('=')
            .ok_or_else(|| format!("{flag}: `{pair}` is not STATUS=RATE"))?;
        let status: u16 = num(flag, status)?;
        if !(100..=599).contains(&status) {
            return Err(format!("{flag}: {status} is not an HTTP status"));
        }
        rates.push((status, rate(flag, p)?));
    }
    if rates.iter().map(|r| r.1).sum::<f64>() > 1.0 + 1e-9 {
        return Err(format!("{flag}: the rates add up to more than 1"));
    }
    Ok(rates)
}

/// `BURST/PERIOD` in seconds, 0 < PERIOD, BURST <= PERIOD.
fn burst(flag: &str, v: &str) -> Result<(u64, u64), String> {
    let (b, p) = v
        .split_once('/')
        .ok_or_else(|| format!("{flag}: `{v}` is not BURST/PERIOD"))?;
    let (b, p): (u64, u64) = (num(flag, b)?, num(flag, p)?);
    if p == 0 || b > p {
        return Err(format!("{flag}: `{v}` needs 0 < PERIOD and BURST <= PERIOD"));
    }
    Ok((b, p))
}

/// Sets a fault flag; `Ok(false)` when `flag` is not one.
fn fault_flag(
    faults: &mut Faults,
    flag: &str,
    value: &mut dyn FnMut() -> Result<String, String>,
) -> Result<bool, String> {
    match flag {
        "--latency-ms" => faults.latency_ms = num(flag, &value()?)?,
        "--jitter-ms" => faults.jitter_ms = num(flag, &value()?)?,
        "--error-rate" => faults.error_rates = error_rates(flag, &value()?)?,
        "--burst-429" => faults.burst_429 = Some(burst(flag, &value()?)?),
        "--retry-after" => {
            faults.retry_after = match value()?.as_str() {
                "none" => None,
                v => Some(num(flag, v)?),
            }
        }
        "--truncate-rate" => faults.truncate_rate = rate(flag, &value()?)?,
        "--slow-body-ms" => faults.slow_body_ms = num(flag, &value()?)?,
        "--disconnect-rate" => faults.disconnect_rate = rate(flag, &value()?)?,
        "--marker-cycle" => faults.marker_cycle = true,
        "--hostile" => faults.hostile = true,
        "--huge" => faults.huge = true,
        "--echo-credentials" => faults.echo_credentials = true,
        _ => return Ok(false),
    }
    Ok(true)
}

/// `Ok(None)` means `--help` was asked for. `now_ms` is the default start.
pub fn parse_args(mut argv: impl Iterator<Item = String>, now_ms: i64) -> Result<Option<Args>, String> {
    let mut port = 8787u16;
    let mut config = Config {
        start_ms: now_ms,
        ..Config::default()
    };
    while let Some(arg) = argv.next() {
        if arg == "--help" || arg == "-h" {
            return Ok(None);
        }
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) => (f.to_string(), Some(v.to_string())),
            None => (arg.clone(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| argv.next())
                .ok_or_else(|| format!("{flag} needs a value"))
        };
        match flag.as_str() {
            "--port" => port = num(&flag, &value()?)?,
            "--instances" => config.instances = num(&flag, &value()?)?,
            "--seed" => config.seed = num(&flag, &value()?)?,
            "--start-ms" => config.start_ms = num(&flag, &value()?)?,
            "--epoch-ms" => config.epoch_ms = Some(num(&flag, &value()?)?),
            "--token" => config.token = value()?,
            "--project" => config.project_id = value()?,
            "--project-name" => config.project_name = value()?,
            "--user" => {
                let user = user(&value()?)?;
                if config
                    .users
                    .iter()
                    .any(|u| u.domain == user.domain && u.name == user.name)
                {
                    return Err(format!("--user: {}/{} is given twice", user.domain, user.name));
                }
                config.users.push(user);
            }
            "--access-key" => {
                let key = access_key(&value()?)?;
                if config.access_keys.iter().any(|k| k.access_key == key.access_key) {
                    return Err(format!("--access-key: {} is given twice", key.access_key));
                }
                config.access_keys.push(key);
            }
            "--marker-style" => {
                config.marker_style = match value()?.as_str() {
                    "bare" => MarkerStyle::Bare,
                    "url" | "query" | "address" => MarkerStyle::QueryAddress,
                    other => return Err(format!("--marker-style: `{other}` is not bare or url")),
                }
            }
            other => {
                if !fault_flag(&mut config.faults, other, &mut value)? {
                    // Only the flag: what follows its `=` may be a secret.
                    return Err(format!("unknown argument `{flag}`"));
                }
            }
        }
    }
    Ok(Some(Args { port, config }))
}
