//! Agreement coefficients against values published in the papers that define them (and the
//! packages that ship those examples). Tolerances follow the published rounding.

use verdict_core::agreement::{evaluate, AgreementResult, IccForm, Level, LevelSource, Metric, Options, Ratings, Weights};

fn run(ratings: &Ratings, level: Level, metrics: &[Metric]) -> Vec<AgreementResult> {
    let options = Options { metrics: metrics.to_vec(), ..Options::default() };
    evaluate("c", ratings, level, LevelSource::Flag, &options)
}

fn close(got: Option<f64>, expected: f64, tolerance: f64, source: &str) {
    let got = got.unwrap_or_else(|| panic!("{source}: undefined"));
    assert!((got - expected).abs() <= tolerance, "{source}: got {got}, expected {expected} ± {tolerance}");
}

/// Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section C: 4 observers,
/// 12 units, missing values (also irrCAC's `raw_4raters`, from Gwet 2014).
fn krippendorff_2011() -> Ratings {
    let n = None;
    let s = |v: f64| Some(v);
    let columns = [
        [s(1.), s(2.), s(3.), s(3.), s(2.), s(1.), s(4.), s(1.), s(2.), n, n, n],
        [s(1.), s(2.), s(3.), s(3.), s(2.), s(2.), s(4.), s(1.), s(2.), s(5.), n, n],
        [n, s(3.), s(3.), s(3.), s(2.), s(3.), s(4.), s(2.), s(2.), s(5.), s(1.), s(3.)],
        [s(1.), s(2.), s(3.), s(3.), s(2.), s(4.), s(4.), s(1.), s(2.), s(5.), s(1.), n],
    ];
    let rows: Vec<Vec<Option<f64>>> = (0..12).map(|u| columns.iter().map(|c| c[u]).collect()).collect();
    Ratings::from_numbers(&rows, &[])
}

#[test]
fn krippendorff_2011_worked_example_at_four_levels() {
    let ratings = krippendorff_2011();
    for (level, expected) in [(Level::Nominal, 0.743), (Level::Ordinal, 0.815), (Level::Interval, 0.849), (Level::Ratio, 0.797)] {
        let result = &run(&ratings, level, &[Metric::KrippendorffAlpha])[0];
        close(result.value, expected, 0.0005, &format!("Krippendorff 2011, {level:?}"));
        assert_eq!((result.n_items, result.n_ratings), (11, 40), "unit 12 has one value and is ignored");
    }
}

#[test]
fn gwet_2014_four_raters_ac1_and_fleiss_with_standard_errors() {
    // Gwet (2014), Handbook of Inter-Rater Reliability, 4th ed.; values as irrCAC 0.4.4's
    // doctest prints them (5 decimals): AC1 0.77544 (se 0.14295), Fleiss 0.76117 (se 0.15302).
    let results = run(&krippendorff_2011(), Level::Nominal, &[Metric::GwetAc1, Metric::FleissKappa, Metric::PercentAgreement]);
    close(results[0].value, 0.77544, 5e-6, "Gwet AC1");
    close(results[0].se, 0.14295, 5e-6, "Gwet AC1 se");
    close(results[1].value, 0.76117, 5e-6, "Fleiss (Gwet's form)");
    close(results[1].se, 0.15302, 5e-6, "Fleiss se");
    close(results[2].value, 0.81818, 5e-6, "percent agreement (irrCAC pa)");
}

#[test]
fn fleiss_kappa_ten_subjects_fourteen_raters() {
    // Fleiss' kappa worked example (10 subjects × 14 raters, 5 categories): κ = 0.210
    // (Wikipedia "Fleiss' kappa", after Fleiss 1971; statsmodels' test uses the same table).
    let table = [
        [0, 0, 0, 0, 14],
        [0, 2, 6, 4, 2],
        [0, 0, 3, 5, 6],
        [0, 3, 9, 2, 0],
        [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0],
        [3, 2, 6, 3, 0],
        [2, 5, 3, 2, 2],
        [6, 5, 2, 1, 0],
        [0, 2, 2, 3, 7],
    ];
    let rows: Vec<Vec<Option<f64>>> = table
        .iter()
        .map(|counts| counts.iter().enumerate().flat_map(|(category, &n)| std::iter::repeat_n(Some(category as f64 + 1.0), n)).collect())
        .collect();
    let results = run(&Ratings::from_numbers(&rows, &[]), Level::Nominal, &[Metric::FleissKappa, Metric::ScottPi]);
    close(results[0].value, 0.210, 0.0005, "Fleiss 10×14");
    // Complete data: the pooled (Scott) and per-unit (Fleiss) marginals coincide.
    close(results[1].value, results[0].value.unwrap(), 1e-12, "Scott = Fleiss on complete data");
}

#[test]
fn shrout_fleiss_1979_table_2_six_iccs() {
    // Shrout & Fleiss (1979), Table 2: 6 targets × 4 judges; pingouin's `intraclass_corr` docs.
    let scores = [[9., 2., 5., 8.], [6., 1., 3., 2.], [8., 4., 6., 8.], [7., 1., 2., 6.], [10., 5., 6., 9.], [6., 2., 4., 7.]];
    let rows: Vec<Vec<Option<f64>>> = scores.iter().map(|r| r.iter().map(|&v| Some(v)).collect()).collect();
    let results = run(&Ratings::from_numbers(&rows, &[]), Level::Interval, &[Metric::Icc]);
    let expected = [
        (IccForm::Icc1, 0.17),
        (IccForm::Icc2, 0.29),
        (IccForm::Icc3, 0.71),
        (IccForm::Icc1k, 0.44),
        (IccForm::Icc2k, 0.62),
        (IccForm::Icc3k, 0.91),
    ];
    for (result, (form, value)) in results.iter().zip(expected) {
        assert_eq!(result.form, Some(form));
        close(result.value, value, 0.005, &format!("Shrout–Fleiss {}", form.name()));
    }
}

#[test]
fn cohen_1968_weighted_kappa_is_one_minus_weighted_disagreement_ratio() {
    // Cohen (1968): κ_w = 1 − Σ v_ij p_ij / Σ v_ij p_i· p_·j with disagreement weights v.
    // Two annotators on 1–3; by hand: p_o(lin) = 7/8, p_e(lin) = 36/64 (marginals 3,2,3 and
    // 2,4,2 of 8) → κ_w = 5/7.
    let pairs = [(1., 1.), (2., 2.), (3., 3.), (1., 2.), (2., 2.), (3., 3.), (1., 1.), (3., 2.)];
    let rows: Vec<Vec<Option<f64>>> = pairs.iter().map(|&(a, b)| vec![Some(a), Some(b)]).collect();
    let options = Options { metrics: vec![Metric::CohenKappa], weights: Weights::Linear, ..Options::default() };
    let result = &evaluate("c", &Ratings::from_numbers(&rows, &[]), Level::Ordinal, LevelSource::Flag, &options)[0];
    close(result.value, 5.0 / 7.0, 1e-12, "hand computation");
}
