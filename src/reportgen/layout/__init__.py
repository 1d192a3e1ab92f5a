"""Layout decisions shared by every renderer (table column widths), pure functions of the
model and of text widths."""
