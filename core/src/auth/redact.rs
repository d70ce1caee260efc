//! `Debug` for the credentials a connection calls with ([`Auth`]): the variant and what is
//! not secret (the access key id, the project id), never the token, the secret key or the
//! security token, so that a `{:?}` in a log or a panic message cannot show one.

use crate::http::Auth;
use std::fmt;

/// What a secret shows as.
const HIDDEN: &str = "[secret]";

impl fmt::Debug for Auth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Auth::AuthToken(_) => f.debug_tuple("AuthToken").field(&HIDDEN).finish(),
            Auth::Bearer(_) => f.debug_tuple("Bearer").field(&HIDDEN).finish(),
            // AccessKey's own Debug hides the secret key and the security token.
            Auth::Signed { key, project_id } => f
                .debug_struct("Signed")
                .field("key", key)
                .field("project_id", project_id)
                .finish(),
        }
    }
}
