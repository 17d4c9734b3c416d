//! String interning for the large-file hot paths (agreement and ranking readers): names become
//! dense `u32` ids in first-seen order without one heap allocation per name.
//!
//! A name is hashed once to 64 bits ([`hash_str`]); the table holds part of that hash and the id,
//! and the names themselves live in one growing buffer. A hit is confirmed by comparing the
//! stored name, so colliding hashes can never merge two names. Tables are only looked up, never
//! iterated, so no hash order reaches any output.

const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;

/// A fast non-cryptographic 64-bit hash of `bytes` (FxHash's word step, eight bytes at a time,
/// then MurmurHash3's finaliser so every input bit reaches the low bits hash tables use). Inputs
/// are local files: hash flooding is not a concern, and collisions are checked by the callers.
pub(crate) fn hash_str(bytes: &[u8]) -> u64 {
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        h = (h.rotate_left(5) ^ u64::from_le_bytes(chunk.try_into().expect("chunks_exact gives 8 bytes"))).wrapping_mul(K);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut word = [0u8; 8];
        word[..rest.len()].copy_from_slice(rest);
        h = (h.rotate_left(5) ^ u64::from_le_bytes(word)).wrapping_mul(K);
    }
    fmix64(h)
}

/// MurmurHash3's 64-bit finaliser.
pub(crate) fn fmix64(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
    h ^= h >> 33;
    h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
    h ^ (h >> 33)
}

/// Strings to dense `u32` ids, in first-seen order.
///
/// An open-addressing table (linear probing, at most half full) of 8-byte slots: the high 32
/// bits of the name's hash as a tag and `id + 1` (0 is an empty slot), so a look-up touches one
/// cache line of the table; a tag match is confirmed by comparing the stored name.
#[derive(Default, Clone)]
pub(crate) struct Interner {
    slots: Vec<u64>,
    /// All names, concatenated in id order.
    text: String,
    /// End of each name in `text`.
    ends: Vec<usize>,
    /// The id returned last: consecutive lines often repeat a name.
    last: Option<u32>,
}

impl Interner {
    /// Makes room for `names` more names of about `bytes` bytes in all.
    pub(crate) fn reserve(&mut self, names: usize, bytes: usize) {
        self.ends.reserve(names);
        self.text.reserve(bytes);
        let wanted = ((self.len() + names) * 2).next_power_of_two().max(16);
        if wanted > self.slots.len() {
            self.rehash(wanted);
        }
    }

    fn rehash(&mut self, size: usize) {
        let mut slots = vec![0u64; size];
        let mask = size - 1;
        for id in 0..self.len() as u32 {
            let hash = hash_str(self.name(id).as_bytes());
            let mut at = hash as usize & mask;
            while slots[at] != 0 {
                at = (at + 1) & mask;
            }
            slots[at] = (hash & !0xffff_ffff) | u64::from(id + 1);
        }
        self.slots = slots;
    }

    /// Reads the table slot where a name hashed to `hash` would be looked up first. Touching
    /// the slots of a batch of names before interning them lets their cache misses overlap.
    pub(crate) fn touch(&self, hash: u64) -> u64 {
        self.slots.get(hash as usize & self.slots.len().wrapping_sub(1)).copied().unwrap_or(0)
    }

    /// Number of names.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The name of `id`.
    pub(crate) fn name(&self, id: u32) -> &str {
        let id = id as usize;
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        &self.text[start..self.ends[id]]
    }

    /// The id of `name` (hashed to `hash`), or the empty slot where it would go.
    fn find(&self, name: &str, hash: u64) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let tag = hash >> 32;
        let mut at = hash as usize & mask;
        loop {
            let slot = self.slots[at];
            if slot == 0 {
                return Err(at);
            }
            if slot >> 32 == tag {
                let id = (slot as u32) - 1;
                if self.name(id) == name {
                    return Ok(id);
                }
            }
            at = (at + 1) & mask;
        }
    }

    /// The id of `name`, adding it when new.
    pub(crate) fn intern(&mut self, name: &str) -> u32 {
        if let Some(last) = self.last.filter(|&id| self.name(id) == name) {
            return last;
        }
        let id = self.intern_hashed(name, hash_str(name.as_bytes())).0;
        self.last = Some(id);
        id
    }

    /// The id of `name` (whose [`hash_str`] is `hash`) and whether it was new.
    pub(crate) fn intern_hashed(&mut self, name: &str, hash: u64) -> (u32, bool) {
        if (self.len() + 1) * 2 > self.slots.len() {
            self.rehash((self.slots.len() * 2).max(16));
        }
        match self.find(name, hash) {
            Ok(id) => (id, false),
            Err(at) => {
                let id = self.len() as u32;
                assert!(id < u32::MAX - 1, "at most 2^32 - 2 names");
                self.slots[at] = (hash & !0xffff_ffff) | u64::from(id + 1);
                self.text.push_str(name);
                self.ends.push(self.text.len());
                (id, true)
            }
        }
    }

    /// The names in id order.
    pub(crate) fn names(&self) -> Vec<String> {
        (0..self.len() as u32).map(|id| self.name(id).to_owned()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_follow_first_appearance_and_names_round_trip() {
        let mut interner = Interner::default();
        let ids: Vec<u32> = ["b", "a", "b", "", "a", "c"].iter().map(|n| interner.intern(n)).collect();
        assert_eq!(ids, [0, 1, 0, 2, 1, 3]);
        assert_eq!(interner.names(), ["b", "a", "", "c"]);
        assert_eq!(interner.intern_hashed("c", hash_str(b"c")), (3, false));
    }

    #[test]
    fn a_hash_collision_never_merges_two_names() {
        let mut interner = Interner::default();
        // Force the same hash for different names.
        assert_eq!(interner.intern_hashed("x", 42), (0, true));
        assert_eq!(interner.intern_hashed("y", 42), (1, true));
        assert_eq!(interner.intern_hashed("y", 42), (1, false));
        assert_eq!(interner.intern_hashed("x", 42), (0, false));
        assert_eq!(interner.intern_hashed("z", 42), (2, true));
        assert_eq!(interner.names(), ["x", "y", "z"]);
        // Growing the table keeps every name findable.
        interner.reserve(1000, 0);
        assert_eq!(interner.intern("z"), 2);
        for n in 0..5000 {
            assert_eq!(interner.intern(&n.to_string()), n + 3);
        }
        assert_eq!(interner.intern_hashed("1234", hash_str(b"1234")), (1237, false));
    }

    #[test]
    fn the_hash_sees_every_byte_and_the_length() {
        assert_ne!(hash_str(b"item-00000001"), hash_str(b"item-00000002"));
        assert_ne!(hash_str(b"a"), hash_str(b"a\0"));
        assert_ne!(hash_str(b""), hash_str(b"\0"));
    }
}
