//! Untrusted Markdown to a safe node tree (placeholder until written below).
