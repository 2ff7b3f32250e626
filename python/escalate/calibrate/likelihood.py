"""Per-draw log-likelihood of what the record observed in a window, from a run of the
window (escalate-condition; the scheme is explained in docs/calibration.md).

  no_war     ln P_m(no war in the window) = ln(1 - p_war[m]).
  no_clash   ln P_m(no clash in the window) = ln(1 - p_clash[m]): no limited strike between
             the two sides' forces either (stronger than no_war; whether the MQ-9 of 2023
             was a strike is coded differently in the catalogue and in baseline-2022).
  responses  the answers by type and rung: sum_k,r n_kr ln p_mkr, with p_mkr the draw's
             share of decisions on type-k incidents that stopped at rung r (counts + 1/2,
             so that a rung the draw never chose in its trajectories is unlikely, not
             impossible).
  counts     the incidents by type. "plain": sum_k ln Poisson(n_k | mu_mk), mu_mk the draw's
             mean count per trajectory. "fitted": for rates that are already the fit's
             posterior (configs/fitted), the ratio of the engine's likelihood to the fit's
             own, ln Poisson(n | mu') - ln Poisson(n | nu), with the fit's count n and
             exposure E, mu' = mu_mk E / E_window and nu = (accidental + deliberate rate of
             draw m) E. The fit's gamma already holds the counts once; the ratio only
             replaces the fit's model of them (count = rate x exposure) by the engine's
             (phases, the offensive multiplier, war), so a draw whose engine reproduces
             the fit's expectation keeps its weight. Over-dispersed fits (quasi-Poisson)
             have their log-ratio divided by the dispersion D.
"""
import numpy as np
from scipy import special

from escalate.fit.assumptions import SPIRAL_START
from escalate.names import rate_phases
from escalate.fit.catalogue import EscalateError, read_counts
from escalate.fit.rates import fit_all, phase_gammas

from .record import COUNTS, exposure
from .runs import lookup

TERMS = ("counts", "no_war", "no_clash", "responses")
COUNT_MODES = ("fitted", "plain", "off")


def log_poisson(n, mu):
    """ln Poisson(n | mu), elementwise; -inf where mu = 0 < n, 0 where mu = n = 0."""
    n = np.asarray(n, float)
    mu = np.asarray(mu, float)
    with np.errstate(divide="ignore", invalid="ignore"):
        out = special.xlogy(n, mu) - mu - special.gammaln(n + 1)
    return np.where((mu == 0) & (n > 0), -np.inf, out)


def no_outcome(window, outcome):
    with np.errstate(divide="ignore"):
        return np.log1p(-np.asarray(window.p[outcome], float))


def responses(window, observed_rungs):
    counts = window.decisions * window.trajectories
    p = (counts + 0.5) / (counts.sum(axis=-1, keepdims=True) + 0.5 * counts.shape[-1])
    return (observed_rungs[None, :, :] * np.log(p)).sum(axis=(1, 2))


def counts_plain(window, observed_counts):
    return log_poisson(observed_counts[None, :], window.incidents).sum(axis=1)


def fitted_terms(window, catalogue, counts_path=COUNTS):
    """The fit's data behind each rate of the window's era, checked against the window's
    config: [(k, type, n, E, D, widened, accidental path, deliberate path)], and the types
    left out with the reason."""
    start, end = window.start, window.end
    if start >= SPIRAL_START:
        era = "spiral"
    elif end < SPIRAL_START:
        era = "deep"
    else:
        raise EscalateError(f"window {start}..{end} spans two of the fit's eras (deep to 2021, spiral "
                        "from 2022): --counts fitted needs a window inside one")
    index = rate_phases().index(era)
    res = fit_all(catalogue.rows, read_counts(counts_path), catalogue.last)
    cfg = window.resolved()
    terms, left_out = [], []
    for k, t in enumerate(window.incident):
        if t not in res or era not in res[t]["eras"]:
            left_out.append((t, "the fit has no such type or era"))
            continue
        fit = res[t]["eras"][era]
        if fit["deliberate"]["source"] != "catalogue":
            left_out.append((t, f"its deliberate rate comes from {fit['deliberate']['source']}, not from the catalogue"))
            continue
        paths = []
        for comp, key in (("accidental", "accidental_rate"), ("deliberate", "deliberate_rate")):
            shape, rate, _ = phase_gammas(res[t], t, comp)[index]
            have = lookup(cfg, f"incident.{t}.{key}.{index}")
            if not (isinstance(have, dict) and have.get("dist") == "gamma"
                    and np.isclose(have["shape"], shape, rtol=1e-5) and np.isclose(have["rate"], rate, rtol=1e-5)):
                raise EscalateError(f"incident.{t}.{key}[{index}] of {window.config_path or window.path} is {have!r}, "
                                f"not the fit's gamma(shape={shape:.6g}, rate={rate:.6g}): --counts fitted "
                                "needs the fitted rates (configs/fitted, regenerate it) or use --counts plain")
            path = f"incident.{t}.{key}.{index}"
            if path not in window.parameter:
                raise EscalateError(f"{path} is not an uncertain parameter of {window.path}")
            paths.append(window.parameter.index(path))
        tot = fit["total"]
        terms.append((k, t, tot["n"], tot["exposure"], tot["dispersion"], tot["method"] != "poisson", *paths))
    return terms, left_out


def counts_fitted(window, terms):
    ll = np.zeros(window.draws)
    for k, t, n, e_fit, disp, widened, acc, dlb in terms:
        e_window = exposure(t, window.start, window.end)
        mu = window.incidents[:, k] * e_fit / e_window
        nu = (window.parameters[:, acc] + window.parameters[:, dlb]) * e_fit
        term = log_poisson(n, mu) - log_poisson(n, nu)
        ll += term / max(disp, 1.0) if widened else term
    return ll


def log_likelihoods(window, catalogue, terms=TERMS, count_mode="fitted"):
    """{term: [M] log-likelihood} for the chosen terms, and notes on what was left out."""
    observed_counts, observed_rungs = catalogue.window(window.incident, window.start, window.end)
    out, notes = {}, []
    for outcome in ("war", "clash"):
        if f"no_{outcome}" in terms:
            out[f"no_{outcome}"] = no_outcome(window, outcome)
    if "responses" in terms:
        out["responses"] = responses(window, observed_rungs)
    if "counts" in terms and count_mode != "off":
        if count_mode == "plain":
            out["counts"] = counts_plain(window, observed_counts)
        else:
            fit_terms, left_out = fitted_terms(window, catalogue)
            out["counts"] = counts_fitted(window, fit_terms)
            notes += [f"counts: {t} left out ({why})" for t, why in left_out]
    return out, notes, observed_counts, observed_rungs


def normalise(log_w):
    """Self-normalised weights (sum 1) and the effective number of draws (sum w)^2 / sum w^2."""
    log_w = np.asarray(log_w, float)
    if not np.isfinite(log_w).any():
        raise EscalateError("every draw has likelihood 0: no parameter draw is compatible with the record")
    w = np.exp(log_w - np.max(log_w[np.isfinite(log_w)]))
    w = np.where(np.isfinite(log_w), w, 0.0)
    w /= w.sum()
    return w, 1.0 / float(np.sum(w * w))
