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

/// FxHash (rustc's hasher): much faster than SipHash on the short ids interned here. Inputs are
/// local files, so hash flooding is not a concern; no map's iteration order reaches output.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            self.add(u64::from_le_bytes(chunk.try_into().expect("chunks_exact gives 8 bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }
    fn write_u8(&mut self, value: u8) {
        self.add(u64::from(value));
    }
    fn write_u32(&mut self, value: u32) {
        self.add(u64::from(value));
    }
    fn write_u64(&mut self, value: u64) {
        self.add(value);
    }
    fn write_usize(&mut self, value: usize) {
        self.add(value as u64);
    }
    fn finish(&self) -> u64 {
        // Fx's multiply only carries low input bits upward, and hashbrown picks buckets from
        // the low bits: ids differing only in later characters would collide. A MurmurHash3
        // finaliser (fmix64) spreads every bit over the whole word.
        fmix64(self.0)
    }
}

/// A hash map with [`FxHasher`].
pub(crate) type FxMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<FxHasher>>;

/// Names in id order, kept in one buffer (no allocation per name): what an interner leaves
/// behind. `list[id]` is the name of `id`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct NameList {
    text: String,
    /// End of each name in `text`.
    ends: Vec<usize>,
}

impl NameList {
    /// Number of names.
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// True when there is no name.
    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The name of `id`, if there is one.
    pub fn get(&self, id: usize) -> Option<&str> {
        let end = *self.ends.get(id)?;
        let start = if id == 0 { 0 } else { self.ends[id - 1] };
        Some(&self.text[start..end])
    }

    /// The names in id order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|id| &self[id])
    }

    /// Adds a name at the end (its id is the previous length).
    pub fn push(&mut self, name: &str) {
        self.text.push_str(name);
        self.ends.push(self.text.len());
    }
}

impl std::ops::Index<usize> for NameList {
    type Output = str;

    fn index(&self, id: usize) -> &str {
        self.get(id).unwrap_or_else(|| panic!("name id {id} out of range (len {})", self.len()))
    }
}

impl<S: AsRef<str>> FromIterator<S> for NameList {
    fn from_iter<I: IntoIterator<Item = S>>(names: I) -> Self {
        let mut list = NameList::default();
        names.into_iter().for_each(|name| list.push(name.as_ref()));
        list
    }
}

/// Strings to dense `u32` ids, in first-seen order.
///
/// An open-addressing table (linear probing, at most half full) of 8-byte slots: the high 32
/// bits of the name's hash as a tag and `id + 1` (0 is an empty slot), so a look-up touches one
/// cache line of the table; a tag match is confirmed by comparing the stored name.
///
/// While every name so far came in strictly ascending byte order (zero-padded counters,
/// time-ordered ids: common in exported files), a name greater than the last one is new without
/// a look-up, so no table is built; the first name out of order builds it.
#[derive(Default, Clone)]
pub(crate) struct Interner {
    slots: Vec<u64>,
    /// All names, in id order.
    names: NameList,
    /// Names from this id on are not in `slots` yet (see [`Interner::absorb`]); they are added
    /// before the next look-up.
    indexed: usize,
    /// The id returned last: consecutive lines often repeat a name.
    last: Option<u32>,
    /// A name came out of ascending order: look-ups go through the table.
    unordered: bool,
    /// Names announced by [`Interner::reserve`] while ascending: the table's size if it is built.
    planned: usize,
}

impl Interner {
    /// Makes room for `names` more names of about `bytes` bytes in all.
    pub(crate) fn reserve(&mut self, names: usize, bytes: usize) {
        self.names.ends.reserve(names);
        self.names.text.reserve(bytes);
        if !self.unordered {
            // The table is built (at this size) only if a name comes out of order.
            self.planned = self.planned.max(self.len() + names);
            return;
        }
        let wanted = ((self.len() + names) * 2).next_power_of_two().max(16);
        if wanted > self.slots.len() {
            self.rehash(wanted);
        }
    }

    fn rehash(&mut self, size: usize) {
        self.slots = vec![0u64; size];
        self.indexed = 0;
        self.index_rest();
    }

    /// Puts the names from `indexed` on into the table.
    fn index_rest(&mut self) {
        if self.indexed == self.len() {
            return;
        }
        if self.len() * 2 > self.slots.len() {
            // Sizes the table and indexes everything.
            return self.rehash((self.len() * 2).next_power_of_two().max(16));
        }
        let mask = self.slots.len() - 1;
        for id in self.indexed as u32..self.len() as u32 {
            let hash = hash_str(self.name(id).as_bytes());
            let mut at = hash as usize & mask;
            while self.slots[at] != 0 {
                at = (at + 1) & mask;
            }
            self.slots[at] = (hash & !0xffff_ffff) | u64::from(id + 1);
        }
        self.indexed = self.len();
    }

    /// Reads the table slot where a name hashed to `hash` would be looked up first. Touching
    /// the slots of a batch of names before interning them lets their cache misses overlap.
    pub(crate) fn touch(&self, hash: u64) -> u64 {
        self.slots.get(hash as usize & self.slots.len().wrapping_sub(1)).copied().unwrap_or(0)
    }

    /// Number of names.
    pub(crate) fn len(&self) -> usize {
        self.names.len()
    }

    /// The name of `id`.
    pub(crate) fn name(&self, id: u32) -> &str {
        &self.names[id as usize]
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

    /// True when `name` is surely new because every name so far, and this one, came in
    /// strictly ascending order (then interning it needs neither its hash nor the table).
    pub(crate) fn surely_new(&self, name: &str) -> bool {
        !self.unordered && self.names.ends.last().is_none_or(|_| name > &self.names[self.len() - 1])
    }

    /// The id of `name` (whose [`hash_str`] is `hash`; unused when the name is
    /// [`Interner::surely_new`]) and whether it was new.
    pub(crate) fn intern_hashed(&mut self, name: &str, hash: u64) -> (u32, bool) {
        if !self.unordered {
            if self.surely_new(name) {
                let id = self.len() as u32;
                assert!(id < u32::MAX - 1, "at most 2^32 - 2 names");
                self.names.push(name);
                return (id, true);
            }
            // Out of order: from now on, through the table, sized for the names announced.
            self.unordered = true;
            self.rehash(((self.planned.max(self.len()) + 1) * 2).next_power_of_two().max(16));
        }
        if (self.len() + 1) * 2 > self.slots.len() {
            self.rehash((self.slots.len() * 2).max(16));
        }
        self.index_rest();
        match self.find(name, hash) {
            Ok(id) => (id, false),
            Err(at) => {
                let id = self.len() as u32;
                assert!(id < u32::MAX - 1, "at most 2^32 - 2 names");
                self.slots[at] = (hash & !0xffff_ffff) | u64::from(id + 1);
                self.names.push(name);
                self.indexed = self.len();
                (id, true)
            }
        }
    }

    /// The names in id order.
    pub(crate) fn names(&self) -> Vec<String> {
        (0..self.len() as u32).map(|id| self.name(id).to_owned()).collect()
    }

    /// The names in id order, without copying them.
    pub(crate) fn into_names(self) -> NameList {
        self.names
    }

    /// Adds `other`'s names (those not here yet, in `other`'s order) and returns the id here
    /// of each of `other`'s ids. The look-ups run on up to `threads` threads; the new names are
    /// put into the table only when this interner is next used to look a name up, so absorbing
    /// a part just before the end costs no table writes.
    pub(crate) fn absorb(&mut self, other: &Interner, threads: usize) -> Vec<u32> {
        if !self.unordered && !other.unordered && (other.len() == 0 || self.surely_new(other.name(0))) {
            // Both in ascending order, `other` after this one: every name is new, still in order.
            let first = self.len() as u32;
            self.names.text.push_str(&other.names.text);
            let offset = self.names.text.len() - other.names.text.len();
            self.names.ends.extend(other.names.ends.iter().map(|end| end + offset));
            assert!(self.len() < u32::MAX as usize - 1, "at most 2^32 - 2 names");
            self.last = None;
            return (first..self.len() as u32).collect();
        }
        if !self.unordered {
            self.unordered = true;
            self.rehash(((self.planned.max(self.len()) + other.len()) * 2).next_power_of_two().max(16));
        }
        self.index_rest();
        let mut found = vec![u32::MAX; other.len()];
        if !self.slots.is_empty() {
            let this = &*self;
            // Sixteen names at a time: their first slots are touched before the look-ups, so
            // the cache misses overlap instead of queueing.
            let look_up = |first: usize, out: &mut [u32]| {
                for (batch_start, batch) in (first..).step_by(16).zip(out.chunks_mut(16)) {
                    let mut hashes = [0u64; 16];
                    for (k, hash) in hashes.iter_mut().enumerate().take(batch.len()) {
                        *hash = hash_str(other.name((batch_start + k) as u32).as_bytes());
                    }
                    std::hint::black_box(hashes[..batch.len()].iter().fold(0, |acc, &hash| acc ^ this.touch(hash)));
                    for (k, slot) in batch.iter_mut().enumerate() {
                        if let Ok(id) = this.find(other.name((batch_start + k) as u32), hashes[k]) {
                            *slot = id;
                        }
                    }
                }
            };
            let threads = if cfg!(target_arch = "wasm32") || other.len() < 1 << 14 { 1 } else { threads.max(1) };
            if threads == 1 {
                look_up(0, &mut found);
                return self.append_unfound(other, found);
            }
            let chunk = other.len().div_ceil(threads).max(1);
            // Chunk 0 here, the others on threads; a chunk whose thread could not start is
            // looked up here afterwards.
            let not_started: Vec<usize> = std::thread::scope(|scope| {
                let mut chunks = found.chunks_mut(chunk).enumerate();
                let first = chunks.next();
                let not_started = chunks
                    .filter_map(|(index, out)| {
                        let look_up = &look_up;
                        std::thread::Builder::new().spawn_scoped(scope, move || look_up(index * chunk, out)).err().map(|_| index)
                    })
                    .collect();
                if let Some((_, out)) = first {
                    look_up(0, out);
                }
                not_started
            });
            for index in not_started {
                let end = ((index + 1) * chunk).min(found.len());
                look_up(index * chunk, &mut found[index * chunk..end]);
            }
        }
        self.append_unfound(other, found)
    }

    /// Appends the names of `other` whose id here in `found` is still `u32::MAX` (not found),
    /// giving them their ids.
    fn append_unfound(&mut self, other: &Interner, mut found: Vec<u32>) -> Vec<u32> {
        let new_names = found.iter().filter(|&&id| id == u32::MAX).count();
        self.names.ends.reserve(new_names);
        self.names.text.reserve(new_names * other.names.text.len() / other.len().max(1));
        for (id, slot) in found.iter_mut().enumerate() {
            if *slot == u32::MAX {
                *slot = self.len() as u32;
                assert!(*slot < u32::MAX - 1, "at most 2^32 - 2 names");
                self.names.push(other.name(id as u32));
            }
        }
        self.last = None;
        found
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
        // Two names out of order, so that look-ups go through the table from now on.
        assert_eq!((interner.intern("~"), interner.intern("!")), (0, 1));
        // Force the same hash for different names.
        assert_eq!(interner.intern_hashed("x", 42), (2, true));
        assert_eq!(interner.intern_hashed("y", 42), (3, true));
        assert_eq!(interner.intern_hashed("y", 42), (3, false));
        assert_eq!(interner.intern_hashed("x", 42), (2, false));
        assert_eq!(interner.intern_hashed("z", 42), (4, true));
        assert_eq!(interner.names(), ["~", "!", "x", "y", "z"]);
        // Growing the table keeps every name findable.
        interner.reserve(1000, 0);
        assert_eq!(interner.intern("z"), 4);
        for n in 0..5000 {
            assert_eq!(interner.intern(&n.to_string()), n + 5);
        }
        assert_eq!(interner.intern_hashed("1234", hash_str(b"1234")), (1239, false));
    }

    #[test]
    fn absorbing_maps_shared_names_and_appends_new_ones_in_order() {
        for n in [10u32, 40_000] {
            let mut first = Interner::default();
            let mut second = Interner::default();
            for k in 0..n {
                first.intern(&format!("item-{k}"));
                second.intern(&format!("item-{}", k + n / 2));
            }
            let ids = first.absorb(&second, 3);
            let expected: Vec<u32> = (0..n).map(|k| k + n / 2).collect();
            assert_eq!(ids, expected, "shared names keep their ids, new ones follow");
            assert_eq!(first.len() as u32, n + n / 2);
            // The new names are found by later look-ups, and interning goes on after them.
            assert_eq!(first.intern(&format!("item-{}", n + 1)), n + 1);
            assert_eq!(first.intern("fresh"), n + n / 2);
            assert_eq!(first.into_names().iter().last(), Some("fresh"));
        }
    }

    #[test]
    fn names_in_ascending_order_need_no_table_until_one_is_out_of_order() {
        let mut interner = Interner::default();
        interner.reserve(1000, 0);
        for k in 0..1000u32 {
            assert_eq!(interner.intern_hashed(&format!("b{k:04}"), 0), (k, true));
        }
        assert!(interner.slots.is_empty(), "no table while ascending");
        // Out of order: a repeated name and a smaller new one are both found right.
        assert_eq!(interner.intern("b0500"), 500);
        assert_eq!(interner.intern("a"), 1000);
        assert_eq!(interner.intern("b0999"), 999);
        assert_eq!(interner.intern("a"), 1000);
        assert_eq!(interner.intern("zz"), 1001);
        // Absorbing: a later ascending run is appended as is; an overlapping one is looked up.
        let mut first = Interner::default();
        let mut second = Interner::default();
        ["a1", "a2"].iter().for_each(|n| _ = first.intern(n));
        ["a3", "a4"].iter().for_each(|n| _ = second.intern(n));
        assert_eq!(first.absorb(&second, 1), [2, 3]);
        let mut third = Interner::default();
        ["a0", "a4", "a5"].iter().for_each(|n| _ = third.intern(n));
        assert_eq!(first.absorb(&third, 2), [4, 3, 5]);
        assert_eq!(first.intern("a2"), 1);
        assert_eq!(first.into_names().iter().collect::<Vec<_>>(), ["a1", "a2", "a3", "a4", "a0", "a5"]);
    }

    #[test]
    fn a_name_list_indexes_like_a_vector() {
        let list: NameList = ["a", "", "ccc"].into_iter().collect();
        assert_eq!((list.len(), &list[0], &list[1], &list[2], list.get(3)), (3, "a", "", "ccc", None));
        assert_eq!(list.iter().collect::<Vec<_>>(), ["a", "", "ccc"]);
    }

    #[test]
    fn the_hash_sees_every_byte_and_the_length() {
        assert_ne!(hash_str(b"item-00000001"), hash_str(b"item-00000002"));
        assert_ne!(hash_str(b"a"), hash_str(b"a\0"));
        assert_ne!(hash_str(b""), hash_str(b"\0"));
    }
}
