//! The credentials' flags: `--user DOMAIN/NAME:PASSWORD[,id=ID][,mfa=CODE][,ttl=SECONDS]`
//! and `--access-key AK:SK[:SECURITY_TOKEN]`. Their errors never repeat a
//! password, a secret key, a security token or an MFA code.

use cloudsim::{IamUser, KeyPair};

const USER: &str = "--user: expected DOMAIN/NAME:PASSWORD[,id=ID][,mfa=CODE][,ttl=SECONDS]";
const KEY: &str = "--access-key: expected AK:SK[:SECURITY_TOKEN]";

/// Parses `--user`'s value. The password runs to the first `,id=`,
/// `,mfa=` or `,ttl=`; the options follow, comma-separated, each at most
/// once.
pub fn user(spec: &str) -> Result<IamUser, String> {
    let (domain, rest) = spec.split_once('/').ok_or(USER)?;
    let (name, rest) = rest.split_once(':').ok_or(USER)?;
    let options_at = [",id=", ",mfa=", ",ttl="]
        .iter()
        .filter_map(|o| rest.find(o))
        .min()
        .unwrap_or(rest.len());
    let (password, options) = rest.split_at(options_at);
    if domain.is_empty() || name.is_empty() || password.is_empty() {
        return Err(format!("{USER} (none of them empty)"));
    }
    let mut user = IamUser {
        domain: domain.to_string(),
        name: name.to_string(),
        password: password.to_string(),
        ..IamUser::default()
    };
    let (mut id, mut mfa, mut ttl) = (false, false, false);
    for option in options.split(',').skip(1) {
        let once = |seen: &mut bool, what: &str| {
            if std::mem::replace(seen, true) {
                Err(format!("--user {domain}/{name}: {what}= is given twice"))
            } else {
                Ok(())
            }
        };
        match option.split_once('=') {
            Some(("id", v)) if !v.is_empty() => {
                once(&mut id, "id")?;
                user.id = v.to_string();
            }
            Some(("mfa", v)) if !v.is_empty() => {
                once(&mut mfa, "mfa")?;
                user.mfa_passcode = Some(v.to_string());
            }
            Some(("ttl", v)) => {
                once(&mut ttl, "ttl")?;
                let seconds = v
                    .parse::<i64>()
                    .ok()
                    .filter(|s| *s > 0)
                    .and_then(|s| s.checked_mul(1000))
                    .ok_or_else(|| format!("--user {domain}/{name}: ttl=`{v}` is not a number of seconds"))?;
                user.token_ttl_ms = Some(seconds);
            }
            _ => {
                return Err(format!(
                    "--user {domain}/{name}: every option after the password is a non-empty id=, mfa= or ttl="
                ))
            }
        }
    }
    Ok(user)
}

/// Parses `--access-key`'s value (the security token may contain `:`).
pub fn access_key(spec: &str) -> Result<KeyPair, String> {
    let mut parts = spec.splitn(3, ':');
    let (Some(ak), Some(sk)) = (parts.next(), parts.next()) else {
        return Err(KEY.to_string());
    };
    let security_token = parts.next().map(str::to_string);
    if ak.is_empty() || sk.is_empty() || security_token.as_deref() == Some("") {
        return Err(format!("{KEY} (none of them empty)"));
    }
    Ok(KeyPair {
        access_key: ak.to_string(),
        secret_key: sk.to_string(),
        security_token,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn users() {
        let u = user("acct/alice:pa:ss,word,mfa=123456,id=u1,ttl=60").unwrap();
        assert_eq!(
            (u.domain.as_str(), u.name.as_str(), u.password.as_str()),
            ("acct", "alice", "pa:ss,word")
        );
        assert_eq!(
            (u.id.as_str(), u.mfa_passcode.as_deref(), u.token_ttl_ms),
            ("u1", Some("123456"), Some(60_000))
        );
        let plain = user("acct/bob:pw").unwrap();
        assert_eq!(
            (plain.id.as_str(), plain.mfa_passcode, plain.token_ttl_ms),
            ("", None, None)
        );
        for bad in [
            "acct/bob",
            "acct:bob:pw",
            "/bob:pw",
            "acct/:pw",
            "acct/bob:",
            "acct/bob:pw,ttl=0",
            "acct/bob:pw,ttl=x",
            "acct/bob:pw,id=",
            "acct/bob:pw,id=a,id=b",
            "acct/bob:pw,mfa=1,secret",
        ] {
            let err = user(bad).unwrap_err();
            assert!(!err.contains("pw") && !err.contains("secret"), "{bad}: {err}");
        }
    }

    #[test]
    fn keys() {
        let k = access_key("AK:SK").unwrap();
        assert_eq!(
            (k.access_key.as_str(), k.secret_key.as_str(), k.security_token),
            ("AK", "SK", None)
        );
        let t = access_key("AK:SK:to:ken").unwrap();
        assert_eq!(t.security_token.as_deref(), Some("to:ken"));
        for bad in ["AK", ":SK", "AK:", "AK:SK:"] {
            assert!(access_key(bad).is_err(), "{bad}");
        }
        let debug = format!("{:?}", access_key("AK:s3cr3t:t0k3n").unwrap());
        assert!(!debug.contains("s3cr3t") && !debug.contains("t0k3n"), "{debug}");
        let debug = format!("{:?}", user("acct/bob:pa55,mfa=987654").unwrap());
        assert!(!debug.contains("pa55") && !debug.contains("987654"), "{debug}");
    }
}
