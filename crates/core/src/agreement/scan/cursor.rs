//! The scanner's cursor: JSON values read in place (strings without copies, numbers as serde_json
//! converts them), declining anything unusual.

use super::*;

impl<'a> Cursor<'a> {
    /// Reads a value with `value`, noting it as a hole read by `read` when recording; returns
    /// the value and, when recording, the hole's index.
    pub(super) fn hole<T>(&mut self, read: Read, value: impl FnOnce(&mut Self) -> Option<T>) -> Option<(T, usize)> {
        self.ws();
        let start = self.at;
        let value = value(self)?;
        let index = match &mut self.recording {
            Some(recording) => {
                recording.holes.push((start, self.at, read));
                recording.holes.len() - 1
            }
            None => 0,
        };
        Some((value, index))
    }

    /// Notes something in the recording, when recording.
    pub(super) fn note(&mut self, note: impl FnOnce(&mut Recording)) {
        if let Some(recording) = &mut self.recording {
            note(recording);
        }
    }

    pub(super) fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    pub(super) fn peek(&mut self) -> Option<u8> {
        self.ws();
        self.bytes.get(self.at).copied()
    }

    pub(super) fn eat(&mut self, byte: u8) -> Option<()> {
        (self.peek()? == byte).then(|| self.at += 1)
    }

    /// A string without escapes (with escapes: bail, the fallback decodes them).
    pub(super) fn string(&mut self) -> Option<&'a str> {
        self.eat(b'"')?;
        let start = self.at;
        // Eight bytes at a time until one is a quote, a backslash or a control character.
        while let Some(chunk) = self.bytes.get(self.at..self.at + 8) {
            let special = special_bytes(u64::from_le_bytes(chunk.try_into().expect("an 8-byte slice")));
            if special != 0 {
                self.at += (special.trailing_zeros() / 8) as usize;
                if self.bytes[self.at] != b'"' {
                    return None;
                }
                let text = &self.text[start..self.at];
                self.at += 1;
                return Some(text);
            }
            self.at += 8;
        }
        loop {
            match *self.bytes.get(self.at)? {
                b'"' => break,
                b'\\' => return None,
                byte if byte < 0x20 => return None,
                _ => self.at += 1,
            }
        }
        let text = &self.text[start..self.at];
        self.at += 1;
        Some(text)
    }

    /// Skips a string, allowing simple escapes (not `\u`, whose surrogate rules serde checks).
    pub(super) fn skip_string(&mut self) -> Option<()> {
        self.eat(b'"')?;
        loop {
            match *self.bytes.get(self.at)? {
                b'"' => break,
                b'\\' => match *self.bytes.get(self.at + 1)? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.at += 2,
                    _ => return None,
                },
                byte if byte < 0x20 => return None,
                _ => self.at += 1,
            }
        }
        self.at += 1;
        Some(())
    }

    /// A number's text, checked against JSON's grammar.
    pub(super) fn number(&mut self) -> Option<&'a str> {
        self.ws();
        let start = self.at;
        let digits = |cursor: &mut Self| {
            let from = cursor.at;
            while cursor.bytes.get(cursor.at).is_some_and(u8::is_ascii_digit) {
                cursor.at += 1;
            }
            cursor.at > from
        };
        if self.bytes.get(self.at) == Some(&b'-') {
            self.at += 1;
        }
        match self.bytes.get(self.at) {
            Some(b'0') => self.at += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return None,
        }
        if self.bytes.get(self.at) == Some(&b'.') {
            self.at += 1;
            if !digits(self) {
                return None;
            }
        }
        if let Some(b'e' | b'E') = self.bytes.get(self.at) {
            self.at += 1;
            if let Some(b'+' | b'-') = self.bytes.get(self.at) {
                self.at += 1;
            }
            if !digits(self) {
                return None;
            }
        }
        Some(&self.text[start..self.at])
    }

    pub(super) fn number_value(&mut self) -> Option<f64> {
        let raw = self.number()?;
        if raw.bytes().any(|b| matches!(b, b'.' | b'e' | b'E')) {
            // The same float parser `judgment_from_line` uses, so values agree to the bit.
            serde_json::from_str::<f64>(raw).ok()
        } else if raw.starts_with('-') {
            raw.parse::<i64>().ok().map(|n| n as f64)
        } else {
            raw.parse::<u64>().ok().map(|n| n as f64)
        }
    }

    pub(super) fn whole(&mut self) -> Option<u64> {
        let raw = self.number()?;
        if raw.bytes().all(|b| b.is_ascii_digit()) {
            raw.parse::<u64>().ok()
        } else {
            None
        }
    }

    pub(super) fn literal(&mut self, word: &[u8]) -> Option<()> {
        self.ws();
        self.bytes[self.at..].starts_with(word).then(|| self.at += word.len())
    }

    /// True (and consumed) when the next value is `null`.
    pub(super) fn null(&mut self) -> bool {
        self.literal(b"null").is_some()
    }

    pub(super) fn skip_value(&mut self, depth: u32) -> Option<()> {
        if depth > MAX_DEPTH {
            return None;
        }
        match self.peek()? {
            b'"' => self.hole(Read::SkipStr, Self::skip_string).map(|_| ()),
            b'{' => {
                let mut keys: Vec<&'a str> = Vec::new();
                self.object(|cursor, key| {
                    if keys.contains(&key) {
                        return None;
                    }
                    keys.push(key);
                    cursor.skip_value(depth + 1)
                })
            }
            b'[' => self.array(|cursor| cursor.skip_value(depth + 1)),
            b't' => self.literal(b"true"),
            b'f' => self.literal(b"false"),
            b'n' => self.literal(b"null"),
            _ => self.hole(Read::Number, Self::number).map(|_| ()),
        }
    }

    pub(super) fn object(&mut self, mut field: impl FnMut(&mut Self, &'a str) -> Option<()>) -> Option<()> {
        self.eat(b'{')?;
        if self.peek()? == b'}' {
            self.at += 1;
            return Some(());
        }
        loop {
            let key = self.string()?;
            self.eat(b':')?;
            field(self, key)?;
            match self.peek()? {
                b',' => self.at += 1,
                b'}' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    pub(super) fn array(&mut self, mut element: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.eat(b'[')?;
        if self.peek()? == b']' {
            self.at += 1;
            return Some(());
        }
        loop {
            element(self)?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => {
                    self.at += 1;
                    return Some(());
                }
                _ => return None,
            }
        }
    }

    /// A score value, and where a line of the same shape has it (when recording).
    pub(super) fn scalar(&mut self) -> Option<(Scalar<'a>, Plan)> {
        let fixed = |scalar: Scalar<'static>| (scalar.clone(), Plan::Fixed(scalar));
        Some(match self.peek()? {
            b'"' => self.hole(Read::Str, Self::string).map(|(text, k)| (Scalar::Str(text), Plan::Hole(k)))?,
            b't' => self.literal(b"true").map(|_| fixed(Scalar::Bool(true)))?,
            b'f' => self.literal(b"false").map(|_| fixed(Scalar::Bool(false)))?,
            b'n' => self.literal(b"null").map(|_| fixed(Scalar::Null))?,
            b'{' | b'[' => self.skip_value(2).map(|_| fixed(Scalar::Other))?,
            _ => self.hole(Read::NumberValue, Self::number_value).map(|(x, k)| (Scalar::Number(x), Plan::Hole(k)))?,
        })
    }

    /// `null`, or a string and its hole.
    pub(super) fn optional_string(&mut self) -> Option<Option<(&'a str, usize)>> {
        if self.null() {
            Some(None)
        } else {
            self.hole(Read::Str, Self::string).map(Some)
        }
    }
}
