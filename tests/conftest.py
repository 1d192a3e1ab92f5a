"""The suite speaks English: messages are asserted as the English catalog words them,
whatever the machine's locale (tests of the Japanese catalog set the language themselves).
Set at import, so that the CLI processes the tests start inherit it too."""

import os

os.environ["REPORTGEN_LANG"] = "en"
