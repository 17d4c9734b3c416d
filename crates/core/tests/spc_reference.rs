//! Control charts against independent references: a Python script written from Montgomery's
//! formulas (`tests/reference/spc/reference.py`, fixture `charts.json`) to 1e-9, and R's `spc`
//! package (Debian r-cran-spc 0.6.7, fixture `r_spc.json`) for the EWMA and CUSUM run lengths
//! that fix their default parameters. `make test` regenerates both fixtures into `target/` and
//! points `SPC_REFERENCE_DIR` there, so the comparison runs live against the installed peers.

use serde_json::Value;
use verdict_core::rng::Pcg32;
use verdict_core::spc::{compute_chart, ChartKind, ChartOptions, Observations, Rule, Subgroup};

const TOLERANCE: f64 = 1e-9;

fn reference(name: &str) -> Value {
    let dir =
        std::env::var("SPC_REFERENCE_DIR").unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/reference/spc").into());
    let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap_or_else(|e| panic!("{dir}/{name}: {e}"));
    serde_json::from_str(&text).expect("reference fixtures are JSON")
}

fn subgroups(case: &Value) -> Vec<Subgroup> {
    case["subgroups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| Subgroup {
            key: s["key"].as_str().unwrap().into(),
            period: s["period"].as_str().unwrap().into(),
            observations: match s.get("values") {
                Some(values) => Observations::Values(values.as_array().unwrap().iter().map(|v| v.as_f64().unwrap()).collect()),
                None => Observations::Counts { count: s["count"].as_u64().unwrap(), n: s["n"].as_u64().unwrap() },
            },
        })
        .collect()
}

fn options(case: &Value) -> ChartOptions {
    let kind = ChartKind::from_name(case["chart"].as_str().unwrap()).unwrap();
    let o = &case["options"];
    let mut options = ChartOptions::new(kind);
    if let Some(rules) = o["rules"].as_str() {
        options.rules = Rule::parse_list(rules).unwrap();
    }
    if let Some(b) = o["baseline"].as_array() {
        options.baseline = Some((b[0].as_str().unwrap().into(), b[1].as_str().unwrap().into()));
    }
    options.lambda = o["lambda"].as_f64().unwrap_or(options.lambda);
    options.ewma_l = o["L"].as_f64().unwrap_or(options.ewma_l);
    options.cusum_k = o["k"].as_f64().unwrap_or(options.cusum_k);
    options.cusum_h = o["h"].as_f64().unwrap_or(options.cusum_h);
    options
}

fn close(got: f64, want: &Value, what: &str) {
    match want.as_f64() {
        Some(want) => assert!((got - want).abs() <= TOLERANCE * want.abs().max(1.0), "{what}: got {got}, want {want}"),
        None => assert!(got.is_infinite(), "{what}: got {got}, want an open limit"),
    }
}

/// Every case: centre, σ, each point's value and limits, the secondary chart, phase I
/// exclusions and passes, Laney's σ_z, and the exact list of signals.
#[test]
fn charts_match_the_montgomery_reference_script() {
    let fixture = reference("charts.json");
    for case in fixture["cases"].as_array().unwrap() {
        let name = case["name"].as_str().unwrap();
        let want = &case["expected"];
        let chart = compute_chart(&subgroups(case), &options(case)).unwrap_or_else(|e| panic!("{name}: {e}"));
        close(chart.centre, &want["centre"], &format!("{name} centre"));
        close(chart.sigma, &want["sigma"], &format!("{name} sigma"));
        assert_eq!(chart.phase.iterations as u64, want["iterations"].as_u64().unwrap(), "{name} iterations");
        let excluded: Vec<Value> = chart.phase.excluded.iter().map(|(k, p)| serde_json::json!([k, p])).collect();
        assert_eq!(Value::Array(excluded), want["excluded"], "{name} excluded");
        let points = want["points"].as_array().unwrap();
        assert_eq!(chart.points.len(), points.len(), "{name} points");
        for (got, want) in chart.points.iter().zip(points) {
            let at = format!("{name} {} {}", got.key, got.period);
            assert_eq!((got.key.as_str(), got.period.as_str()), (want["key"].as_str().unwrap(), want["period"].as_str().unwrap()), "{at}");
            close(got.value, &want["value"], &format!("{at} value"));
            close(got.lcl, &want["lcl"], &format!("{at} lcl"));
            close(got.ucl, &want["ucl"], &format!("{at} ucl"));
            if let Some(low) = want.get("value_low") {
                close(got.value_low.unwrap(), low, &format!("{at} value_low"));
            }
        }
        if let Some(secondary) = want.get("secondary") {
            let got = chart.secondary.as_ref().expect("secondary chart");
            assert_eq!(got.points.len(), secondary.as_array().unwrap().len(), "{name} secondary");
            for (g, w) in got.points.iter().zip(secondary.as_array().unwrap()) {
                assert_eq!(g.period, w["period"].as_str().unwrap());
                close(g.value, &w["value"], &format!("{name} secondary value"));
                close(g.lcl, &w["lcl"], &format!("{name} secondary lcl"));
                close(g.ucl, &w["ucl"], &format!("{name} secondary ucl"));
            }
        }
        if let Some(sigma_z) = want.get("sigma_z") {
            let dispersion = chart.dispersion.as_ref().expect("dispersion");
            close(dispersion.sigma_z, sigma_z, &format!("{name} sigma_z"));
            close(dispersion.chi_squared, &want["chi_squared"], &format!("{name} chi2"));
            assert!((dispersion.p_value - want["p_value"].as_f64().unwrap()).abs() < 1e-9, "{name} p");
            assert_eq!(dispersion.laney_used, want["laney_used"].as_bool().unwrap(), "{name} laney_used");
        }
        let signals: Vec<Value> = chart.signals.iter().map(|s| serde_json::json!([s.chart, s.key, s.period, s.rule])).collect();
        assert_eq!(Value::Array(signals), want["signals"], "{name} signals");
    }
}

/// The injected shifts are signalled on the shifted key, in the shift's period (Shewhart
/// charts) or after it (EWMA, CUSUM), by the expected rule, and nowhere before the shift.
#[test]
fn injected_shifts_are_signalled_where_they_happen() {
    let fixture = reference("charts.json");
    let expect = [
        ("p_shift_phase1", "site-b", "2026-W09", "we1"),
        ("p_shift_phase2", "site-b", "2026-W09", "nelson1"),
        ("np_shift", "site-c", "2026-W10", "we1"),
        ("imr_shift", "site-d", "2026-W08", "we1"),
        ("xbar_s_shift", "site-d", "2026-W09", "nelson5"),
        ("ewma_counts", "site-b", "2026-W09", "beyond_limits"),
        ("cusum_counts", "site-b", "2026-W09", "cusum_upper"),
    ];
    for (name, key, period, rule) in expect {
        let case = fixture["cases"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap();
        let chart = compute_chart(&subgroups(case), &options(case)).unwrap();
        let first = chart.signals.iter().find(|s| s.chart != "mr" && s.chart != "s").unwrap_or_else(|| panic!("{name}: no signal"));
        assert_eq!((first.key.as_str(), first.period.as_str(), first.rule.as_str()), (key, period, rule), "{name}");
    }
    for name in ["ewma_phase2", "cusum_phase2"] {
        let case = fixture["cases"].as_array().unwrap().iter().find(|c| c["name"] == name).unwrap();
        let chart = compute_chart(&subgroups(case), &options(case)).unwrap();
        assert!(!chart.signals.is_empty(), "{name}: the small shift is found");
        assert!(chart.signals.iter().all(|s| s.key == "site-a" && s.period.as_str() >= "2026-W07"), "{name}: {:?}", chart.signals);
    }
}

fn normal(rng: &mut Pcg32) -> f64 {
    let u1 = 1.0 - rng.unit_f64();
    let u2 = rng.unit_f64();
    (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
}

/// Mean run length of in-control N(0, 1) data under a known standard, over seeded runs.
fn average_run_length(options: &ChartOptions, runs: u64, horizon: usize) -> f64 {
    let mut total = 0u64;
    for seed in 0..runs {
        let mut rng = Pcg32::new(seed, 7);
        let data: Vec<Subgroup> = (0..horizon)
            .map(|i| Subgroup { key: "k".into(), period: format!("{i:06}"), observations: Observations::Values(vec![normal(&mut rng)]) })
            .collect();
        let chart = compute_chart(&data, options).unwrap();
        let first = chart.signals.first().map_or(horizon as u64, |s| s.period.parse::<u64>().unwrap() + 1);
        total += first;
    }
    total as f64 / runs as f64
}

/// The defaults reproduce R's run lengths: L = 2.962 is `xewma.crit(0.2, 500)` to 5e-4, and
/// seeded simulations of our EWMA (variance-adjusted limits, R: 494.4) and CUSUM (k = 0.5,
/// h = 5, R: 465.4) have mean run lengths within 4 standard errors (sd of a run length ≈ its
/// mean, so SE ≈ ARL/√runs). A Shewhart I chart with known σ alarms at 0.27% per point
/// (2 Φ(−3)), checked on 400 000 points to within 5 SE.
#[test]
fn false_alarm_rates_match_r_spc() {
    let r = reference("r_spc.json");
    let defaults = ChartOptions::new(ChartKind::Ewma);
    assert!((defaults.ewma_l - r["ewma_L_for_arl500_lambda_0.2"].as_f64().unwrap()).abs() < 5e-4);
    let runs = 300;
    let mut ewma = ChartOptions::new(ChartKind::Ewma);
    ewma.standard = Some((0.0, 1.0));
    let arl = average_run_length(&ewma, runs, 4000);
    let want = r["ewma_arl0_lambda_0.2_L_2.962_vacl"].as_f64().unwrap();
    assert!((arl - want).abs() < 4.0 * want / (runs as f64).sqrt(), "EWMA ARL0 {arl} vs R {want}");
    let mut cusum = ChartOptions::new(ChartKind::Cusum);
    cusum.standard = Some((0.0, 1.0));
    let arl = average_run_length(&cusum, runs, 4000);
    let want = r["cusum_arl0_k_0.5_h_5"].as_f64().unwrap();
    assert!((arl - want).abs() < 4.0 * want / (runs as f64).sqrt(), "CUSUM ARL0 {arl} vs R {want}");

    let mut individuals = ChartOptions::new(ChartKind::Imr);
    individuals.standard = Some((0.0, 1.0));
    let mut rng = Pcg32::new(99, 1);
    let points = 400_000usize;
    let data: Vec<Subgroup> = (0..points)
        .map(|i| Subgroup {
            key: format!("k{}", i / 1000),
            period: format!("{:04}", i % 1000),
            observations: Observations::Values(vec![normal(&mut rng)]),
        })
        .collect();
    let chart = compute_chart(&data, &individuals).unwrap();
    let alarms = chart.signals.iter().filter(|s| s.chart == "imr").count() as f64;
    let p = 2.0 * verdict_core::stats::normal_cdf(-3.0);
    let expected = p * points as f64;
    assert!((alarms - expected).abs() < 5.0 * (expected * (1.0 - p)).sqrt(), "{alarms} alarms, expected {expected}");
}
