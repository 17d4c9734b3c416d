//! Display order of outputs (placeholder until written below).
