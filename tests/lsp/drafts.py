"""Invented drafts for the language-server tests (never text from the corpus)."""

# Non-BMP characters (𝔸, 😀) and a combining mark (e + U+0301) stand before diagnostics
# on the same line, so a server counting in the wrong unit puts ranges and edits astray.
NONBMP = (
    "Draft resolution A/81/L.7\n"
    "\n"
    "Protection of cultural heritage 𝔸\n"
    "\n"
    "The General Assembly,\n"
    "\n"
    "Recalling its resolution 78/10 on heritage 😀 and café,\n"
    "\n"
    "Noting the work of the Committee on 𝔸 and the e\u0301tudes of experts 😀;\n"
    "\n"
    "1. Urges Member States 😀 to protect heritage sites;\n"
    "\n"
    "2. Calling upon all 𝔸 parties to cooperate;\n"
    "\n"
    "4. Requests the Secretary-General to report on paragraph 2 above;\n"
    "\n"
    "5. Decides to remain seized of the matter.\n"
)

PLAIN = (
    "The General Assembly,\n"
    "\n"
    "Recalling its earlier resolutions,\n"
    "\n"
    "Welcoming the report of the Secretary-General,\n"
    "\n"
    "1. Requests the Secretary-General to report;\n"
    "\n"
    "2. Decides to remain seized of the matter.\n"
)

INTERPOL = (
    "Resolution No. 3\n"
    "\n"
    "Subject: Cooperation on stolen works of art\n"
    "\n"
    "The ICPO-INTERPOL General Assembly, meeting in Lyon from 1 to 4 November 2025 at its 93rd session:\n"
    "\n"
    "RECALLING the earlier work of the Organization,\n"
    "\n"
    "\n"
)
