//! Rating session (placeholder until written below).
