"""`reportgen mail`: the outputs sent by email with the message the workbook's `mail`
sheet gives. compose (the message, by the email package), config (server and credentials
from the environment or the user's config file), send (SMTP with retries and a log),
outgoing (build or reuse the outputs, one message per recipient list, the dry run)."""
