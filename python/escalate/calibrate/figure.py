"""The predictive check's figure: one panel per incident type (the model's 90% band and
median of each year's count, the record's count, red where it lies outside the band), and
one panel of the answers by rung (shares of the window's answers)."""
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

from escalate.fit.assumptions import RUNGS  # noqa: E402

from .predictive import answers, band  # noqa: E402

BAND, MEDIAN, OBSERVED, OUTSIDE = "#9ecae1", "#08519c", "black", "#d62728"


def draw(windows, path, published, title):
    """published: [(series, entry)] of predictive.series, drawn as crosses."""
    types = []
    for w in windows:
        types += [t for t in w.types if t not in types]
    ncols = 3
    nrows = int(np.ceil((len(types) + 1) / ncols))
    fig, axes = plt.subplots(nrows, ncols, figsize=(4.2 * ncols, 2.9 * nrows), squeeze=False)
    for ax, t in zip(axes.flat, types):
        for w in windows:
            if t not in w.types:
                continue
            k = w.types.index(t)
            years = [y.year + (0.5 if y.first.month == 1 and y.first.day == 1 else 0.7) for y in w.years]
            stats = [band(y.counts[:, k]) for y in w.years]
            lo, med, hi = (np.array(s) for s in zip(*stats))
            ax.fill_between(years, lo, hi, color=BAND, alpha=0.8, step=None, lw=0)
            ax.plot(years, med, color=MEDIAN, lw=1.5)
            obs = np.array([y.observed[k] for y in w.years])
            out = (obs < lo) | (obs > hi)
            ax.plot(np.array(years)[~out], obs[~out], "o", color=OBSERVED, ms=4)
            ax.plot(np.array(years)[out], obs[out], "o", color=OUTSIDE, ms=6)
        pub = [(name, e) for name, e in published if e["type"] == t]
        for name, e in pub:
            ax.plot(e["year"] + 0.5, e["observed"], "x", color=OUTSIDE if e["flag"] else OBSERVED, ms=7, mew=2)
        if pub:
            ax.plot([], [], "x", color=OBSERVED, label=pub[0][0].split("_")[0].upper() + " count")
            ax.legend(fontsize=7, loc="upper left")
        ax.set_title(t, fontsize=10)
        ax.set_xlim(2014, 2026)
        ax.set_ylim(bottom=0)
        ax.grid(alpha=0.3)
        ax.tick_params(labelsize=8)
    first = axes.flat[0]
    first.fill_between([], [], [], color=BAND, label="model, 90% band")
    first.plot([], [], color=MEDIAN, label="model, median")
    first.plot([], [], "o", color=OBSERVED, ms=4, label="catalogue rows")
    first.legend(fontsize=7, loc="upper left")
    ax = axes.flat[len(types)]
    width = 0.8 / (2 * len(windows))
    x = np.arange(len(RUNGS))
    for i, w in enumerate(windows):
        a = answers(w)
        share = np.array([r["share"] for r in a])
        lo = np.array([r["share_band"][0] for r in a])
        med = np.array([r["share_band"][1] for r in a])
        hi = np.array([r["share_band"][2] for r in a])
        off = (2 * i - len(windows)) * width + width / 2
        label = f"{w.start.year}-{w.end.year}"
        ax.bar(x + off, med, width, color=BAND if i else MEDIAN, alpha=0.9,
               yerr=[med - lo, hi - med], capsize=2, label=f"model {label}")
        ax.bar(x + off + width, share, width, color="#636363" if i else OBSERVED,
               label=f"record {label}")
    ax.set_xticks(x)
    ax.set_xticklabels(["none", "protest", "counter-\nmeasure", "strike", "war"], fontsize=8)
    ax.set_title("answers to incidents (share)", fontsize=10)
    ax.legend(fontsize=7)
    ax.grid(alpha=0.3, axis="y")
    for ax in list(axes.flat)[len(types) + 1:]:
        ax.axis("off")
    for ax in axes[:, 0]:
        ax.set_ylabel("incidents per year", fontsize=9)
    fig.suptitle(title, fontsize=11)
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
