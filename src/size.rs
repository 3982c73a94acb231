//! Sizes as people read them, for the messages that name a size or a limit.
//!
//! It formats numbers only; it must not decide what is too large.

/// `bytes` in the largest unit that keeps it readable: "182 bytes", "3.5 KB",
/// "20.0 MB". One unit for everything would show a small file, or a small
/// limit, as "0.0 MB".
pub fn readable(bytes: u64) -> String {
    const KB: f64 = 1024.0;
    const MB: f64 = 1024.0 * KB;
    match bytes as f64 {
        b if b >= MB => format!("{:.1} MB", b / MB),
        b if b >= KB => format!("{:.1} KB", b / KB),
        _ if bytes == 1 => "1 byte".to_owned(),
        _ => format!("{bytes} bytes"),
    }
}

#[cfg(test)]
mod tests {
    use super::readable;

    #[test]
    fn each_size_in_its_unit() {
        assert_eq!(readable(0), "0 bytes");
        assert_eq!(readable(1), "1 byte");
        assert_eq!(readable(1023), "1023 bytes");
        assert_eq!(readable(1024), "1.0 KB");
        assert_eq!(readable(3 * 1024 + 512), "3.5 KB");
        assert_eq!(readable(20 * 1024 * 1024), "20.0 MB");
    }
}
