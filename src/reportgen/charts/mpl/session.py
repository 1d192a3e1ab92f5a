"""A private matplotlib session: bundled fonts registered, rc settings from the defaults.

In: the document `Theme`. Out: a context inside which figures are drawn with the theme's
fonts and colours, whatever the user's matplotlibrc says. Fonts are registered from the
theme's files with `font_manager.fontManager.addfont`; the lookup is then checked to
resolve to exactly those files (a system copy of the same family must not win).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import logging

import matplotlib as mpl
import matplotlib.style
from cycler import cycler
from matplotlib import font_manager, ft2font

from reportgen.model import Theme

SVG_HASH_SALT = "reportgen"


@contextmanager
def rendering(theme: Theme) -> Iterator[None]:
    """rcParams for drawing charts; the caller's rcParams come back afterwards."""
    register(theme.font_bold)
    families = (register(theme.font_regular), register(theme.font_fallback))
    log = logging.getLogger("matplotlib.font_manager")
    log.addFilter(_no_fallback_weight_warning)
    try:
        with mpl.rc_context():
            matplotlib.style.use("default")  # rcParamsDefault: ignores the user's matplotlibrc
            mpl.rcParams.update(rc_params(theme, families))
            check_lookup(theme, families[0])
            yield
    finally:
        log.removeFilter(_no_fallback_weight_warning)


def _no_fallback_weight_warning(record: logging.LogRecord) -> bool:
    """The fallback font has no bold face; regular is the intended substitute for the few
    characters it draws, so that lookup notice is not a warning for our users."""
    return not record.getMessage().startswith("findfont: Failed to find font weight")


def register(path: Path) -> str:
    """Register one bundled font file (once per process) and return its family name."""
    path = Path(path).resolve()
    known = {_resolved(e.fname) for e in font_manager.fontManager.ttflist}
    if path not in known:
        font_manager.fontManager.addfont(path)
    _prefer(path)
    return _family(path)


@lru_cache(maxsize=8)
def _family(path: Path) -> str:
    return font_manager.ttfFontProperty(ft2font.FT2Font(str(path))).name


def _prefer(path: Path) -> None:
    """Move `path`'s entries to the front: findfont keeps the first of equally good matches,
    and the system may hold another copy of the same family."""
    entries = font_manager.fontManager.ttflist
    entries.sort(key=lambda e: _resolved(e.fname) != path)  # stable: others keep order


@lru_cache(maxsize=None)
def _resolved(fname: str) -> Path:
    """A font list entry's file, resolved once per process (the list holds every system
    font, and it is scanned twice for each of the three bundled fonts)."""
    return Path(fname).resolve()


def check_lookup(theme: Theme, family: str) -> None:
    """Fail loudly if the family lookup does not land on the theme's own font files."""
    for weight, expected in (("normal", theme.font_regular), ("bold", theme.font_bold)):
        prop = font_manager.FontProperties(family=family, weight=weight)
        found = font_manager.findfont(prop, fallback_to_default=False, rebuild_if_missing=False)
        if Path(found).resolve() != Path(expected).resolve():
            raise RuntimeError(f"chart font lookup for {family} {weight} gave {found}, not {expected}")


def rc_params(theme: Theme, families: tuple[str, str]) -> dict[str, object]:
    return {
        "font.family": list(families),
        "text.color": theme.text,
        "axes.edgecolor": theme.rule,
        "axes.labelcolor": theme.text,
        "axes.linewidth": 0.7,
        "axes.spines.top": False,
        "axes.spines.right": False,
        "axes.grid": False,
        "axes.axisbelow": True,
        "axes.prop_cycle": cycler(color=list(theme.palette)),
        "axes.titlepad": 8.0,
        "axes.formatter.use_mathtext": False,
        "grid.color": theme.rule,
        "grid.linewidth": 0.5,
        "grid.alpha": 0.7,
        "xtick.color": theme.rule,
        "ytick.color": theme.rule,
        "xtick.labelcolor": theme.text,
        "ytick.labelcolor": theme.muted,
        "xtick.major.size": 0.0,
        "ytick.major.size": 0.0,
        "xtick.major.pad": 4.0,
        "ytick.major.pad": 4.0,
        "legend.frameon": False,
        "legend.handlelength": 1.0,
        "legend.handleheight": 0.8,
        "legend.handletextpad": 0.4,
        "legend.columnspacing": 1.2,
        "legend.borderaxespad": 0.0,
        "lines.linewidth": 1.8,
        "lines.markersize": 4.5,
        "patch.linewidth": 0.0,
        "figure.facecolor": "white",
        "figure.dpi": 72,
        "figure.constrained_layout.w_pad": 2 / 72,
        "figure.constrained_layout.h_pad": 2 / 72,
        "savefig.dpi": 300,
        "savefig.facecolor": "white",
        "svg.fonttype": "none",  # labels stay text; the PDF draws them in the same fonts
        "svg.hashsalt": SVG_HASH_SALT,
    }
