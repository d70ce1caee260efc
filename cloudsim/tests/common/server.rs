//! Running the `cloudsim` binary in a test: started on a free loopback port, killed when
//! the test ends, pass or fail.

use serde_json::Value;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Kills the server when the test ends, pass or fail.
pub struct Server {
    child: Child,
    pub port: u16,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Starts the binary at `exe` with `args` and waits for its "listening" line.
pub fn start(exe: impl AsRef<Path>, args: &[&str]) -> Server {
    let child = Command::new(exe.as_ref())
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start cloudsim");
    let mut server = Server { child, port: 0 };
    let stdout = server.child.stdout.take().unwrap();
    let mut line = String::new();
    BufReader::new(stdout).read_line(&mut line).expect("read the banner");
    let port = line
        .trim()
        .strip_prefix("cloudsim listening on http://127.0.0.1:")
        .unwrap_or_else(|| panic!("unexpected banner {line:?}"));
    server.port = port.parse().expect("a port");
    server
}

/// An HTTP answer as read off the socket.
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: String,
}

impl Reply {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, v)| v.as_str())
    }

    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body).unwrap_or_else(|e| panic!("{e}: {}", self.body))
    }
}
