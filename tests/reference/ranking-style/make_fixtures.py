#!/usr/bin/env python3
"""Reference fixtures for style-controlled Bradley–Terry (`verdict rank --style-control`), computed
with lmarena's arena-rank (PyPI `arena-rank`, pinned in requirements.txt) on seeded synthetic data.

Writes into --out (default: this directory):
- battles.jsonl  Chatbot Arena rows (question_id, model_a, model_b, winner, conversation_a/_b,
                 conv_metadata). conv_metadata is built as lmarena builds it: Markdown element
                 counts from arena-hard-auto's `count_markdown_elements` on the answer with code
                 blocks removed, and `sum_assistant_{a,b}_tokens` = the answer's length in
                 characters (lmarena counts tiktoken tokens; characters are what Verdict measures
                 from a task file, so both of Verdict's paths must give the numbers below).
- expected.json  what arena-rank computes from it, with the package versions:
    style:  ContextualPairDataset.from_pandas(df, feature_cols) (defaults: reweighted=True,
            min_pair_count=50, normalize_features=True) after the notebook's
            add_style_feature_cols, ContextualBradleyTerry(defaults: reg=1.0,
            hessian_reg=1e-5).compute_ratings_and_cis(ci_method="sandwich"): ratings and 95%
            intervals; coefficients and their sandwich standard errors (the same
            H⁻¹ G H⁻¹ / n as compute_ratings_and_cis, read at the coefficient entries).
    raw:    PairDataset.from_pandas(df) + BradleyTerry().compute_ratings_and_cis(sandwich).

    target/venv-arena-rank/bin/python tests/reference/ranking-style/make_fixtures.py [--out DIR]
"""
import argparse
import importlib.metadata as metadata
import json
import re
from pathlib import Path

import jax
import jax.numpy as jnp
import numpy as np
import pandas as pd
from arena_rank.models.bradley_terry import BradleyTerry
from arena_rank.models.contextual_bradley_terry import ContextualBradleyTerry
from arena_rank.utils.data_utils import ContextualPairDataset, PairDataset

HERE = Path(__file__).resolve().parent
SEED = 20240828  # the style-control blog post's date
N_BATTLES = 600
MODELS = ["alpha", "bravo", "charlie", "delta", "echo", "foxtrot"]
FEATURES = ["sum_assistant_tokens", "header_count", "bold_count", "list_count"]


# --- lmarena's Markdown counting (arena-hard-auto utils/add_markdown_info.py), verbatim ---------
def count_markdown_elements(markdown_text, suffix):
    counters = {
        f"header_count{suffix}": {
            "h1": len(re.findall(r"^#{1}\s", markdown_text, re.MULTILINE)),
            "h2": len(re.findall(r"^#{2}\s", markdown_text, re.MULTILINE)),
            "h3": len(re.findall(r"^#{3}\s", markdown_text, re.MULTILINE)),
            "h4": len(re.findall(r"^#{4}\s", markdown_text, re.MULTILINE)),
            "h5": len(re.findall(r"^#{5}\s", markdown_text, re.MULTILINE)),
            "h6": len(re.findall(r"^#{6}\s", markdown_text, re.MULTILINE)),
        },
        f"list_count{suffix}": {
            "ordered": len(re.findall(r"^\s*\d+\.\s", markdown_text, re.MULTILINE)),
            "unordered": len(re.findall(r"^\s*[-*+]\s", markdown_text, re.MULTILINE)),
        },
        f"bold_count{suffix}": {
            "**": len(re.findall(r"\*\*[^*\n]+\*\*", markdown_text)),
            "__": len(re.findall(r"__[^_\n]+__", markdown_text)),
        },
    }
    return counters


def remove_pattern(answer, pattern):
    blocks = pattern.findall(answer)
    for block in blocks:
        answer = answer.replace(block, "")
    return answer


# --- arena-rank's examples/example_utils.py (the LMArena notebook's preprocessing), verbatim ----
def extract_metadata_features(df):
    feature_map = {
        "sum_assistant_a_tokens": "sum_assistant_tokens_a",
        "sum_assistant_b_tokens": "sum_assistant_tokens_b",
    }
    for key in ["header_count", "bold_count", "list_count"]:
        for suffix in ["_a", "_b"]:
            col_name = f"{key}{suffix}"
            df[col_name] = df["conv_metadata"].apply(lambda x: sum(x[col_name].values()) if isinstance(x[col_name], dict) else 0)
    for old, new in feature_map.items():
        df[new] = df["conv_metadata"].apply(lambda x: x[old])
    return df


def add_style_feature_cols(df, feature_names):
    df = extract_metadata_features(df)
    for feature in feature_names:
        col_a, col_b = f"{feature}_a", f"{feature}_b"
        diff = df[col_a] - df[col_b]
        total = df[col_a] + df[col_b]
        total = total.replace(0, 1)
        df[feature + "_raw"] = diff / total
        df[feature] = (df[feature + "_raw"] - df[feature + "_raw"].mean()) / df[feature + "_raw"].std()
    df = df[["model_a", "model_b", "winner"] + feature_names]
    return df


# --- synthetic answers -------------------------------------------------------------------------
WORDS = "the model answers each question with care and some detail about data tests code".split()


def answer(rng, style):
    """A Markdown answer; `style` in [0, 1] raises its length and formatting. Includes the
    corner cases of the counting rules: code fences hiding Markdown, seven #'s, indented and
    blank-separated list items, `#` without a space, unclosed bold, Unicode text."""
    parts = []
    for _ in range(1 + rng.poisson(1 + 3 * style)):
        kind = rng.random()
        words = " ".join(rng.choice(WORDS, size=2 + rng.poisson(3 + 8 * style)))
        if kind < 0.25 * style:
            parts.append("#" * int(rng.integers(1, 8)) + " " + words[:20])
        elif kind < 0.55 * style:
            marker = rng.choice(["-", "*", "+", "1.", "12.", "  -", "\t2."])
            parts.append("\n".join(f"{marker} {w}" for w in rng.choice(WORDS, size=1 + rng.poisson(2))))
        elif kind < 0.7 * style:
            parts.append(f"**{words[:15]}** and __{words[-10:]}__ then **unclosed")
        elif kind < 0.78:
            parts.append("```\n# no\n- no\n**no**\n```")
        elif kind < 0.82:
            parts.append("#no space, *no space, 3.no space, ****, ___ é ü 漢字 " + words)
        else:
            parts.append(words.capitalize() + ".")
    return "\n\n".join(parts) if rng.random() < 0.8 else "\n".join(parts)


def metadata_of(text_a, text_b):
    fence = re.compile("```([^`]*)```")
    meta = {"sum_assistant_a_tokens": len(text_a), "sum_assistant_b_tokens": len(text_b)}
    meta |= count_markdown_elements(remove_pattern(text_a, fence), suffix="_a")
    meta |= count_markdown_elements(remove_pattern(text_b, fence), suffix="_b")
    return meta


def generate(rng):
    strength = rng.normal(0, 0.6, size=len(MODELS))
    style = rng.uniform(0.1, 0.9, size=len(MODELS))
    # Uneven pair frequencies, so that some pairs fall under arena-rank's min_pair_count of 50.
    pair_weights = {}
    for a in range(len(MODELS)):
        for b in range(a + 1, len(MODELS)):
            pair_weights[(a, b)] = rng.uniform(0.2, 2.0)
    pairs = list(pair_weights)
    p = np.array([pair_weights[k] for k in pairs])
    rows = []
    for n in range(N_BATTLES):
        a, b = pairs[rng.choice(len(pairs), p=p / p.sum())]
        if rng.random() < 0.5:
            a, b = b, a
        text_a, text_b = answer(rng, style[a]), answer(rng, style[b])
        length_effect = 0.8 * (len(text_a) - len(text_b)) / max(len(text_a) + len(text_b), 1)
        u = rng.random()
        if u < 0.10:
            winner = "tie"
        elif u < 0.13:
            winner = "tie (bothbad)"
        else:
            prob_a = 1 / (1 + np.exp(-(strength[a] - strength[b] + length_effect)))
            winner = "model_a" if rng.random() < prob_a else "model_b"
        prompt = f"Question {n}"
        rows.append({
            "question_id": f"q{n:05d}",
            "model_a": MODELS[a],
            "model_b": MODELS[b],
            "winner": winner,
            "conversation_a": [{"role": "user", "content": prompt}, {"role": "assistant", "content": text_a}],
            "conversation_b": [{"role": "user", "content": prompt}, {"role": "assistant", "content": text_b}],
            "conv_metadata": metadata_of(text_a, text_b),
        })
    return rows


def floats(array):
    return [float(x) for x in np.asarray(array)]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", type=Path, default=HERE)
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows = generate(np.random.default_rng(SEED))
    with (args.out / "battles.jsonl").open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")

    df = pd.DataFrame(rows)
    df["winner"] = df["winner"].replace({"tie (bothbad)": "both_bad"})
    styled = add_style_feature_cols(df.copy(), FEATURES)
    dataset = ContextualPairDataset.from_pandas(styled, feature_cols=FEATURES)
    # Default tolerances (ftol = gtol = 1e-9) stop L-BFGS where the loss's gradient is still ~1e-5;
    # the reference is the same estimator minimised to the end (ftol 0, gtol 1e-12), and the
    # default-tolerance ratings are kept to show how far the package's defaults stop.
    default = ContextualBradleyTerry(n_competitors=len(dataset.competitors), n_features=len(FEATURES))
    default_result = default.compute_ratings_and_cis(dataset, significance_level=0.05, ci_method="sandwich")
    model = ContextualBradleyTerry(n_competitors=len(dataset.competitors), n_features=len(FEATURES), ftol=0.0, gtol=1e-12, max_iter=20000)
    result = model.compute_ratings_and_cis(dataset, significance_level=0.05, ci_method="sandwich")
    # The coefficients' standard errors, exactly as compute_ratings_and_cis forms the ratings'.
    n_obs = dataset.pairs.shape[0]
    hessian, gradient_cov = model.compute_hessian_and_covariance(
        model.params["ratings"], model.params["coeffs"], dataset.pairs, dataset.features, dataset.outcomes,
        dataset.weights, model.reg, model.hessian_reg, model.n_competitors, model.n_features, n_obs)
    inverse = jnp.linalg.inv(hessian)
    variances = jnp.diag(inverse @ gradient_cov @ inverse) / n_obs
    coeff_se = jnp.sqrt(variances[model.n_competitors:])
    z = float(jax.scipy.stats.norm.ppf(0.975))
    # The loss's gradient at arena-rank's stopping point: how far L-BFGS stopped from the optimum.
    gradient = jax.grad(model.loss_function)(model.params, dataset.as_dict())

    raw_dataset = PairDataset.from_pandas(df)
    raw_model = BradleyTerry(n_competitors=len(raw_dataset.competitors), ftol=0.0, gtol=1e-12, max_iter=20000)
    raw = raw_model.compute_ratings_and_cis(raw_dataset, significance_level=0.05, ci_method="sandwich")

    expected = {
        "generator": "tests/reference/ranking-style/make_fixtures.py",
        "versions": {name: metadata.version(name) for name in ["arena-rank", "jax", "jaxlib", "numpy", "optax", "pandas"]},
        "seed": SEED,
        "n_battles": N_BATTLES,
        "features": FEATURES,
        "style": {
            "competitors": list(result["competitors"]),
            "ratings": floats(result["ratings"]),
            "rating_lower": floats(result["rating_lower"]),
            "rating_upper": floats(result["rating_upper"]),
            "coeffs": floats(result["coeffs"]),
            "coeff_se": floats(coeff_se),
            "coeff_lower": floats(result["coeffs"] - z * coeff_se),
            "coeff_upper": floats(result["coeffs"] + z * coeff_se),
            "normalized_features_first_rows": [floats(row) for row in np.asarray(dataset.features[:20])],
            "weights_first_rows": floats(dataset.weights[:20]),
            "gradient_inf_norm_at_stop": float(max(jnp.max(jnp.abs(g)) for g in jax.tree.leaves(gradient))),
            "default_tolerance_ratings": floats(default_result["ratings"]),
            "default_tolerance_coeffs": floats(default_result["coeffs"]),
        },
        "raw": {
            "competitors": list(raw["competitors"]),
            "ratings": floats(raw["ratings"]),
            "rating_lower": floats(raw["rating_lower"]),
            "rating_upper": floats(raw["rating_upper"]),
        },
    }
    with (args.out / "expected.json").open("w") as out:
        json.dump(expected, out, indent=1)
        out.write("\n")
    print(f"wrote {args.out / 'battles.jsonl'} and {args.out / 'expected.json'}")


if __name__ == "__main__":
    main()
