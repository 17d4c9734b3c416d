//! Agreement weight matrices: the closed-form schemes of Gwet (2014, §3.3) and irrCAC (identity,
//! linear, quadratic, ordinal, radical, ratio, circular, bipolar) and a user-given square matrix
//! (`--weights-file`, JSON or CSV), validated cell by cell.
//!
//! With `x_k` the value of category `k` on the [`Scale`] (its number, or its position `1..q` for
//! labels), `R = x_max − x_min`:
//!
//! - ordinal `w = 1 − C(|k − l| + 1, 2) / C(q, 2)` (positions, not values);
//! - radical `w = 1 − √|x_k − x_l| / √R`;
//! - ratio `w = 1 − ((x_k − x_l)/(x_k + x_l))² / ((x_max − x_min)/(x_max + x_min))²` (values > 0);
//! - circular `w = 1 − sin²(π (x_k − x_l)/U) / max_{k,l} sin²(π (x_k − x_l)/U)` with the period
//!   `U` (`--period`; irrCAC's default `U = R + 1`, right for integer scales such as 1..7 or 0..23);
//! - bipolar `w = 1 − d_kl / max d`, `d_kl = (x_k − x_l)² / ((x_k + x_l − 2 x_min)(2 x_max − x_k − x_l))`
//!   for `k ≠ l`, `d_kk = 0`.
//!
//! A scale with one category (or `R = 0`) has identity weights. References: Gwet (2014)
//! *Handbook of Inter-Rater Reliability*, 4th ed., §3.3; irrCAC 0.4.4 `irrCAC.weights.Weights`.

use std::f64::consts::PI;

use super::scale::{Scale, Weights};

/// Largest user-given weight matrix (categories per side).
pub const MAX_WEIGHT_CATEGORIES: u32 = 1024;

/// A user-given `q × q` weight matrix, row-major, rows and columns in the scale's category order.
#[derive(Clone, Debug, PartialEq)]
pub struct WeightMatrix {
    size: u32,
    values: Vec<f64>,
}

/// Why a weight file was refused. Rows and columns are 1-based.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum WeightsFileError {
    /// Not valid JSON, or a CSV cell that is not a number.
    #[error("{file}: row {row}, column {column}: {reason}")]
    Syntax {
        /// The file.
        file: String,
        /// Row (line for CSV).
        row: u32,
        /// Column.
        column: u32,
        /// What is wrong.
        reason: String,
    },
    /// No rows.
    #[error("{file}: the weight matrix is empty")]
    Empty {
        /// The file.
        file: String,
    },
    /// More categories than [`MAX_WEIGHT_CATEGORIES`].
    #[error("{file}: the weight matrix has {size} rows; the limit is {limit}")]
    TooLarge {
        /// The file.
        file: String,
        /// Rows found.
        size: u32,
        /// The limit.
        limit: u32,
    },
    /// A row whose length is not the number of rows.
    #[error("{file}: row {row} has {len} values; a square matrix of {expected} rows needs {expected}")]
    NotSquare {
        /// The file.
        file: String,
        /// The row.
        row: u32,
        /// Its length.
        len: u32,
        /// The number of rows.
        expected: u32,
    },
    /// A weight outside `[0, 1]` (or not finite).
    #[error("{file}: row {row}, column {column}: weight {value} is outside [0, 1]")]
    OutOfRange {
        /// The file.
        file: String,
        /// Row.
        row: u32,
        /// Column.
        column: u32,
        /// The value.
        value: f64,
    },
    /// A diagonal weight other than 1.
    #[error("{file}: row {row}, column {row}: a category agrees fully with itself, so the diagonal must be 1, not {value}")]
    Diagonal {
        /// The file.
        file: String,
        /// Row (= column).
        row: u32,
        /// The value.
        value: f64,
    },
}

impl WeightMatrix {
    /// Validates rows read from `file`: square, at most [`MAX_WEIGHT_CATEGORIES`] rows, every
    /// value in `[0, 1]`, the diagonal 1.
    pub fn from_rows(file: &str, rows: Vec<Vec<f64>>) -> Result<WeightMatrix, WeightsFileError> {
        let file = file.to_owned();
        let size = rows.len() as u32;
        if size == 0 {
            return Err(WeightsFileError::Empty { file });
        }
        if size > MAX_WEIGHT_CATEGORIES {
            return Err(WeightsFileError::TooLarge { file, size, limit: MAX_WEIGHT_CATEGORIES });
        }
        let mut values = Vec::with_capacity((size * size) as usize);
        for (r, row) in rows.iter().enumerate() {
            let row_no = r as u32 + 1;
            if row.len() as u32 != size {
                return Err(WeightsFileError::NotSquare { file, row: row_no, len: row.len() as u32, expected: size });
            }
            for (c, &value) in row.iter().enumerate() {
                if !(0.0..=1.0).contains(&value) {
                    return Err(WeightsFileError::OutOfRange { file, row: row_no, column: c as u32 + 1, value });
                }
                if r == c && value != 1.0 {
                    return Err(WeightsFileError::Diagonal { file, row: row_no, value });
                }
                values.push(value);
            }
        }
        Ok(WeightMatrix { size, values })
    }

    /// Parses a weight file: a JSON array of rows (`[[1, 0.5], [0.5, 1]]`) when the text starts
    /// with `[`, else CSV (one row per line, cells separated by commas, blank lines ignored).
    ///
    /// ```
    /// use verdict_core::agreement::WeightMatrix;
    /// let m = WeightMatrix::parse("w.csv", "1,0.5\n0.5,1\n").unwrap();
    /// assert_eq!(m.size(), 2);
    /// let err = WeightMatrix::parse("w.csv", "1,0.5\n1.5,1\n").unwrap_err();
    /// assert_eq!(err.to_string(), "w.csv: row 2, column 1: weight 1.5 is outside [0, 1]");
    /// ```
    pub fn parse(file: &str, text: &str) -> Result<WeightMatrix, WeightsFileError> {
        let text = text.trim_start_matches('\u{feff}');
        if text.trim_start().starts_with('[') {
            let rows: Vec<Vec<f64>> = serde_json::from_str(text).map_err(|e| WeightsFileError::Syntax {
                file: file.to_owned(),
                row: e.line() as u32,
                column: e.column() as u32,
                reason: format!("not a JSON array of rows of numbers ({e})"),
            })?;
            return WeightMatrix::from_rows(file, rows);
        }
        let mut rows = Vec::new();
        for (line_index, line) in text.lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            let row = line
                .split(',')
                .enumerate()
                .map(|(c, cell)| {
                    cell.trim().parse::<f64>().map_err(|_| WeightsFileError::Syntax {
                        file: file.to_owned(),
                        row: line_index as u32 + 1,
                        column: c as u32 + 1,
                        reason: format!("\"{}\" is not a number", cell.trim()),
                    })
                })
                .collect::<Result<Vec<f64>, _>>()?;
            rows.push(row);
            if rows.len() as u32 > MAX_WEIGHT_CATEGORIES {
                break;
            }
        }
        WeightMatrix::from_rows(file, rows)
    }

    /// Number of categories (rows).
    pub fn size(&self) -> u32 {
        self.size
    }

    /// The weights, row-major.
    pub fn values(&self) -> &[f64] {
        &self.values
    }
}

/// What some weights need besides the scale: the circular period and the user's matrix.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WeightParameters {
    /// Period `U` of circular weights (default: `x_max − x_min + 1`).
    pub period: Option<f64>,
    /// The matrix of [`Weights::Matrix`].
    pub matrix: Option<WeightMatrix>,
}

/// Why weights cannot be built for a scale.
#[derive(Clone, Debug, PartialEq, thiserror::Error)]
pub enum WeightsError {
    /// The user's matrix does not have one row per category.
    #[error("the weight matrix is {matrix}×{matrix} but the scale has {categories} categories")]
    MatrixSize {
        /// Rows of the matrix.
        matrix: u32,
        /// Categories on the scale.
        categories: u32,
    },
    /// [`Weights::Matrix`] without a matrix.
    #[error("matrix weights need a weight matrix (--weights-file)")]
    MissingMatrix,
    /// Ratio weights on a value that is not positive.
    #[error("ratio weights need positive category values; the scale has {value}")]
    RatioNeedsPositive {
        /// The offending value.
        value: f64,
    },
    /// A circular period that is not positive or shorter than the scale's span.
    #[error("the circular period {period} must be positive and at least the scale's span {span}")]
    BadPeriod {
        /// The period.
        period: f64,
        /// `x_max − x_min`.
        span: f64,
    },
}

/// The `q × q` weight matrix (row-major) of `weights` on `scale`.
///
/// ```
/// use verdict_core::agreement::{weight_matrix, Scale, WeightParameters, Weights};
/// let scale = Scale::numbers([1.0, 2.0, 3.0]);
/// let radical = weight_matrix(&scale, Weights::Radical, &WeightParameters::default()).unwrap();
/// assert!((radical[1] - (1.0 - 0.5f64.sqrt())).abs() < 1e-15); // irrCAC: 0.2928932
/// ```
pub fn weight_matrix(scale: &Scale, weights: Weights, parameters: &WeightParameters) -> Result<Vec<f64>, WeightsError> {
    let q = scale.len();
    let x = scale.values();
    let identity = || (0..q * q).map(|i| f64::from(u8::from(i / q == i % q))).collect::<Vec<f64>>();
    let (low, high) = x.iter().fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), &v| (lo.min(v), hi.max(v)));
    let span = if q == 0 { 0.0 } else { high - low };
    let from = |f: &dyn Fn(usize, usize) -> f64| (0..q * q).map(|i| f(i / q, i % q)).collect::<Vec<f64>>();
    if weights == Weights::Matrix {
        let matrix = parameters.matrix.as_ref().ok_or(WeightsError::MissingMatrix)?;
        if matrix.size as usize != q {
            return Err(WeightsError::MatrixSize { matrix: matrix.size, categories: q as u32 });
        }
        return Ok(matrix.values.clone());
    }
    if weights == Weights::Circular {
        if let Some(period) = parameters.period {
            if !(period.is_finite() && period > 0.0 && period >= span) {
                return Err(WeightsError::BadPeriod { period, span });
            }
        }
    }
    if weights == Weights::Ratio {
        if let Some(&value) = x.iter().find(|&&v| v <= 0.0) {
            return Err(WeightsError::RatioNeedsPositive { value });
        }
    }
    if q < 2 || span <= 0.0 || weights == Weights::None {
        return Ok(identity());
    }
    let matrix = match weights {
        Weights::None | Weights::Matrix => identity(),
        Weights::Linear => from(&|k, l| 1.0 - (x[k] - x[l]).abs() / span),
        Weights::Quadratic => from(&|k, l| 1.0 - ((x[k] - x[l]) / span).powi(2)),
        Weights::Radical => from(&|k, l| 1.0 - (x[k] - x[l]).abs().sqrt() / span.sqrt()),
        Weights::Ratio => {
            let max = ((high - low) / (high + low)).powi(2);
            from(&|k, l| 1.0 - ((x[k] - x[l]) / (x[k] + x[l])).powi(2) / max)
        }
        Weights::Ordinal => normalized(q, |k, l| {
            let n = (k.max(l) - k.min(l) + 1) as f64;
            n * (n - 1.0) / 2.0
        }),
        Weights::Circular => {
            let period = parameters.period.unwrap_or(span + 1.0);
            normalized(q, |k, l| (PI * (x[k] - x[l]) / period).sin().powi(2))
        }
        Weights::Bipolar => {
            normalized(
                q,
                |k, l| {
                    if k == l {
                        0.0
                    } else {
                        (x[k] - x[l]).powi(2) / ((x[k] + x[l] - 2.0 * low) * (2.0 * high - x[k] - x[l]))
                    }
                },
            )
        }
    };
    Ok(matrix)
}

/// `1 − d_kl / max d` for a disagreement `d` that is 0 on the diagonal; identity when every `d`
/// is 0 (no disagreement to scale, e.g. circular weights whose period equals the span on 2 points).
fn normalized(q: usize, disagreement: impl Fn(usize, usize) -> f64) -> Vec<f64> {
    let d: Vec<f64> = (0..q * q).map(|i| disagreement(i / q, i % q)).collect();
    let max = d.iter().copied().fold(0.0, f64::max);
    if max <= 0.0 {
        return (0..q * q).map(|i| f64::from(u8::from(i / q == i % q))).collect();
    }
    d.iter().map(|v| 1.0 - v / max).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matrix(values: &[f64], weights: Weights, period: Option<f64>) -> Vec<f64> {
        weight_matrix(&Scale::numbers(values.iter().copied()), weights, &WeightParameters { period, matrix: None }).unwrap()
    }

    fn close(got: &[f64], expected: &[f64], tolerance: f64) {
        assert_eq!(got.len(), expected.len());
        for (g, e) in got.iter().zip(expected) {
            assert!((g - e).abs() <= tolerance, "got {got:?}, expected {expected:?}");
        }
    }

    #[test]
    fn three_point_weights_match_the_irrcac_vignette() {
        // Source: irrCAC (R) vignette "Weighted Chance-corrected Agreement Coefficients" (Gwet 2019),
        // `*.weights(1:3)`, printed to 7 decimals; ratio from irrCAC 0.4.4's test_weights.py (3 decimals).
        let three = [1.0, 2.0, 3.0];
        close(&matrix(&three, Weights::Radical, None), &[1.0, 0.2928932, 0.0, 0.2928932, 1.0, 0.2928932, 0.0, 0.2928932, 1.0], 5e-8);
        close(&matrix(&three, Weights::Ordinal, None), &[1.0, 0.6666667, 0.0, 0.6666667, 1.0, 0.6666667, 0.0, 0.6666667, 1.0], 5e-8);
        close(&matrix(&three, Weights::Bipolar, None), &[1.0, 0.6666667, 0.0, 0.6666667, 1.0, 0.6666667, 0.0, 0.6666667, 1.0], 5e-8);
        close(&matrix(&three, Weights::Circular, None), &[1.0, 0.0, 0.0, 0.0, 1.0, 0.0, 0.0, 0.0, 1.0], 1e-15);
        close(&matrix(&three, Weights::Ratio, None), &[1.0, 0.556, 0.0, 0.556, 1.0, 0.84, 0.0, 0.84, 1.0], 5e-4);
    }

    #[test]
    fn the_circular_period_is_the_scale_s_and_can_be_given() {
        // Hours 0..23: 23 and 0 are one hour apart, as close as 0 and 1.
        let hours: Vec<f64> = (0..24).map(f64::from).collect();
        let w = matrix(&hours, Weights::Circular, None);
        assert!((w[23] - w[1]).abs() < 1e-12 && w[12] < 1e-12);
        // A 1..5 scale read on a period of 8: 1 and 5 are 4 apart, the farthest.
        let w = matrix(&[1.0, 2.0, 3.0, 4.0, 5.0], Weights::Circular, Some(8.0));
        assert!(w[4].abs() < 1e-12 && w[1] > 0.0);
        let error = weight_matrix(&Scale::numbers([1.0, 5.0]), Weights::Circular, &WeightParameters { period: Some(2.0), matrix: None });
        assert_eq!(error, Err(WeightsError::BadPeriod { period: 2.0, span: 4.0 }));
    }

    #[test]
    fn ratio_weights_refuse_zero_and_the_user_matrix_must_fit_the_scale() {
        let zero = weight_matrix(&Scale::numbers([0.0, 1.0]), Weights::Ratio, &WeightParameters::default());
        assert_eq!(zero, Err(WeightsError::RatioNeedsPositive { value: 0.0 }));
        let user = WeightMatrix::parse("w.json", "[[1, 0.5], [0.5, 1]]").unwrap();
        let parameters = WeightParameters { period: None, matrix: Some(user) };
        assert_eq!(weight_matrix(&Scale::numbers([1.0, 2.0]), Weights::Matrix, &parameters).unwrap(), vec![1.0, 0.5, 0.5, 1.0]);
        assert_eq!(
            weight_matrix(&Scale::numbers([1.0, 2.0, 3.0]), Weights::Matrix, &parameters),
            Err(WeightsError::MatrixSize { matrix: 2, categories: 3 })
        );
    }

    #[test]
    fn weight_files_are_validated_cell_by_cell() {
        let cases: [(&str, &str); 6] = [
            ("", "w: the weight matrix is empty"),
            ("1,0\n0\n", "w: row 2 has 1 values; a square matrix of 2 rows needs 2"),
            ("1,x\n0,1\n", "w: row 1, column 2: \"x\" is not a number"),
            ("1,0\n-0.5,1\n", "w: row 2, column 1: weight -0.5 is outside [0, 1]"),
            ("[[1, 0], [0, 0.9]]", "w: row 2, column 2: a category agrees fully with itself, so the diagonal must be 1, not 0.9"),
            ("[[1, 0], [0, \"a\"]]", ""),
        ];
        for (text, expected) in cases {
            let error = WeightMatrix::parse("w", text).unwrap_err().to_string();
            if expected.is_empty() {
                assert!(error.starts_with("w: row 1, column "), "{error}");
            } else {
                assert_eq!(error, expected);
            }
        }
    }
}
