"""The sweep figure: P(war), P(clash) and P(nuclear) against the swept value, each with its
95% Monte Carlo band over both loops, and for P(war) the narrower band of the paired
difference against the first point (common random numbers), drawn around the first
point's value."""
import numpy as np

from .common import LINE_COLOURS, percent_axis, significant, strings, text


def sweep_figure(f, results, stem, figs):
    paths = strings(f["sweep/path"])
    values = f["sweep/value"][:]
    p = f["sweep/probability"][:]             # [point, outcome: war, clash, nuclear]
    band = f["sweep/interval"][:]             # [point, outcome, bound]
    diff = f["comparison/difference"][:, 0]   # war, against point 0
    paired = f["comparison/paired_interval"][:, 0, :]
    x = values[:, 0]
    groups = [np.arange(len(x))]
    labels = [""]
    if len(paths) > 1:  # one line per value of the other swept paths
        keys = [tuple(v[1:]) for v in values]
        uniq = list(dict.fromkeys(keys))
        groups = [np.array([i for i, k in enumerate(keys) if k == u]) for u in uniq]
        labels = [", ".join(f"{path.split('.')[-1]} = {significant(v, 3)}" for path, v in zip(paths[1:], u)) for u in uniq]
    fig, axes = figs.new(11, 4.2)
    fig.clf()
    axes = fig.subplots(1, 3)
    drawn = []
    outcomes = [("war", 0), ("first clash", 1), ("nuclear use", 2)]
    leaf = paths[0].split(".")[-1]
    for ax, (name, o) in zip(axes, outcomes):
        for g, (idx, label) in enumerate(zip(groups, labels)):
            colour = LINE_COLOURS[g % len(LINE_COLOURS)]
            order = idx[np.argsort(x[idx])]
            ax.plot(x[order], 100 * p[order, o], "-", color=colour, marker="o", ms=3, label=label or None)
            ax.fill_between(x[order], 100 * band[order, o, 0], 100 * band[order, o, 1], color=colour, alpha=0.12, lw=0)
            if o == 0 and g == 0:  # paired band: the first point's value plus the paired difference
                ax.fill_between(x[order], 100 * (p[0, 0] + paired[order, 0]), 100 * (p[0, 0] + paired[order, 1]),
                                color=colour, alpha=0.35, lw=0, label="paired 95% vs the first point")
        ax.set_title(f"P({name})", fontsize=11)
        ax.set_xlabel(leaf)
        percent_axis(ax.yaxis)
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
    axes[0].set_ylabel("probability by the horizon (%)")
    if len(groups) > 1 or True:
        axes[0].legend(fontsize=8, loc="upper left")
    for g, (idx, label) in enumerate(zip(groups, labels)):
        order = idx[np.argsort(x[idx])]
        drawn.append({"label": label, "x": x[order].tolist(), "p_war": p[order, 0].tolist(),
                      "p_clash": p[order, 1].tolist(), "p_nuclear": p[order, 2].tolist(),
                      "paired_war": paired[order].tolist(), "difference_war": diff[order].tolist()})
    ax = axes[0]
    horizon = int(results[0].g.attrs.get("horizon_days", 0))
    config = text(f.attrs.get("configs", "")).split()[0] if f.attrs.get("configs") is not None else stem
    figs.title(fig, ax, "sweep", f"{stem}: P(war), P(first clash), P(nuclear use) by day {horizon} against {paths[0]}\n"
               "light bands: 95% Monte Carlo intervals (draws and trajectories); dark: paired against the first point",
               [r.warning for r in results[:1]])
    figs.save(fig, stem, "sweep")
    return {"paths": paths, "lines": drawn, "config": config}
