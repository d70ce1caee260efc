//! A small JSON tree that keeps object members in their order, for the
//! fault transforms that rewrite a rendered body (`hostile`, `huge`).
//! serde_json's map would sort the keys, and the services keep the vendor
//! examples' key order.

use crate::encode::json_str;

/// A JSON value; numbers keep their text.
#[derive(Clone, Debug, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<Node>),
    Obj(Vec<(String, Node)>),
}

impl Node {
    /// Member `key` of an object.
    pub fn get_mut(&mut self, key: &str) -> Option<&mut Node> {
        match self {
            Node::Obj(members) => members.iter_mut().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// Sets member `key` of an object; a new member goes right after
    /// `after` (or last when `after` is not there).
    pub fn set(&mut self, key: &str, value: Node, after: &str) {
        let Node::Obj(members) = self else { return };
        if let Some(slot) = members.iter_mut().find(|(k, _)| k == key) {
            slot.1 = value;
            return;
        }
        let at = members
            .iter()
            .position(|(k, _)| k == after)
            .map_or(members.len(), |i| i + 1);
        members.insert(at, (key.to_string(), value));
    }

    /// The items of an array (none for anything else).
    pub fn items_mut(&mut self) -> &mut [Node] {
        match self {
            Node::Arr(items) => items,
            _ => &mut [],
        }
    }

    /// The JSON text.
    pub fn write(&self, out: &mut String) {
        match self {
            Node::Null => out.push_str("null"),
            Node::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Node::Num(n) => out.push_str(n),
            Node::Str(s) => json_str(out, s),
            Node::Arr(items) => {
                out.push('[');
                for (i, item) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Node::Obj(members) => {
                out.push('{');
                for (i, (k, v)) in members.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    json_str(out, k);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }

    /// The JSON text as a new string.
    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

/// Parses one JSON document; `None` when it is not valid JSON.
pub fn parse(text: &str) -> Option<Node> {
    let mut p = Parser { s: text, i: 0 };
    let node = p.value(0)?;
    p.ws();
    (p.i == text.len()).then_some(node)
}

/// Nesting deeper than this is refused (the services nest 4 levels).
const MAX_DEPTH: usize = 64;

struct Parser<'a> {
    s: &'a str,
    i: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.s.as_bytes().get(self.i).copied()
    }

    fn ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\n' | b'\r' | b'\t')) {
            self.i += 1;
        }
    }

    fn eat(&mut self, b: u8) -> bool {
        self.ws();
        let hit = self.peek() == Some(b);
        self.i += usize::from(hit);
        hit
    }

    fn value(&mut self, depth: usize) -> Option<Node> {
        self.ws();
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'{' => {
                self.i += 1;
                let mut members = Vec::new();
                if self.eat(b'}') {
                    return Some(Node::Obj(members));
                }
                loop {
                    self.ws();
                    let key = self.string()?;
                    if !self.eat(b':') {
                        return None;
                    }
                    members.push((key, self.value(depth + 1)?));
                    if self.eat(b'}') {
                        return Some(Node::Obj(members));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            b'[' => {
                self.i += 1;
                let mut items = Vec::new();
                if self.eat(b']') {
                    return Some(Node::Arr(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    if self.eat(b']') {
                        return Some(Node::Arr(items));
                    }
                    if !self.eat(b',') {
                        return None;
                    }
                }
            }
            b'"' => self.string().map(Node::Str),
            b't' => self.literal("true", Node::Bool(true)),
            b'f' => self.literal("false", Node::Bool(false)),
            b'n' => self.literal("null", Node::Null),
            _ => {
                let start = self.i;
                while matches!(self.peek(), Some(b'0'..=b'9' | b'-' | b'+' | b'.' | b'e' | b'E')) {
                    self.i += 1;
                }
                let num = &self.s[start..self.i];
                (!num.is_empty()).then(|| Node::Num(num.to_string()))
            }
        }
    }

    fn literal(&mut self, word: &str, node: Node) -> Option<Node> {
        self.s[self.i..].starts_with(word).then(|| {
            self.i += word.len();
            node
        })
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.s.get(self.i..self.i + 4)?;
        self.i += 4;
        u32::from_str_radix(digits, 16).ok()
    }

    fn string(&mut self) -> Option<String> {
        if self.peek() != Some(b'"') {
            return None;
        }
        self.i += 1;
        let mut out = String::new();
        loop {
            let rest = &self.s[self.i..];
            let stop = rest.find(['"', '\\'])?;
            out.push_str(&rest[..stop]);
            self.i += stop + 1;
            if rest.as_bytes()[stop] == b'"' {
                return Some(out);
            }
            let escape = self.peek()?;
            self.i += 1;
            match escape {
                b'"' => out.push('"'),
                b'\\' => out.push('\\'),
                b'/' => out.push('/'),
                b'b' => out.push('\u{8}'),
                b'f' => out.push('\u{c}'),
                b'n' => out.push('\n'),
                b'r' => out.push('\r'),
                b't' => out.push('\t'),
                b'u' => {
                    let mut code = self.hex4()?;
                    if (0xD800..0xDC00).contains(&code) && self.s[self.i..].starts_with("\\u") {
                        self.i += 2;
                        let low = self.hex4()?;
                        code = 0x10000 + ((code - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF);
                    }
                    out.push(char::from_u32(code).unwrap_or('\u{FFFD}'));
                }
                _ => return None,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_in_order() {
        let text = r#"{"z":1,"a":[true,false,null,-1.5e3],"s":"q\"\\\n\u0001é\ud83d\ude00","o":{}}"#;
        let node = parse(text).unwrap();
        let again = node.to_json();
        assert!(
            again.starts_with(r#"{"z":1,"a":[true,false,null,-1.5e3],"s":"#),
            "{again}"
        );
        assert!(again.contains("é😀"));
        assert_eq!(parse(&again), Some(node));
        for bad in ["", "{", "{\"a\"}", "[1,]", "{\"a\":1", "\"x", "tru", "[1] 2"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
        let mut obj = parse(r#"{"a":1,"c":3}"#).unwrap();
        obj.set("b", Node::Num("2".into()), "a");
        obj.set("c", Node::Null, "a");
        obj.set("d", Node::Null, "nope");
        assert_eq!(obj.to_json(), r#"{"a":1,"b":2,"c":null,"d":null}"#);
    }
}
