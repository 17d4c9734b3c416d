//! The LaTeX commands `math` knows by name: symbols (Greek, relations, arrows, operators) and functions.

/// How a symbol command renders: an identifier or an operator.
#[derive(Clone, Copy)]
pub(super) enum Symbol {
    Identifier(&'static str),
    Operator(&'static str),
    /// A big operator whose scripts go under and over in display style.
    Large(&'static str),
}

#[rustfmt::skip]
pub(super) const SYMBOLS: &[(&str, Symbol)] = {
    use Symbol::*;
    &[
        ("alpha", Identifier("α")), ("beta", Identifier("β")), ("gamma", Identifier("γ")), ("delta", Identifier("δ")),
        ("epsilon", Identifier("ϵ")), ("varepsilon", Identifier("ε")), ("zeta", Identifier("ζ")), ("eta", Identifier("η")),
        ("theta", Identifier("θ")), ("vartheta", Identifier("ϑ")), ("iota", Identifier("ι")), ("kappa", Identifier("κ")),
        ("lambda", Identifier("λ")), ("mu", Identifier("μ")), ("nu", Identifier("ν")), ("xi", Identifier("ξ")), ("pi", Identifier("π")),
        ("rho", Identifier("ρ")), ("sigma", Identifier("σ")), ("tau", Identifier("τ")), ("upsilon", Identifier("υ")),
        ("phi", Identifier("ϕ")), ("varphi", Identifier("φ")), ("chi", Identifier("χ")), ("psi", Identifier("ψ")), ("omega", Identifier("ω")),
        ("Gamma", Identifier("Γ")), ("Delta", Identifier("Δ")), ("Theta", Identifier("Θ")), ("Lambda", Identifier("Λ")), ("Xi", Identifier("Ξ")),
        ("Pi", Identifier("Π")), ("Sigma", Identifier("Σ")), ("Phi", Identifier("Φ")), ("Psi", Identifier("Ψ")), ("Omega", Identifier("Ω")),
        ("infty", Identifier("∞")), ("partial", Identifier("∂")), ("nabla", Identifier("∇")), ("ell", Identifier("ℓ")), ("hbar", Identifier("ℏ")),
        ("emptyset", Identifier("∅")), ("forall", Operator("∀")), ("exists", Operator("∃")), ("neg", Operator("¬")),
        ("pm", Operator("±")), ("mp", Operator("∓")), ("times", Operator("×")), ("div", Operator("÷")), ("cdot", Operator("⋅")),
        ("ast", Operator("∗")), ("circ", Operator("∘")), ("cdots", Operator("⋯")), ("ldots", Operator("…")), ("dots", Operator("…")),
        ("leq", Operator("≤")), ("le", Operator("≤")), ("geq", Operator("≥")), ("ge", Operator("≥")), ("neq", Operator("≠")), ("ne", Operator("≠")),
        ("approx", Operator("≈")), ("equiv", Operator("≡")), ("sim", Operator("∼")), ("simeq", Operator("≃")), ("propto", Operator("∝")),
        ("ll", Operator("≪")), ("gg", Operator("≫")), ("in", Operator("∈")), ("notin", Operator("∉")), ("ni", Operator("∋")),
        ("subset", Operator("⊂")), ("subseteq", Operator("⊆")), ("supset", Operator("⊃")), ("supseteq", Operator("⊇")),
        ("cup", Operator("∪")), ("cap", Operator("∩")), ("setminus", Operator("∖")), ("wedge", Operator("∧")), ("land", Operator("∧")),
        ("vee", Operator("∨")), ("lor", Operator("∨")), ("oplus", Operator("⊕")), ("otimes", Operator("⊗")),
        ("to", Operator("→")), ("rightarrow", Operator("→")), ("leftarrow", Operator("←")), ("gets", Operator("←")),
        ("Rightarrow", Operator("⇒")), ("Leftarrow", Operator("⇐")), ("leftrightarrow", Operator("↔")), ("Leftrightarrow", Operator("⇔")),
        ("implies", Operator("⟹")), ("iff", Operator("⟺")), ("mapsto", Operator("↦")), ("mid", Operator("∣")), ("perp", Operator("⊥")),
        ("parallel", Operator("∥")), ("angle", Operator("∠")), ("langle", Operator("⟨")), ("rangle", Operator("⟩")),
        ("lfloor", Operator("⌊")), ("rfloor", Operator("⌋")), ("lceil", Operator("⌈")), ("rceil", Operator("⌉")),
        ("{", Operator("{")), ("}", Operator("}")), ("|", Operator("‖")), ("%", Operator("%")), ("$", Operator("$")), ("&", Operator("&")),
        ("#", Operator("#")), ("_", Operator("_")),
        ("sum", Large("∑")), ("prod", Large("∏")), ("coprod", Large("∐")), ("bigcup", Large("⋃")), ("bigcap", Large("⋂")),
        ("int", Operator("∫")), ("iint", Operator("∬")), ("oint", Operator("∮")),
    ]
};

pub(super) const FUNCTIONS: &[&str] = &[
    "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh", "tanh", "log", "ln", "lg", "exp", "det", "dim",
    "ker", "deg", "gcd", "arg", "Pr",
];
pub(super) const LIMIT_FUNCTIONS: &[&str] = &["lim", "max", "min", "sup", "inf", "limsup", "liminf", "argmax", "argmin"];
