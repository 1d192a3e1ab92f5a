"""Japanese text rules shared by every renderer: character classes, line-break rules,
the line composer, phrase boundaries and number wording. Pure: no renderer imports here."""
