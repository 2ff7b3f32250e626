"""Tables of bench/agreement.sh: z-scores of the headline probabilities between two
engines, the widths of `compare`'s paired intervals, and per-draw monotonicity of P(war)
under restraint.institutions 0.3 -> 0.6. Usage: agreement.py DIR CONFIG..."""
import os
import sys

import h5py
import numpy as np

Z95 = 1.959963984540054


def headline(f):
    """(name, estimate, standard error) of the pooled probabilities, the error from the
    half-width of the file's 95% interval (docs/model.md §11)."""
    phases = [p.decode() for p in f["phase"][:]]
    rows = []
    for label, phase in [("P(spiral)", "spiral"), ("P(war)", "war"), ("P(nuclear)", "nuclear")]:
        i = phases.index(phase)
        lo, hi = f["p_reached_interval"][i]
        rows.append((label, f["p_reached"][i], (hi - lo) / (2 * Z95)))
    lo, hi = f["p_clash_interval"][:]
    rows.append(("P(clash)", f["p_clash"][()], (hi - lo) / (2 * Z95)))
    t = f["time"][:]
    if t[-1] >= 30:
        g = int(np.searchsorted(t, 30))
        lo, hi = f["p_war_by_time_interval"][g]
        rows.append(("P(war by day 30)", f["p_war_by_time"][g], (hi - lo) / (2 * Z95)))
    return rows


PER_DRAW = {"P(spiral)": "p_spiral", "P(war)": "p_war", "P(nuclear)": "p_nuclear", "P(clash)": "p_clash"}


def paired_z(a, b, label):
    """Both engines share the parameter draws: the per-draw differences remove the
    between-draw spread, so their mean over its standard error is a sharper test."""
    if label not in PER_DRAW:
        return float("nan")
    d = b["draws/" + PER_DRAW[label]][:] - a["draws/" + PER_DRAW[label]][:]
    se = d.std(ddof=1) / np.sqrt(len(d))
    return d.mean() / se if se > 0 else 0.0


def main(out, configs):
    print("z-scores, new minus reference: z over the combined standard error sqrt(se_ref^2 + se_new^2)")
    print("of the two runs' intervals; paired z over the standard error of the per-draw differences")
    print(f"{'config':32s} {'probability':18s} {'reference':>10s} {'new':>10s} {'z':>7s} {'paired z':>9s}")
    worst = worst_paired = 0.0
    for config in configs:
        name = os.path.splitext(os.path.basename(config))[0]
        with h5py.File(os.path.join(out, f"ref-{name}.h5")) as a, h5py.File(os.path.join(out, f"new-{name}.h5")) as b:
            for (label, pa, sa), (_, pb, sb) in zip(headline(a), headline(b)):
                se = np.hypot(sa, sb)
                z = (pb - pa) / se if se > 0 else 0.0
                pz = paired_z(a, b, label)
                worst = max(worst, abs(z))
                if np.isfinite(pz):
                    worst_paired = max(worst_paired, abs(pz))
                print(f"{name:32s} {label:18s} {pa:10.4f} {pb:10.4f} {z:7.2f} {pz:9.2f}")
    print(f"largest |z|: {worst:.2f}; largest |paired z|: {worst_paired:.2f}")

    with h5py.File(os.path.join(out, "ref-compare.h5")) as a, h5py.File(os.path.join(out, "new-compare.h5")) as b:
        names = [c.decode() for c in a["comparison/config"][:]]
        outcomes = [c.decode() for c in a["comparison/outcome"][:]]
        print(f"\ncompare (baseline and the policies): width of the paired 95% interval of P({outcomes[0]}), "
              f"P({outcomes[1]})")
        wa = a["comparison/paired_interval"][:, :, 1] - a["comparison/paired_interval"][:, :, 0]
        wb = b["comparison/paired_interval"][:, :, 1] - b["comparison/paired_interval"][:, :, 0]
        for i in range(1, wa.shape[0]):
            label = os.path.basename(names[i])
            print(f"  {label:40s} ref {wa[i, 0]:.4f} new {wb[i, 0]:.4f}   ref {wa[i, 1]:.4f} new {wb[i, 1]:.4f}")
        print(f"  mean width, first outcome: ref {wa[1:, 0].mean():.4f}, new {wb[1:, 0].mean():.4f}")

    print("\nrestraint.institutions 0.3 -> 0.6, 40 draws: draws where per-draw P(war) does not rise")
    for engine in ["ref", "new"]:
        with h5py.File(os.path.join(out, f"{engine}-institutions.h5")) as f:
            low, high = f["point-0/draws/p_war"][:], f["point-1/draws/p_war"][:]
            paired = f["comparison/paired_interval"][1, 0]
            print(f"  {engine}: {int(np.sum(high <= low))} of {len(low)} (equal in {int(np.sum(high == low))}); "
                  f"paired interval of the difference in P(war): [{paired[0]:+.4f}, {paired[1]:+.4f}], "
                  f"width {paired[1] - paired[0]:.4f}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2:])
