//! The keyboard shortcuts, as plain data: which key (or two-key sequence) means what.
//! The UI listens for keys outside text fields and acts on what [`Keys::press`] says.

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// `/`: focus the view's filter.
    Filter,
    /// `r`: refresh the view.
    Refresh,
    /// `g o`: the overview.
    GoOverview,
    /// `g a`: all instances.
    GoAll,
    /// `g c`: the connections.
    GoConnections,
    /// `?`: list the shortcuts.
    Help,
    /// `Escape`: close what is open (the shortcuts list).
    Close,
}

impl Shortcut {
    /// Every shortcut with its keys and what it does, for the `?` list.
    pub const ALL: [(Shortcut, &'static str, &'static str); 7] = [
        (Shortcut::Filter, "/", "Focus the filter"),
        (Shortcut::Refresh, "r", "Refresh"),
        (Shortcut::GoOverview, "g o", "Go to the overview"),
        (Shortcut::GoAll, "g a", "Go to all instances"),
        (Shortcut::GoConnections, "g c", "Go to the connections"),
        (Shortcut::Help, "?", "Show these shortcuts"),
        (Shortcut::Close, "Esc", "Close this list"),
    ];
}

/// Reads key presses: remembers a pending `g`.
#[derive(Clone, Copy, Debug, Default)]
pub struct Keys {
    after_g: bool,
}

impl Keys {
    /// A key (`KeyboardEvent.key`) pressed outside a text field, without Ctrl, Alt or Meta.
    pub fn press(&mut self, key: &str) -> Option<Shortcut> {
        let after_g = std::mem::take(&mut self.after_g);
        match (after_g, key) {
            (true, "o") => Some(Shortcut::GoOverview),
            (true, "a") => Some(Shortcut::GoAll),
            (true, "c") => Some(Shortcut::GoConnections),
            (_, "g") => {
                self.after_g = true;
                None
            }
            (_, "/") => Some(Shortcut::Filter),
            (_, "r") => Some(Shortcut::Refresh),
            (_, "?") => Some(Shortcut::Help),
            (_, "Escape") => Some(Shortcut::Close),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_keys_and_sequences() {
        let mut k = Keys::default();
        assert_eq!(k.press("/"), Some(Shortcut::Filter));
        assert_eq!(k.press("r"), Some(Shortcut::Refresh));
        assert_eq!(k.press("g"), None);
        assert_eq!(k.press("a"), Some(Shortcut::GoAll));
        assert_eq!(k.press("a"), None, "a without g is nothing");
        assert_eq!(k.press("g"), None);
        assert_eq!(k.press("o"), Some(Shortcut::GoOverview));
        assert_eq!(k.press("g"), None);
        assert_eq!(k.press("x"), None);
        assert_eq!(k.press("o"), None, "the g was spent on x");
        assert_eq!(k.press("g"), None);
        assert_eq!(k.press("g"), None);
        assert_eq!(k.press("c"), Some(Shortcut::GoConnections));
        assert_eq!(k.press("?"), Some(Shortcut::Help));
        assert_eq!(k.press("Escape"), Some(Shortcut::Close));
    }
}
