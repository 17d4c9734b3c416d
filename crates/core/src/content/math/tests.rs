//! Tests of the LaTeX → MathML renderer.

use super::*;

/// The tree as compact MathML text (for readable expectations).
fn markup(node: &Node) -> String {
    match node {
        Node::Text(text) => text.clone(),
        Node::Element { tag, attrs, children } => {
            let attrs: String = attrs.iter().filter(|(n, _)| *n != "alttext").map(|(n, v)| format!(" {n}=\"{v}\"")).collect();
            format!("<{tag}{attrs}>{}</{tag}>", children.iter().map(markup).collect::<String>())
        }
    }
}

fn check(latex: &str, expected: &str) {
    let Node::Element { children, .. } = latex_to_mathml(latex, false) else { panic!("a math element") };
    assert_eq!(markup(&children[0]), expected, "{latex}");
}

#[test]
fn common_formulas() {
    check("x^2", "<msup><mi>x</mi><mn>2</mn></msup>");
    check("x_i^{2n}", "<msubsup><mi>x</mi><mi>i</mi><mrow><mn>2</mn><mi>n</mi></mrow></msubsup>");
    check("3.14 + a", "<mrow><mn>3.14</mn><mo>+</mo><mi>a</mi></mrow>");
    check("\\frac{a}{b}", "<mfrac><mi>a</mi><mi>b</mi></mfrac>");
    check("\\frac12", "<mfrac><mn>1</mn><mn>2</mn></mfrac>");
    check("\\sqrt{x}", "<msqrt><mi>x</mi></msqrt>");
    check("\\sqrt[3]{x}", "<mroot><mi>x</mi><mn>3</mn></mroot>");
    check("\\alpha \\leq \\beta", "<mrow><mi>α</mi><mo>≤</mo><mi>β</mi></mrow>");
    check(
        "\\sum_{i=1}^n i",
        "<mrow><munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover><mi>i</mi></mrow>",
    );
    check("\\sin x", "<mrow><mi>sin</mi><mi>x</mi></mrow>");
    check("\\text{if } x", "<mrow><mtext>if </mtext><mi>x</mi></mrow>");
    check("\\mathbb{R}^n", "<msup><mi>ℝ</mi><mi>n</mi></msup>");
    check("\\hat{y}", "<mover accent=\"true\"><mi>y</mi><mo>^</mo></mover>");
    check("f'(x)", "<mrow><msup><mi>f</mi><mo>′</mo></msup><mo>(</mo><mi>x</mi><mo>)</mo></mrow>");
    check("\\left( a \\right)", "<mrow><mo stretchy=\"true\">(</mo><mi>a</mi><mo stretchy=\"true\">)</mo></mrow>");
    check(
        "\\begin{pmatrix} 1 & 0 \\\\ 0 & 1 \\end{pmatrix}",
        "<mrow><mo>(</mo><mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>0</mn></mtd></mtr><mtr><mtd><mn>0</mn></mtd><mtd><mn>1</mn></mtd></mtr></mtable><mo>)</mo></mrow>",
    );
    // e^{i\pi} + 1 = 0
    check("e^{i\\pi}+1=0", "<mrow><msup><mi>e</mi><mrow><mi>i</mi><mi>π</mi></mrow></msup><mo>+</mo><mn>1</mn><mo>=</mo><mn>0</mn></mrow>");
}

#[test]
fn unknown_and_broken_input_is_shown_not_lost() {
    check("\\foo x", "<mrow><merror><mtext>\\foo</mtext></merror><mi>x</mi></mrow>");
    check("a}b", "<mrow><mi>a</mi><merror><mtext>}</mtext></merror><mi>b</mi></mrow>");
    check("\\frac{a", "<mfrac><mi>a</mi><mrow></mrow></mfrac>");
    check("\\begin{tikzpicture} x \\end{tikzpicture}", "<merror><mtext>\\begin{tikzpicture} x \\end{tikzpicture}</mtext></merror>");
    check("x^", "<msup><mi>x</mi><mrow></mrow></msup>");
    check("\\", "<merror><mtext>\\</mtext></merror>");
    let Node::Element { attrs, .. } = latex_to_mathml("x", true) else { panic!() };
    assert_eq!(attrs, [("alttext", "x".to_owned()), ("display", "block".to_owned())]);
}

#[test]
fn hostile_input_is_bounded() {
    let deep = "{".repeat(10_000);
    let _ = latex_to_mathml(&deep, false);
    let deep_left = "\\left(".repeat(3_000);
    let _ = latex_to_mathml(&deep_left, false);
    for hostile in ["\\frac{", "\\frac", "\\sqrt", "\\hat", "x^", "\\begin{matrix}"] {
        let _ = latex_to_mathml(&hostile.repeat(3_000), false);
    }
    let long = "x".repeat(MAX_LATEX_CHARS + 1);
    let Node::Element { children, .. } = latex_to_mathml(&long, false) else { panic!() };
    assert!(matches!(&children[0], Node::Element { tag: "merror", .. }));
}
